import { describe, expect, it } from "vitest";
import { utcOf } from "../src/action-row.js";
import { instantMs } from "../src/instant.js";

describe("the report's instants", () => {
  it("reads the API's date-times: seven fractional digits, Z or an offset", () => {
    expect(instantMs("2022-03-12T15:55:20.8557416Z")).toBe(Date.UTC(2022, 2, 12, 15, 55, 20, 855));
    expect(instantMs("2022-03-12T17:55:20.8557416+02:00")).toBe(Date.UTC(2022, 2, 12, 15, 55, 20, 855));
    expect(utcOf("2022-03-12T10:00:00-05:30")).toBe("2022-03-12T15:30:00.000Z");
  });

  it("writes every readable time in UTC as toISOString does, whatever its spelling", () => {
    const texts = [
      "2022-03-12T15:55:20.8557416Z",
      "2022-03-12T15:55:20Z",
      "2022-03-12T15:55:20.8Z",
      "2022-03-12T15:55:20.85z",
      "2022-03-12t15:55:20.123Z",
      "2022-03-12T15:55Z",
      "2022-03-12T15:55:20.8557416+02:00",
      "2022-03-12T15:55:20",
      "2022-03-12",
      "0050-01-01T00:00:00.9999Z",
    ];
    for (const text of texts) expect(utcOf(text), text).toBe(new Date(instantMs(text)).toISOString());
  });

  it("counts a time that is no instant as unreadable, a day the calendar lacks included", () => {
    for (const text of ["2022-02-30T10:00:00Z", "12 March 2022", "", null, undefined]) {
      expect(instantMs(text)).toBeNaN();
      expect(utcOf(text)).toBeNull();
    }
  });
});
