// `pnpm lint`: the spec must have zero problems. `redocly lint` exits 0 on warnings, so
// this counts problems of every severity from its JSON report and fails on any.
// An optional argument lints another spec directory (the tests lint broken copies).
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { lintSpec } from "./lint-spec.mjs";

const specDir = resolve(process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url)));
const { problems, failure } = lintSpec(specDir);
if (failure) {
  console.error(`${failure}\nFix redocly.yaml or the spec in ${specDir}.`);
  process.exit(1);
}
for (const problem of problems) {
  console.error(`${problem.severity} ${problem.ruleId}: ${problem.message.replace(/\s+/g, " ")}\n    at ${problem.where}`);
}
if (problems.length > 0) {
  console.error(`\nThe spec has ${problems.length} lint problem(s); warnings fail too. Fix them in openapi/.`);
  process.exit(1);
}
console.log("openapi lint: 0 errors, 0 warnings (Redocly recommended + house rules, every file referenced)");
