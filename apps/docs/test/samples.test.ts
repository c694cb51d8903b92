// Runs the TypeScript samples, exactly as the site shows them, against the Prism mock of
// the spec. Prism answers with each operation's first example, so a sample that prints
// what it received must print values from that example.
import { readFileSync, readdirSync } from "node:fs";
import { startMock } from "@vbm365/openapi/mock";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { firstResponseExample, operations } from "./spec.js";

const samplesDir = new URL("../samples/", import.meta.url);
const sampleFiles = readdirSync(samplesDir).filter((name) => name.endsWith(".ts")).sort();
let mock: Awaited<ReturnType<typeof startMock>>;

/** startMock gives Prism 30 s; under a full `npm test` on two cores that is sometimes short. */
async function startMockPatiently() {
  try {
    return await startMock();
  } catch (error) {
    console.warn(`Prism was slow to start (${String(error).split("\n")[0]}); trying once more.`);
    return await startMock();
  }
}

beforeAll(async () => {
  mock = await startMockPatiently();
  vi.stubEnv("VBM365_URL", mock.url);
  vi.stubEnv("VBM365_TOKEN", "sample-test-token");
  vi.stubEnv("VBM365_USERNAME", "SRV0101\\Administrator");
  vi.stubEnv("VBM365_PASSWORD", "sample-test-password");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await mock?.close();
});

/** Runs one sample module and returns what it printed; fails if it printed an error or exited. */
async function runSample(file: string): Promise<string> {
  const printed: string[] = [];
  const complaints: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args) => void printed.push(args.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...args) => void complaints.push(args.join(" ")));
  const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
    throw new Error(`${file} exited with ${code}: ${complaints.join(" ")}`);
  });
  try {
    await import(new URL(file, samplesDir).href);
  } finally {
    log.mockRestore();
    error.mockRestore();
    exit.mockRestore();
  }
  expect(complaints, `${file} printed errors`).toEqual([]);
  return printed.join("\n");
}

function leafValues(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== "object") return [String(value)];
  return Object.entries(value).flatMap(([key, child]) => (key === "_links" ? [] : leafValues(child)));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const sourceOf = (file: string) => readFileSync(new URL(file, samplesDir), "utf8");

describe("TypeScript samples as written", () => {
  // A copied sample must work on the reader's server: the vendor's example ids end in a 404
  // there, so every id comes from a list call.
  it.each(sampleFiles)("%s hard-codes no id", (file) => {
    expect(sourceOf(file)).not.toMatch(UUID);
  });

  it("one of them shows handling a Vbm365ApiError by its status", () => {
    const handling = sampleFiles.filter((file) => /instanceof Vbm365ApiError/.test(sourceOf(file)) && /error\.status === 404/.test(sourceOf(file)));
    expect(handling).toEqual(["RestoreSession_GetByRestoreSessionId.ts"]);
  });
});

describe("TypeScript samples against the mock", () => {
  it("the list samples print every session of the spec's example page", async () => {
    const page = firstResponseExample("RestoreSession_GetPage") as { results: { id: string }[] };
    const ids = page.results.map((session) => session.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const file of sampleFiles.filter((name) => name.startsWith("RestoreSession_GetPage"))) {
      const output = await runSample(file);
      for (const id of ids) expect(output, file).toContain(id);
    }
  });

  const others = sampleFiles.filter((name) => !name.startsWith("RestoreSession_GetPage"));
  it.each(others)("%s runs and prints what the mock answered", async (file) => {
    const operationId = file.split(".")[0]!;
    expect(operations.map(({ operation }) => operation.operationId)).toContain(operationId);
    const output = await runSample(file);
    expect(output.length).toBeGreaterThan(0);
    const example = firstResponseExample(operationId);
    // A sample that printed nothing of the answer would not show the reader anything real.
    // Short values ("", "0") would match by accident; ids, names and counts cannot.
    const telling = leafValues(example).filter((value) => value.length >= 3);
    if (example !== undefined) expect(telling.some((value) => output.includes(value)), output).toBe(true);
  });
});
