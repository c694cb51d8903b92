// `redocly lint` exits 0 on warnings; the house rule is zero problems of any kind, so any
// warning fails here too.
import { redocly } from "./redocly.mjs";

const { status, stdout, stderr } = redocly(["lint", "--format=stylish"]);
const output = [stdout, stderr].filter(Boolean).join("\n");
const warned = /\bwarning\b/i.test(output) && !/0 warnings?/i.test(output);
console.log(output);
if (status !== 0 || warned) {
  console.error("\nThe spec has lint problems (errors and warnings both fail). Fix them in openapi/.");
  process.exit(1);
}
