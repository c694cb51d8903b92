// `pnpm lint`: the spec must have zero problems, in every API version. `redocly lint` exits
// 0 on warnings, so this counts problems of every severity from its JSON report and fails on
// any. v6 is linted as the split source (so problems point at the file to fix); v7 and v8
// as their bundles, plus their overlays.
// An optional argument lints another spec directory (the tests lint broken copies).
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { apiVersions } from "../index.js";
import { lintSpec, lintVersion } from "./lint-spec.mjs";

const specDir = resolve(process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url)));
let total = 0;
for (const version of apiVersions) {
  const { problems, failure } = version === "v6" ? lintSpec(specDir) : lintVersion(specDir, version);
  if (failure) {
    console.error(`${version}: ${failure}\nFix redocly.yaml or the spec in ${specDir}.`);
    process.exit(1);
  }
  for (const problem of problems) {
    console.error(`${version}: ${problem.severity} ${problem.ruleId}: ${problem.message.replace(/\s+/g, " ")}\n    at ${problem.where}`);
  }
  total += problems.length;
}
if (total > 0) {
  console.error(
    `\nThe spec has ${total} lint problem(s); warnings fail too. Fix them in openapi/ (v6 sources, or versions/ for v7 and v8).`,
  );
  process.exit(1);
}
console.log(`openapi lint: 0 errors, 0 warnings in ${apiVersions.join(", ")} (Redocly recommended + house rules, every file referenced)`);
