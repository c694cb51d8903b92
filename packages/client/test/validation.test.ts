import { describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365ValidationError } from "../src/index.js";
import { toUtcIso } from "../src/validate.js";
import { BASE, SESSION_ID, fakeFetch } from "./helpers/fake-fetch.js";

function client() {
  const recorded = fakeFetch(() => Response.json({ offset: 0, limit: 30, results: [] }));
  return { ...recorded, vbm: createVbm365Client({ baseUrl: BASE, auth: { token: "t" }, fetch: recorded.fetch }) };
}

describe("input checks, before any request", () => {
  it.each([
    [{ startTimeFrom: "yesterday" }, 'startTimeFrom: "yesterday" is not a Date or an ISO-8601 date with a zone, like 2024-05-01T00:00:00Z'],
    [{ startTimeTo: "2024-13-45T00:00:00Z" }, 'startTimeTo: "2024-13-45T00:00:00Z" is not a Date or an ISO-8601 date'],
    [{ startTimeFrom: "2024-05-01T10:00:00" }, 'startTimeFrom: "2024-05-01T10:00:00" is not a Date or an ISO-8601 date with a zone'],
    [{ startTimeFrom: new Date("nope") }, "startTimeFrom: Invalid Date is not a valid Date"],
    [
      { startTimeFrom: "2024-05-02T00:00:00Z", startTimeTo: "2024-05-01T00:00:00Z" },
      'startTimeFrom: "2024-05-02T00:00:00Z" is after startTimeTo (2024-05-01T00:00:00Z)',
    ],
    [{ limit: 0 }, "limit: 0 must be a whole number from 1 to 10000"],
    [{ limit: 10001 }, "limit: 10001 must be a whole number from 1 to 10000"],
    [{ limit: 2.5 }, "limit: 2.5 must be a whole number"],
    [{ offset: -1 }, "offset: -1 must be a whole number from 0 to 2147483647"],
    // The spec's offset is an int32: more would be a server 400.
    [{ offset: 2147483648 }, "offset: 2147483648 must be a whole number from 0 to 2147483647"],
    // Date.parse would move these on to the next month.
    [{ startTimeFrom: "2024-02-30T10:00:00Z" }, 'startTimeFrom: "2024-02-30T10:00:00Z" is not a Date or an ISO-8601 date'],
    [{ startTimeTo: "2023-02-29" }, 'startTimeTo: "2023-02-29" is not a Date or an ISO-8601 date'],
    [{ startTimeTo: "2024-04-31T00:00:00+02:00" }, 'startTimeTo: "2024-04-31T00:00:00+02:00" is not a Date or an ISO-8601 date'],
    // The server reads at most 7 fractional digits and answers 400 to more.
    [
      { startTimeTo: "2024-05-01T00:00:00.12345678Z" },
      'startTimeTo: "2024-05-01T00:00:00.12345678Z" is not a Date or an ISO-8601 date with a zone, like 2024-05-01T00:00:00Z (at most 7 fractional digits)',
    ],
  ])("list(%j) is refused", async (filter, message) => {
    const { vbm, requests } = client();
    const error = await vbm.restoreSessions.list(filter as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Vbm365ValidationError);
    expect((error as Error).message).toContain(message);
    expect(requests).toHaveLength(0);
  });

  it.each([0, 10001, Number.NaN])("iterate({ pageSize: %s }) throws at once, not on the first page", (pageSize) => {
    const { vbm, requests } = client();
    expect(() => vbm.restoreSessions.iterate({ pageSize })).toThrow(`pageSize: ${pageSize} must be a whole number from 1 to 10000`);
    expect(() => vbm.restoreSessions.events(SESSION_ID, { pageSize })).toThrow("pageSize");
    expect(requests).toHaveLength(0);
  });

  it("iterate checks its window at once too", () => {
    const { vbm } = client();
    expect(() => vbm.restoreSessions.iterate({ startTimeFrom: "2024-05-02Z" })).toThrow('startTimeFrom: "2024-05-02Z"');
  });

  it.each(["get", "stop", "organization"] as const)("%s refuses an id that is not a uuid", async (method) => {
    const { vbm, requests } = client();
    await expect(vbm.restoreSessions[method]("../Token")).rejects.toThrow('id: "../Token" is not a uuid');
    expect(requests).toHaveLength(0);
  });

  it("event and events check both ids", async () => {
    const { vbm, requests } = client();
    await expect(vbm.restoreSessions.event(SESSION_ID, "42")).rejects.toThrow('eventId: "42" is not a uuid');
    expect(() => vbm.restoreSessions.events("x")).toThrow('id: "x" is not a uuid');
    expect(requests).toHaveLength(0);
  });

  it("refuses a baseUrl that is not http(s)", () => {
    expect(() => createVbm365Client({ baseUrl: "vbm.example:4443", auth: { token: "t" } })).toThrow("baseUrl:");
  });
});

describe("dates", () => {
  it("sends Dates and offset strings as UTC ISO, keeping .NET's seven fractional digits", async () => {
    const { vbm, requests } = client();
    await vbm.restoreSessions.list({ startTimeFrom: "2022-03-12T18:55:20.8557416+03:00", startTimeTo: new Date(Date.UTC(2022, 3, 12)) });
    const params = new URL(requests[0]!.url).searchParams;
    expect(params.get("startTimeFrom")).toBe("2022-03-12T15:55:20.8557416Z");
    expect(params.get("startTimeTo")).toBe("2022-04-12T00:00:00.000Z");
  });

  it("reads a date-only string as UTC midnight", () => {
    expect(toUtcIso("startTimeFrom", "2024-02-29")).toBe("2024-02-29T00:00:00.000Z");
  });
});
