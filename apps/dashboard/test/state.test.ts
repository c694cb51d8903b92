// The page's URL state: what a shared link holds, and what a tampered one falls back to.
import { describe, expect, it } from "vitest";
import { defaults, readState, resolveWindow, writeState } from "../web/state.js";

describe("view state in the URL", () => {
  it("round-trips every field and leaves defaults out", () => {
    const state = {
      ...defaults,
      window: "custom" as const,
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-01-08T00:00:00.000Z",
      type: "Vex",
      state: "Working",
      result: "Failed",
      initiatedBy: "SRV\\admin",
      q: "contoso & co",
      sort: "result" as const,
      dir: "asc" as const,
      page: 3,
      pageSize: 100,
      refresh: 60,
      session: "b7f43a7f-3508-4d04-8ec2-ece6944e916b",
    };
    expect(readState(writeState(state))).toEqual(state);
    expect(writeState(defaults)).toBe("");
    expect(writeState({ ...defaults, result: "Failed" })).toBe("?result=Failed");
  });

  it("ignores values it does not understand", () => {
    const state = readState("?window=1y&sort=password&dir=up&page=-2&size=7&refresh=1&type=Vex<b>&session=../x");
    expect(state).toEqual(defaults);
    expect(readState("?window=custom&from=nonsense&to=2026-01-01T00:00:00Z").window).toBe("24h");
  });

  it("turns a preset into a window ending now", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    expect(resolveWindow({ ...defaults, window: "7d" }, now)).toEqual({ from: "2026-03-03T12:00:00.000Z", to: "2026-03-10T12:00:00.000Z" });
  });
});
