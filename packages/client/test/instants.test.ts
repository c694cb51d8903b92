import { describe, expect, it } from "vitest";
import { formatIsoTicks, isoMs, isoTicks, parseIsoDateTime, TICKS_PER_MS, type IsoForm } from "../src/index.js";
import { nearbyTexts, referenceParse } from "./helpers/iso-grammar.js";

describe("parseIsoDateTime", () => {
  it("reads the API's form: date, time, seven fractional digits and the zone", () => {
    expect(parseIsoDateTime("2022-03-12T15:55:20.8557416+03:30")).toEqual({
      year: 2022,
      month: 3,
      day: 12,
      hour: 15,
      minute: 55,
      second: 20,
      fraction: "8557416",
      offsetMinutes: 210,
      hasTime: true,
    });
    expect(parseIsoDateTime("2024-05-01")).toMatchObject({ hasTime: false, offsetMinutes: undefined, hour: 0 });
    expect(parseIsoDateTime("2024-05-01T08:00-01:00")).toMatchObject({ second: 0, fraction: "", offsetMinutes: -60 });
  });

  it.each([
    "2024-02-30T00:00:00Z",
    "2023-02-29",
    "2024-13-01",
    "2024-05-01T24:00:00Z",
    "2024-05-01T12:60Z",
    "2024-05-01T12:00:60Z",
    "2024-05-01T00:00+24:00",
    "2024-05-01T00:00+01:60",
  ])("refuses %s, which does not exist on the calendar or the clock", (text) => expect(parseIsoDateTime(text)).toBeUndefined());

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
    expect(parseIsoDateTime("0000-02-29")).toMatchObject({ year: 0, month: 2, day: 29 });
  });

  const SEEDS = [
    "2022-03-12T15:55:20.8557416+03:30",
    "2024-02-29T23:59:59Z",
    "2024-05-01",
    "2024-05-01T08:00-01:00",
    "1900-02-28T00:00:00.5z",
    "2026-11-27 08:00:00,25 +0330",
    "2026-11-27t08:00 -03",
    "0099-12-31T12:30:45.1Z",
    "2023-04-30 Z",
    "2024-05-01T00:00:00-00:00",
    "1900-02-29",
    "2000-02-29T00:00Z",
  ];
  it.each(["api", "typed"] as IsoForm[])("gives the same answer as the grammar written as a regular expression, in the %s form", (form) => {
    const texts = [...SEEDS, ...nearbyTexts(SEEDS, 20_000)];
    let accepted = 0;
    for (const text of texts) {
      const expected = referenceParse(text, form);
      expect(parseIsoDateTime(text, form), JSON.stringify(text)).toEqual(expected);
      if (expected) accepted++;
    }
    // Both answers must be exercised: a mutation scheme that only made garbage would prove nothing.
    expect(accepted).toBeGreaterThan(texts.length / 20);
    expect(accepted).toBeLessThan(texts.length * 0.9);
  });
});

describe("isoTicks, isoMs and formatIsoTicks", () => {
  it("count in milliseconds what Date.parse counts, before 1970 too, digits past the third dropped", () => {
    for (const text of [
      "2022-03-12T18:55:20.8557416+03:00",
      "1969-12-31T23:59:59.4996Z",
      "0050-06-30T12:00:00.001-01:30",
      "2024-02-29T00:00Z",
    ]) {
      const fields = parseIsoDateTime(text)!;
      const millisecondText = text.replace(/(\.\d{3})\d+/, "$1").replace(/^00/, "+0000");
      expect(isoMs(fields), text).toBe(Date.parse(millisecondText));
    }
    expect(isoMs(parseIsoDateTime("2024-05-01T08:00:00")!, 120)).toBe(Date.parse("2024-05-01T08:00:00+02:00"));
  });

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
