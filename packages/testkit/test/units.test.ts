import { describe, expect, it } from "vitest";
import { SessionJsonCache } from "../src/caches.js";
import { decodeId, encodeId } from "../src/ids.js";
import { hash32 } from "../src/random.js";
import { itemEvent, itemOutcome, planItem } from "../src/events.js";
import { drawProfile } from "../src/profile.js";
import { formatOffsetTicks, formatTimeSpan, formatUtcTicks, parseInstant, TICKS_PER_SECOND } from "../src/time.js";
import { timelineOf } from "../src/timeline.js";

describe("ids that encode their index", () => {
  it("round-trip any 40-bit number and reject ids from another key or with one digit changed", () => {
    const key = hash32(1, 1);
    for (const n of [0, 1, 2 ** 20, 2 ** 32 + 5, 2 ** 39, 2 ** 40 - 1, 123_456_789]) {
      const id = encodeId(n, key);
      expect(decodeId(id, key)).toBe(n);
      expect(decodeId(id.toUpperCase(), key)).toBe(n);
      expect(decodeId(id, hash32(2, 1))).toBeUndefined();
      const flipped = id.slice(0, 35) + (id.endsWith("0") ? "1" : "0");
      expect(decodeId(flipped, key)).toBeUndefined();
    }
    expect(decodeId("not-a-uuid", key)).toBeUndefined();
  });
});

describe("instants at .NET tick precision", () => {
  it.each([
    ["2022-03-12T15:55:20.8557416Z", "2022-03-12T15:55:20.8557416Z"],
    ["2022-03-12T18:55:20.8557416+03:00", "2022-03-12T15:55:20.8557416Z"],
    ["2022-03-12T10:25:20.5-05:30", "2022-03-12T15:55:20.5000000Z"],
    ["2022-03-12T15:55:20", "2022-03-12T15:55:20.0000000Z"],
    ["2022-03-12T15:55Z", "2022-03-12T15:55:00.0000000Z"],
    ["2022-03-12", "2022-03-12T00:00:00.0000000Z"],
    ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.0000000Z"],
  ])("parses %s as %s", (text, utc) => {
    expect(formatUtcTicks(parseInstant(text)!)).toBe(utc);
  });

  it.each([
    "notadate",
    "2022-02-29T00:00:00Z",
    "2022-13-01",
    "2022-03-12T24:00:00Z",
    "2022-03-12T15:55:20.12345678Z",
    "2022-03-12T15:55:20 03:00",
    "2022-03-12T15:55:20+15:00",
    "",
  ])("refuses %j", (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it("prints time spans as .NET does", () => {
    expect(formatTimeSpan(74_150_000n)).toBe("00:00:07.4150000");
    expect(formatTimeSpan(0n)).toBe("00:00:00");
    expect(formatTimeSpan(3_723n * 10_000_000n)).toBe("01:02:03");
  });
});

describe("the rendered-session cache", () => {
  it("holds at most MAX_ENTRIES, dropping the oldest, and renders each key once while held", () => {
    const cache = new SessionJsonCache();
    let renders = 0;
    const render = () => String(++renders);
    for (let key = 0; key <= SessionJsonCache.MAX_ENTRIES; key++) cache.get(key, render);
    expect(cache.size).toBe(SessionJsonCache.MAX_ENTRIES);
    expect(cache.get(SessionJsonCache.MAX_ENTRIES, render)).toBe(String(SessionJsonCache.MAX_ENTRIES + 1));
    expect(renders).toBe(SessionJsonCache.MAX_ENTRIES + 1);
    cache.get(0, render);
    expect(renders).toBe(SessionJsonCache.MAX_ENTRIES + 2);
  });
});

describe("an item running when its session is stopped", () => {
  it("is Cancelled and ends at the Stop, inside the session", () => {
    const p = { ...drawProfile(3, 7, parseInstant("2026-01-15T10:00:00Z")!), items: 4, zone: 0 };
    const plan = planItem(3, 7, 2, p);
    const stoppedAt = plan.start + plan.duration / 2n;
    const tl = timelineOf(p, (item) => planItem(3, 7, item, p).start, stoppedAt + 1000n * TICKS_PER_SECOND, stoppedAt);
    expect(tl).toEqual({ working: false, items: 2, end: stoppedAt, stoppedAt });
    const event = itemEvent(3, 7, 2, p, tl, { id: "e", sessionId: "s", order: 3, version: "v6" });
    expect(event.status).toBe("Cancelled");
    expect(event.endTime).toBe(formatOffsetTicks(stoppedAt, 0));
    expect(event.duration).toBe(formatTimeSpan(stoppedAt - plan.start));
    expect(event.message).toMatch(/cancelled: the session was stopped$/);
  });

  it("a session still running at the clock is Working and shows only the items started by then", () => {
    const p = { ...drawProfile(3, 7, parseInstant("2026-01-15T10:00:00Z")!), items: 6, alwaysWorking: false };
    const startOf = (item: number) => planItem(3, 7, item, p).start;
    const tl = timelineOf(p, startOf, startOf(3) + 1n, undefined);
    expect(tl).toEqual({ working: true, items: 3, end: null });
    expect(itemOutcome(3, 7, 3, p, tl)).toEqual({ status: "Running", end: null });
  });
});
