import { describe, expect, test } from "vitest";
import { formatDuration, parseDuration, parseTypedInstant, resolveWindow, SettingsError } from "../src/index.js";

const parseInstant = (text: string, flag: string) => parseTypedInstant(text, flag).date;

describe("parseDuration", () => {
  test.each([
    ["90m", 90 * 60_000],
    ["24h", 24 * 3600_000],
    ["7d", 7 * 86_400_000],
    ["1h30m", 90 * 60_000],
    ["2W", 14 * 86_400_000],
    ["1500ms", 1500],
  ])("%s", (text, ms) => expect(parseDuration(text, "--since")).toBe(ms));

  test.each(["", "24", "h", "1.5h", "-2h", "0h", "24 hours", "1y"])("rejects '%s'", (text) => {
    expect(() => parseDuration(text, "--since")).toThrow(SettingsError);
    expect(() => parseDuration(text, "--since")).toThrow(
      /^--since '.*' (is not a duration: use a number and a unit|must be longer than zero)/,
    );
  });

  test("bounds: a range refuses what is outside it, naming both ends; digits past any number are too long", () => {
    const range = { minMs: 60_000, maxMs: 86_400_000, text: "from 1m to 1d" };
    expect(parseDuration("1d", "--x", range)).toBe(86_400_000);
    expect(() => parseDuration("25h", "--x", range)).toThrow("--x '25h' is too long: use from 1m to 1d");
    expect(() => parseDuration("59s", "--x", range)).toThrow("--x '59s' is too short: use from 1m to 1d");
    expect(() => parseDuration("99999999999999999999d", "--since")).toThrow(/is too long/);
  });

  test("formatDuration writes it back", () => expect(formatDuration(parseDuration("1d2h30m", "x"))).toBe("1d2h30m"));
});

describe("parseTypedInstant", () => {
  test("Z and offsets are exact instants", () => {
    expect(parseInstant("2026-11-27T08:00:00Z", "--from").toISOString()).toBe("2026-11-27T08:00:00.000Z");
    expect(parseInstant("2026-11-27T08:00:00+03:00", "--from").toISOString()).toBe("2026-11-27T05:00:00.000Z");
    expect(parseInstant("2026-11-27T08:00-0530", "--from").toISOString()).toBe("2026-11-27T13:30:00.000Z");
    expect(parseInstant("2022-03-12T15:55:20.8557416Z", "--from").toISOString()).toBe("2022-03-12T15:55:20.855Z");
  });

  test("without an offset it is local time (a date alone is local midnight)", () => {
    const local = parseInstant("2026-11-27T08:15", "--from");
    expect([local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes()]).toEqual([2026, 10, 27, 8, 15]);
    const midnight = parseInstant("2026-11-27", "--from");
    expect([midnight.getDate(), midnight.getHours(), midnight.getMinutes()]).toEqual([27, 0, 0]);
  });

  test.each(["27/11/2026", "2026-11-27T25:00", "2026-02-30", "2026-11-27T08:00+3", "tomorrow", "2026-1-5"])("rejects '%s'", (text) => {
    expect(() => parseInstant(text, "--from")).toThrow(SettingsError);
    expect(() => parseInstant(text, "--from")).toThrow(/^--from '.*' is not a (real )?date/);
  });
});

describe("resolveWindow", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  test("defaults to the last 24h", () => {
    expect(resolveWindow({}, now, "24h").from?.toISOString()).toBe("2026-11-27T12:00:00.000Z");
  });
  test("--from after --to is refused", () => {
    expect(() => resolveWindow({ from: "2026-11-28T00:00Z", to: "2026-11-27T00:00Z" }, now, "24h")).toThrow(/is after --to/);
  });
  test("--all has no bounds", () => {
    expect(resolveWindow({ all: true }, now, "24h")).toEqual({ label: "in all time" });
  });
});

describe("parseTypedInstant keeps every fractional digit", () => {
  test.each([
    ["2022-03-12T15:55:20.8557416Z", "2022-03-12T15:55:20.8557416Z"],
    ["2022-03-12T18:55:20.8557416+03:00", "2022-03-12T15:55:20.8557416Z"],
    ["2022-03-12T10:25:20.0000001-0530", "2022-03-12T15:55:20.0000001Z"],
    ["2022-03-12T15:55:20.8557Z", "2022-03-12T15:55:20.8557Z"],
    ["2022-03-12T15:55:20.5Z", "2022-03-12T15:55:20.500Z"],
  ])("%s is sent as %s", (text, iso) => {
    const instant = parseTypedInstant(text, "--from");
    expect(instant.iso).toBe(iso);
    expect(instant.date.toISOString()).toBe(`${iso.slice(0, 23)}Z`);
  });

  test("more than 7 fractional digits is refused, naming the flag", () => {
    expect(() => parseTypedInstant("2022-03-12T15:55:20.85574160Z", "--to")).toThrow(SettingsError);
    expect(() => parseTypedInstant("2022-03-12T15:55:20.85574160Z", "--to")).toThrow(
      /^--to '2022-03-12T15:55:20.85574160Z' has more than 7 fractional digits/,
    );
  });

  test("--from after --to by less than a millisecond is refused", () => {
    const now = new Date();
    expect(() => resolveWindow({ from: "2022-03-12T15:55:20.8557417Z", to: "2022-03-12T15:55:20.8557416Z" }, now, "24h")).toThrow(
      /is after --to/,
    );
    expect(resolveWindow({ from: "2022-03-12T15:55:20.8557416Z", to: "2022-03-12T15:55:20.8557416Z" }, now, "24h").label).toBe(
      "from 2022-03-12T15:55:20.8557416Z to 2022-03-12T15:55:20.8557416Z",
    );
    expect(() => resolveWindow({ from: "2022-03-12T15:55:20.86Z", to: "2022-03-12T15:55:20.8557416Z" }, now, "24h")).toThrow(
      /is after --to/,
    );
  });
});
