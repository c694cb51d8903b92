// The pure pieces, on inputs too awkward to put through a server: secret forms, table
// fitting, UTC normalisation, terminal-safe text.
import { REDACTED } from "@vbm365/client";
import { describe, expect, test } from "vitest";
import { fitColumns } from "../src/output/fit.js";
import { neutraliseFormula, terminalSafe } from "../src/sanitize.js";
import { scrub } from "../src/secrets.js";
import { utcTimestamp } from "../src/timestamps.js";

describe("scrub", () => {
  const SECRET = "Zq81xW-s3cret/+é";

  test.each([0, 1, 2, 3, 4, 5])("base64 of a text with the secret %i bytes in is scrubbed", (prefix) => {
    const encoded = Buffer.from(`${"p".repeat(prefix)}${SECRET}tail`).toString("base64");
    const out = scrub(`echo ${encoded}`, [SECRET]);
    expect(out).not.toBe(`echo ${encoded}`);
    // What is left decodes to nothing that holds the secret.
    expect(Buffer.from(out.slice(5).replaceAll(REDACTED, ""), "base64").toString("latin1")).not.toContain(SECRET.slice(0, 8));
  });

  test("URL-encoded, form-encoded, lower-case percent and JSON-escaped forms", () => {
    const forms = [
      encodeURIComponent(SECRET),
      new URLSearchParams({ p: SECRET }).toString().slice(2),
      encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (percentEscape) => percentEscape.toLowerCase()),
      JSON.stringify(SECRET).slice(1, -1),
    ];
    for (const form of forms) expect(scrub(`x=${form};`, [SECRET])).toBe(`x=${REDACTED};`);
  });

  test("a base64 header of a token never seen (a login's bearer) is scrubbed; ordinary base64 is not", () => {
    const header = Buffer.from("Authorization: Bearer eyJhbGciOi.unknown.token").toString("base64");
    expect(scrub(`sent ${header}`, [])).toBe(`sent ${REDACTED}`);
    const harmless = Buffer.from("just some ordinary text here").toString("base64");
    expect(scrub(`sent ${harmless}`, [])).toBe(`sent ${harmless}`);
  });
});

describe("fitColumns", () => {
  test("shrinks the widest shrinkable column first and keeps whole ones", () => {
    // Table width = sum + columns + 1: 38 + 20 + 50 + 4 = 112.
    expect(fitColumns([38, 20, 50], new Set([0]), 100)).toEqual({ shown: [0, 1, 2], widths: [38, 20, 38] });
    expect(fitColumns([38, 20, 50], new Set([0]), 70)).toEqual({ shown: [0, 1, 2], widths: [38, 14, 14] });
  });

  test("drops trailing shrinkable columns when even the narrowest widths overflow; never a kept one", () => {
    expect(fitColumns([38, 20, 50], new Set([0]), 49)).toEqual({ shown: [0, 1], widths: [38, 8] });
    expect(fitColumns([38, 20, 50], new Set([0]), 48)).toEqual({ shown: [0], widths: [38] });
    expect(fitColumns([38, 20], new Set([0]), 20)).toEqual({ shown: [0], widths: [38] });
  });

  test("a table that fits is left alone", () => {
    expect(fitColumns([10, 10], new Set(), 23)).toEqual({ shown: [0, 1], widths: [10, 10] });
  });
});

describe("utcTimestamp", () => {
  test.each([
    ["2022-03-12T18:55:20.8557416+03:00", "2022-03-12T15:55:20.8557416Z"],
    ["2022-03-12T10:25:20.0000001-0530", "2022-03-12T15:55:20.0000001Z"],
    ["2022-03-12T15:55:20Z", "2022-03-12T15:55:20.0000000Z"],
    ["2022-03-12T15:55:20.5", "2022-03-12T15:55:20.5000000Z"],
    ["2022-03-13T00:30:00+01:00", "2022-03-12T23:30:00.0000000Z"],
  ])("%s -> %s", (text, utc) => expect(utcTimestamp(text)).toBe(utc));

  test.each([null, undefined, "", "soon", "2022-03-12", "2022-03-12T15:55:20.85574160Z"])("%s has none", (text) => {
    expect(utcTimestamp(text)).toBeNull();
  });
});

describe("terminalSafe and neutraliseFormula", () => {
  test("controls and bidi overrides go, line breaks become spaces, other text stays", () => {
    expect(terminalSafe("a\u001b[2Jb\u0007c\u009bd\u202ee\u2066f\u2069\ng\th\u00e9漢")).toBe("a[2Jbcdef g hé漢");
  });

  test.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@A1", "'@A1"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["a=1", "a=1"],
    ["", ""],
    [" =1", " =1"],
    ["'=1", "'=1"],
  ])("%j -> %j", (cell, safe) => expect(neutraliseFormula(cell)).toBe(safe));
});
