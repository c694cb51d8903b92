import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dereferencedJsonPath } from "../index.js";
import { readVendorExample } from "../scripts/vendor-example.mjs";

// The vendor's page sits beside the repository, in shared/reference.
const vendorPage = fileURLToPath(new URL("../../../shared/reference/000_3ceaff81cab7d134.txt", import.meta.url));
const haveVendorPage = existsSync(vendorPage);
// The page is the vendor's text and not ours to publish, so a public CI (GitHub) has no copy:
// there VBM365_WITHOUT_REFERENCE=1 says so, and the check is skipped out loud.
const referenceOptional = process.env.VBM365_WITHOUT_REFERENCE === "1";
if (!haveVendorPage && process.env.CI && !referenceOptional) throw new Error(`CI needs the vendor's reference page at ${vendorPage}`);
if (!haveVendorPage)
  console.warn(`SKIPPED: the vendor's reference page is not at ${vendorPage}; the list example is not compared with it.`);

describe.skipIf(!haveVendorPage)("the list operation's example", () => {
  it("equals the vendor's example body field for field", () => {
    const bundle = JSON.parse(readFileSync(dereferencedJsonPath, "utf8"));
    const operation = bundle.paths["/v6/RestoreSessions"].get;
    const examples = operation.responses["200"].content["application/json"].examples;
    const vendorExample = examples.vendorExample.value;
    expect(vendorExample).toStrictEqual(readVendorExample(vendorPage));
    expect(vendorExample.results).toHaveLength(5);
  });
});
