import { describe, expect, it } from "vitest";
import { formatIsoTicks, isoTicks, parseIsoDateTime, TICKS_PER_MS } from "../src/index.js";

describe("parseIsoDateTime", () => {
  it("reads the API's form: date, time, seven fractional digits and the zone", () => {
    expect(parseIsoDateTime("2022-03-12T15:55:20.8557416+03:30")).toEqual({
      year: 2022, month: 3, day: 12, hour: 15, minute: 55, second: 20, fraction: "8557416", offsetMinutes: 210, hasTime: true,
    });
    expect(parseIsoDateTime("2024-05-01")).toMatchObject({ hasTime: false, offsetMinutes: undefined, hour: 0 });
    expect(parseIsoDateTime("2024-05-01T08:00-01:00")).toMatchObject({ second: 0, fraction: "", offsetMinutes: -60 });
  });

  it.each(["2024-02-30T00:00:00Z", "2023-02-29", "2024-13-01", "2024-05-01T24:00:00Z", "2024-05-01T12:60Z", "2024-05-01T12:00:60Z", "2024-05-01T00:00+24:00", "2024-05-01T00:00+01:60"])(
    "refuses %s, which does not exist on the calendar or the clock",
    (text) => expect(parseIsoDateTime(text)).toBeUndefined(),
  );

  it("takes the typed spellings (space, comma, short offsets) only when asked", () => {
    for (const text of ["2026-11-27 08:00", "2026-11-27T08:00:00,5Z", "2026-11-27T08:00+03", "2026-11-27T08:00+0330"]) {
      expect(parseIsoDateTime(text), text).toBeUndefined();
      expect(parseIsoDateTime(text, "typed"), text).toMatchObject({ day: 27, hour: 8 });
    }
    expect(parseIsoDateTime("2026-11-27T08:00+0330", "typed")?.offsetMinutes).toBe(210);
    expect(parseIsoDateTime("2026-11-27T08:00 -03", "typed")?.offsetMinutes).toBe(-180);
  });

  it("reads the years 0 to 99 as written (Date.UTC would move them to the 1900s)", () => {
    const fields = parseIsoDateTime("0050-01-01T00:00:00Z");
    expect(fields && formatIsoTicks(isoTicks(fields), 0)).toBe("0050-01-01T00:00:00Z");
  });
});

describe("isoTicks and formatIsoTicks", () => {
  it("keep all seven fractional digits through an offset", () => {
    const ticks = isoTicks(parseIsoDateTime("2022-03-12T18:55:20.8557416+03:00")!);
    expect(ticks).toBe(BigInt(Date.parse("2022-03-12T15:55:20.855Z")) * TICKS_PER_MS + 7416n);
    expect(formatIsoTicks(ticks)).toBe("2022-03-12T15:55:20.8557416Z");
    expect(formatIsoTicks(ticks, 3, 180)).toBe("2022-03-12T18:55:20.855+03:00");
    expect(formatIsoTicks(ticks, 0, -90)).toBe("2022-03-12T14:25:20-01:30");
  });

  it("reads a text without a zone at the offset given, and counts before 1970 downwards", () => {
    const fields = parseIsoDateTime("1969-12-31T23:59:59.9999999")!;
    expect(isoTicks(fields)).toBe(-1n);
    expect(isoTicks(fields, 60)).toBe(-1n - 3_600_000n * TICKS_PER_MS);
    expect(formatIsoTicks(-1n)).toBe("1969-12-31T23:59:59.9999999Z");
  });
});
