// --from/--to keep every fractional digit given (the server filters to 100 ns; a JS Date
// holds only milliseconds), converted to UTC without losing any of them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { UsageError } from "../src/errors.js";
import { parseInstantUtc, resolveWindow } from "../src/time.js";
import { runCli } from "./run-cli.js";
import { parseFormat } from "./rows.js";
import { startServer, tokenEnv, type TestServer } from "./testkit-server.js";

describe("parseInstantUtc", () => {
  test.each([
    ["2022-03-12T15:55:20.8557416Z", "2022-03-12T15:55:20.8557416Z"],
    ["2022-03-12T18:55:20.8557416+03:00", "2022-03-12T15:55:20.8557416Z"],
    ["2022-03-12T10:25:20.0000001-0530", "2022-03-12T15:55:20.0000001Z"],
    ["2022-03-12T15:55:20.8557Z", "2022-03-12T15:55:20.8557Z"],
    ["2022-03-12T15:55:20.5Z", "2022-03-12T15:55:20.500Z"],
  ])("%s is sent as %s", (text, iso) => {
    const instant = parseInstantUtc(text, "--from");
    expect(instant.iso).toBe(iso);
    expect(instant.date.toISOString()).toBe(`${iso.slice(0, 23)}Z`);
  });

  test("more than 7 fractional digits is refused, naming the flag", () => {
    expect(() => parseInstantUtc("2022-03-12T15:55:20.85574160Z", "--to")).toThrow(UsageError);
    expect(() => parseInstantUtc("2022-03-12T15:55:20.85574160Z", "--to")).toThrow(/^--to '2022-03-12T15:55:20.85574160Z' has more than 7 fractional digits/);
  });

  test("--from after --to by less than a millisecond is refused", () => {
    const now = new Date();
    expect(() => resolveWindow({ from: "2022-03-12T15:55:20.8557417Z", to: "2022-03-12T15:55:20.8557416Z" }, now, "24h")).toThrow(/is after --to/);
    expect(resolveWindow({ from: "2022-03-12T15:55:20.8557416Z", to: "2022-03-12T15:55:20.8557416Z" }, now, "24h").label).toBe(
      "from 2022-03-12T15:55:20.8557416Z to 2022-03-12T15:55:20.8557416Z",
    );
    expect(() => resolveWindow({ from: "2022-03-12T15:55:20.86Z", to: "2022-03-12T15:55:20.8557416Z" }, now, "24h")).toThrow(/is after --to/);
  });
});

describe("a window one tick (100 ns) off a session's start, against the testkit server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(60);
  });
  afterAll(() => server?.close());

  test("--from one tick after a session leaves it out; --to one tick before it too", async () => {
    const ids = [...server.data.sessionIds()];
    // A session whose start's last (100 ns) digit can move one either way.
    const index = ids.findIndex((_, i) => i > 0 && /\.\d{6}[1-8]Z$/.test(server.data.session(i).creationTime));
    expect(index).toBeGreaterThan(0);
    const start = server.data.session(index).creationTime; // UTC, 7 digits
    const lastDigit = Number(start.at(-2));
    const shift = (step: number) => `${start.slice(0, -2)}${lastDigit + step}Z`;
    expect(lastDigit).toBeGreaterThan(0);
    expect(lastDigit).toBeLessThan(9);

    const list = async (args: string[]) => {
      const result = await runCli(["sessions", ...args, "--format", "ndjson"], { env: tokenEnv(server) });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      return parseFormat("ndjson", result.stdout).map((row) => row.id!);
    };
    const from = await list(["--from", shift(1), "--to", "2100-01-01T00:00:00Z"]);
    expect(from).toEqual(ids.slice(0, index)); // newest first: every session after it, not it
    expect(from).toEqual([...server.data.sessionIds({ startTimeFrom: shift(1), startTimeTo: "2100-01-01T00:00:00Z" })]);
    const to = await list(["--from", "2000-01-01T00:00:00Z", "--to", shift(-1)]);
    expect(to).toEqual(ids.slice(index + 1));
    expect(to).toEqual([...server.data.sessionIds({ startTimeFrom: "2000-01-01T00:00:00Z", startTimeTo: shift(-1) })]);
    const on = await list(["--from", start, "--to", start]);
    expect(on).toEqual([ids[index]]);
  });
});
