// x-vbm365-lenient-format lists other forms a value may be written in besides its declared
// format (see README.md). The contract suite knows one form, rfc1123, and only for
// date-times: a marker naming anything else, or sitting on another kind of schema, would
// silently let nothing through (or the wrong thing), so it fails here first.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiVersions, bundlePaths, type ApiVersion } from "../index.js";

/** The forms packages/contract/src/lenient-format.ts recognizes, per declared format. */
const knownForms: Record<string, string[]> = { "date-time": ["rfc1123"] };

type Json = Record<string, unknown>;

/** Every schema carrying the marker, as `pointer: problem` lines for the malformed ones, and the pointers of all. */
function lenientMarkers(bundle: unknown): { marked: string[]; problems: string[] } {
  const marked: string[] = [];
  const problems: string[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (typeof node !== "object" || node === null) return;
    const schema = node as Json;
    const forms = schema["x-vbm365-lenient-format"];
    if (forms !== undefined) {
      marked.push(pointer);
      const allowed = knownForms[String(schema.format)] ?? [];
      if (schema.type !== "string" || allowed.length === 0)
        problems.push(
          `${pointer}: x-vbm365-lenient-format on a schema that is not a string of format ${Object.keys(knownForms).join(" or ")}`,
        );
      else if (!Array.isArray(forms) || forms.length === 0 || forms.some((f) => !allowed.includes(f as string)))
        problems.push(`${pointer}: x-vbm365-lenient-format must list forms among ${allowed.join(", ")}, got ${JSON.stringify(forms)}`);
    }
    for (const [key, child] of Object.entries(schema)) if (key !== "example" && key !== "examples") walk(child, `${pointer}/${key}`);
  };
  walk(bundle, "");
  return { marked, problems };
}

const bundleOf = (version: ApiVersion) => JSON.parse(readFileSync(bundlePaths(version).json, "utf8"));

describe.each(apiVersions as ApiVersion[])("x-vbm365-lenient-format in the %s bundle", (version) => {
  it("sits on the token's .issued and .expires only, listing rfc1123", () => {
    const { marked, problems } = lenientMarkers(bundleOf(version));
    expect(problems).toEqual([]);
    expect(marked).toEqual([
      "/components/schemas/TokenResponse/properties/.issued",
      "/components/schemas/TokenResponse/properties/.expires",
    ]);
  });
});

describe("the marker check can fail", () => {
  it("reports an unknown form and a marker on a schema that is not a date-time", () => {
    const bundle = bundleOf("v6");
    bundle.components.schemas.TokenResponse.properties[".issued"]["x-vbm365-lenient-format"] = ["unix-seconds"];
    bundle.components.schemas.TokenResponse.properties.expires_in["x-vbm365-lenient-format"] = ["rfc1123"];
    expect(lenientMarkers(bundle).problems.sort()).toEqual(
      [
        "/components/schemas/TokenResponse/properties/expires_in: x-vbm365-lenient-format on a schema that is not a string of format date-time",
        '/components/schemas/TokenResponse/properties/.issued: x-vbm365-lenient-format must list forms among rfc1123, got ["unix-seconds"]',
      ].sort(),
    );
  });
});
