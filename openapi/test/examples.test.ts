// Every example the bundle carries (media types, request bodies, parameters, headers and
// schemas) must validate against its schema, or the docs, the mock (Prism serves these
// examples) and the client's tests all start from a lie.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiVersions, bundlePaths, dereferencedJsonPath, type ApiVersion } from "../index.js";
import { collectExamples, createValidator, describeErrors } from "./examples.js";

const bundle = JSON.parse(readFileSync(dereferencedJsonPath, "utf8"));
const examples = collectExamples(bundle);

describe.each(apiVersions as ApiVersion[])("the examples in the %s bundle", (version) => {
  const versionBundle = JSON.parse(readFileSync(bundlePaths(version).dereferenced, "utf8"));
  const found = collectExamples(versionBundle);
  // A shared component (an error body, the Retry-After header) appears under every
  // operation; validating each copy once is enough.
  const distinct = [...new Map(found.map((example) => [JSON.stringify([example.value, example.schema]), example])).values()];
  const validate = createValidator(versionBundle);

  it.each(distinct.map((example) => [example.where, example] as const))("%s validates", (_where, example) => {
    const errors = validate(example);
    expect(errors, describeErrors(errors)).toEqual([]);
  });

  it(`carry this version's path prefix in every link, and no other`, () => {
    const hrefs = JSON.stringify(found.map((example) => example.value)).match(/\/v\d+\//g) ?? [];
    expect(hrefs.length).toBeGreaterThan(0);
    expect(new Set(hrefs)).toEqual(new Set([`/${version}/`]));
  });
});

describe("the examples in the v6 bundle", () => {
  it("are all found: each kind, and the ones named in the spec", () => {
    const kinds = new Set(examples.map((example) => example.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(["header", "media type", "parameter"]));
    const names = examples.map((example) => example.where);
    const expected = [
      "/get/responses/200/content/application~1json/examples/vendorExample",
      "/get/responses/200/content/application~1json/examples/middlePage",
      "/post/requestBody/content/application~1x-www-form-urlencoded/examples/passwordGrant",
      "/post/requestBody/content/application~1x-www-form-urlencoded/examples/refreshGrant",
      "/post/responses/200/content/application~1json/examples/issued",
      "/get/responses/200/content/application~1json/examples/sessionEvents",
      "/get/responses/200/content/application~1json/examples/restoredChannel",
      "/get/responses/200/content/application~1json/examples/microsoft365Organization",
      "/get/responses/404/content/application~1json/example",
      "/responses/429/headers/Retry-After/example",
      "#/components/parameters/startTimeFrom/example",
      "#/components/parameters/eventId/example",
    ];
    for (const name of expected)
      expect(
        names.some((where) => where.endsWith(name)),
        name,
      ).toBe(true);
  });

  it("v8 has an example of its Statistics operation", () => {
    const v8 = collectExamples(JSON.parse(readFileSync(bundlePaths("v8").dereferenced, "utf8")));
    expect(v8.map((example) => example.where)).toContain(
      "#/paths/~1v8~1RestoreSessions~1{restoreSessionId}~1Statistics/get/responses/200/content/application~1json/examples/oneChannel",
    );
  });

  it("a broken example is caught (the check can fail)", () => {
    const broken = structuredClone(bundle);
    const page = broken.paths["/v6/RestoreSessions"].get.responses["200"].content["application/json"].examples.middlePage.value;
    page.results[0].type = "Exchange";
    delete page.results[1].creationTime;
    page.results[2].endTime = "yesterday";
    const example = collectExamples(broken).find((found) => found.where.endsWith("examples/middlePage"))!;
    const errors = describeErrors(createValidator(broken)(example));
    expect(errors).toMatch(/\/results\/0\/type must be equal to one of the allowed values/);
    expect(errors).toMatch(/\/results\/1 must have required property 'creationTime'/);
    expect(errors).toMatch(/\/results\/2\/endTime must match format "date-time"/);
  });

  it("schema examples are found and checked too (the spec has none today)", () => {
    const broken = structuredClone(bundle);
    broken.components.schemas.RestoreSessionEvent.properties.itemSizeBytes.examples = [5242880, "5 MB"];
    const found = collectExamples(broken).filter((example) => example.kind === "schema");
    expect(found.map((example) => example.where)).toEqual([
      "#/components/schemas/RestoreSessionEvent/properties/itemSizeBytes/examples/0",
      "#/components/schemas/RestoreSessionEvent/properties/itemSizeBytes/examples/1",
    ]);
    const check = createValidator(broken);
    expect(check(found[0]!)).toEqual([]);
    expect(describeErrors(check(found[1]!))).toMatch(/must be integer/);
  });
});
