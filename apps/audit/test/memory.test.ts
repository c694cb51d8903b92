// A 100,000-session export streams: the child's peak memory stays bounded. Memory, not
// time, is asserted: the heap is capped and the resident set is sampled from /proc.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "./run-cli.js";
import { startServer, tokenEnv, type TestServer } from "./testkit-server.js";

const SESSIONS = 100_000;
// Holding 100,000 rows needs well over 100 MB of heap; streaming needs a few pages' worth.
const HEAP_CAP_MB = 48;
// The young generation is capped too: Node 24's V8 gives it larger semi-spaces by default, which
// alone lifted this export's peak RSS from 131 to 186 MiB. Capped, the bound measures the CLI,
// not the V8 of the Node it runs on.
const SEMI_SPACE_CAP_MB = 16;
const PEAK_RSS_BOUND_KIB = 160 * 1024;

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer(SESSIONS);
  dir = await mkdtemp(join(tmpdir(), "vbm365-audit-"));
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test(`exports ${SESSIONS} sessions to CSV with the heap capped at ${HEAP_CAP_MB} MB and a bounded peak RSS`, {
  timeout: 300_000,
}, async () => {
  const out = join(dir, "sessions.csv");
  const result = await runCli(["sessions", "--all", "--format", "csv", "--page-size", "1000", "--out", out], {
    env: tokenEnv(server),
    nodeArgs: [`--max-old-space-size=${HEAP_CAP_MB}`, `--max-semi-space-size=${SEMI_SPACE_CAP_MB}`],
    sampleMemory: true,
  });
  expect(result.stderr).toBe(`vbm365-audit: wrote ${SESSIONS} restore sessions to ${out} (csv)\n`);
  expect(result.code).toBe(0);
  const text = await readFile(out, "utf8");
  const rows = text.split("\n").filter(Boolean);
  expect(rows[0]).toMatch(/^id,creationTime,/);
  // One line per session (the seed's names have no line breaks), newest first, none lost.
  expect(rows).toHaveLength(SESSIONS + 1);
  expect(rows[1]!.slice(0, 36)).toBe(server.data.session(0).id);
  expect(rows[SESSIONS]!.slice(0, 36)).toBe(server.data.session(SESSIONS - 1).id);
  console.log(`peak RSS of the export: ${Math.round(result.peakRssKiB / 1024)} MiB`);
  expect(result.peakRssKiB).toBeGreaterThan(0);
  expect(result.peakRssKiB).toBeLessThan(PEAK_RSS_BOUND_KIB);
});
