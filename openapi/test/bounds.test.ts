// Each version's bundle states no bound that is neither documented by the vendor (the
// short list in bounds.ts, each entry pointing at api-facts.md) nor marked as this spec's
// own with x-vbm365-own-limit: the contract suite demands a refusal only for the vendor's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiVersions, bundlePaths, type ApiVersion } from "../index.js";
import { collectBounds, unexplainedBounds } from "./bounds.js";

const bundleOf = (version: ApiVersion) => JSON.parse(readFileSync(bundlePaths(version).json, "utf8"));

describe.each(apiVersions as ApiVersion[])("the bounds in the %s bundle", (version) => {
  it("are each the vendor's or marked x-vbm365-own-limit", () => {
    const bundle = bundleOf(version);
    expect(unexplainedBounds(bundle)).toEqual([]);
    // The walk finds the bounds the README lists (the limit's two, the ids' and the token form's lengths).
    expect(collectBounds(bundle).map((b) => `${b.subject} ${b.keyword}`)).toEqual(
      expect.arrayContaining([
        "parameter limit minimum",
        "parameter limit maximum",
        "parameter restoreSessionId maxLength",
        "property PasswordTokenRequest.username maxLength",
      ]),
    );
  });
});

describe("the bounds check can fail", () => {
  const parameter = (bundle: any, name: string) => bundle.components.parameters[name].schema;

  it("reports an own bound without its marker, a new pattern and a length on a nested property", () => {
    const bundle = bundleOf("v8");
    delete parameter(bundle, "limit")["x-vbm365-own-limit"];
    bundle.components.schemas.RestoreSession.properties.name.pattern = "^[A-Za-z ]+$";
    bundle.components.schemas.RestoreSession.properties.name.minLength = 1;
    bundle.components.schemas.RestoreSession.properties.name["x-vbm365-own-limit"] = ["minLength"];
    expect(unexplainedBounds(bundle)).toEqual([
      "parameter limit: minimum 1 is neither stated in api-facts.md nor marked x-vbm365-own-limit: [minimum] (/components/parameters/limit/schema)",
      'property RestoreSession.name: pattern "^[A-Za-z ]+$" is neither stated in api-facts.md nor marked x-vbm365-own-limit: [pattern] (/components/schemas/RestoreSession/properties/name)',
    ]);
  });

  it("reports a vendor's bound that differs from the facts, one marked as ours, and a marker left behind", () => {
    const bundle = bundleOf("v6");
    parameter(bundle, "limit").maximum = 1000;
    parameter(bundle, "offset")["x-vbm365-own-limit"] = ["minimum", "maximum"];
    delete parameter(bundle, "startTimeFrom").maxLength;
    expect(unexplainedBounds(bundle).sort()).toEqual([
      'parameter limit: maximum 1000: the facts say 10000 (api-facts.md, Pages: "Default `limit` 30, maximum 10,000") (/components/parameters/limit/schema)',
      "parameter offset: maximum 2147483647 is the vendor's (api-facts.md, Operations: `offset` int32 (the largest int32)), yet marked x-vbm365-own-limit (/components/parameters/offset/schema)",
      "parameter startTimeFrom: x-vbm365-own-limit names maxLength, which it does not state (/components/parameters/startTimeFrom/schema)",
    ]);
  });
});
