// The TypeScript samples, exactly as the site shows them: type-checked, and run against a
// Prism mock of every API version each one claims (`// API versions:`; none claims all).
// Prism answers with each operation's first example, so a sample that prints what it
// received must print values from that version's example.
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { apiVersions, type ApiVersion } from "@vbm365/openapi";
import { startMock, type MockServer } from "@vbm365/openapi/mock";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { claimedVersions, listOperations } from "./lib.js";
import { firstResponseExample, specOf } from "./spec.js";

const samplesDir = new URL("../samples/", import.meta.url);
const sampleFiles = readdirSync(samplesDir)
  .filter((name) => name.endsWith(".ts"))
  .sort();
const sourceOf = (file: string) => readFileSync(new URL(file, samplesDir), "utf8");
const operationIdOf = (file: string) => file.split(".")[0]!;
/** The versions a sample claims; a sample without the line claims every version. */
const versionsOf = (file: string): readonly string[] => claimedVersions(sourceOf(file)) ?? apiVersions;
const claiming = (version: ApiVersion) => sampleFiles.filter((file) => versionsOf(file).includes(version));
const specs = new Map(apiVersions.map((version) => [version, specOf(version)]));
/** Shows a reader how to tell a missing session (404) from other errors. */
const handlesByStatus = (file: string) => /instanceof Vbm365ApiError/.test(sourceOf(file)) && /error\.status === 404/.test(sourceOf(file));

function leafValues(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== "object") return [String(value)];
  return Object.entries(value).flatMap(([key, child]) => (key === "_links" ? [] : leafValues(child)));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe("TypeScript samples as written", () => {
  // A copied sample must work on the reader's server: the vendor's example ids end in a 404
  // there, so every id comes from a list call.
  it.each(sampleFiles)("%s hard-codes no id", (file) => {
    expect(sourceOf(file)).not.toMatch(UUID);
  });

  it.each(sampleFiles)("%s claims only versions the spec describes", (file) => {
    expect(apiVersions).toEqual(expect.arrayContaining([...versionsOf(file)]));
  });

  // The build refuses a page without a sample for one of its operations (decorate.test.ts
  // proves that on made-up sample sets); this names what the real samples/ lacks.
  it.each(apiVersions)("every operation of %s has a sample claiming it", (version) => {
    const withSample = new Set(
      claiming(version)
        .filter((file) => file === `${operationIdOf(file)}.ts`)
        .map(operationIdOf),
    );
    const operationIds = listOperations(specs.get(version)).map(({ operation }) => operation.operationId as string);
    expect(operationIds.length).toBeGreaterThan(0);
    expect(operationIds.filter((id) => !withSample.has(id))).toEqual([]);
  });

  it.each(apiVersions)("a sample on the %s page shows handling a Vbm365ApiError by its status", (version) => {
    expect(claiming(version).filter(handlesByStatus)).toContain("RestoreSession_GetByRestoreSessionId.ts");
  });

  it("they compile against the client's types", () => {
    const configPath = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!config) throw new Error(`Cannot read ${configPath}.`);
    const files = sampleFiles.map((file) => fileURLToPath(new URL(file, samplesDir)));
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      if (!diagnostic.file || diagnostic.start === undefined) return message;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName.split("/").pop()}:${line + 1}: ${message}`;
    });
    expect(program.getRootFileNames()).toHaveLength(sampleFiles.length);
    expect(problems).toEqual([]);
  });
});

const mocks = new Map<ApiVersion, MockServer>();

// One quiet Prism per version for the whole file, started side by side.
beforeAll(async () => {
  const started = await Promise.allSettled(apiVersions.map((version) => startMock({ version, startTimeoutMs: 100_000 })));
  for (const [index, result] of started.entries()) {
    if (result.status === "fulfilled") mocks.set(apiVersions[index]!, result.value);
  }
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  vi.stubEnv("VBM365_TOKEN", "sample-test-token");
  vi.stubEnv("VBM365_USERNAME", "SRV0101\\Administrator");
  vi.stubEnv("VBM365_PASSWORD", "sample-test-password");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([...mocks.values()].map((mock) => mock.close()));
});

let runs = 0;

/**
 * Runs one sample module against one version's mock (or `baseUrl`) and returns what it
 * printed; fails if it printed an error or exited. The query makes each run a fresh module:
 * an import of the same URL would only return the first run's module.
 */
async function runSample(file: string, version: ApiVersion, baseUrl = mocks.get(version)?.url): Promise<string> {
  if (!baseUrl) throw new Error(`No ${version} mock is running.`);
  vi.stubEnv("VBM365_URL", baseUrl);
  const printed: string[] = [];
  const complaints: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args) => void printed.push(args.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...args) => void complaints.push(args.join(" ")));
  const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
    throw new Error(`${file} exited with ${code} on ${version}: ${complaints.join(" ")}`);
  });
  try {
    await import(`${new URL(file, samplesDir).href}?run=${++runs}`);
  } finally {
    log.mockRestore();
    error.mockRestore();
    exit.mockRestore();
  }
  expect(complaints, `${file} printed errors on ${version}`).toEqual([]);
  return printed.join("\n");
}

/**
 * A server in front of a mock that answers every call about one session with 404, as a real
 * server does for a session deleted since the list call; the list (and the auto probe) pass.
 */
async function sessionGoneProxy(target: string) {
  const server = createServer(async (request, response) => {
    const path = request.url ?? "/";
    if (!/^\/v\d+\/RestoreSessions(\?|$)/.test(path)) {
      response.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ message: "Restore session not found." }));
      return;
    }
    const authorization = request.headers.authorization;
    const answer = await fetch(target + path, { headers: authorization ? { authorization } : {} });
    response.writeHead(answer.status, { "Content-Type": answer.headers.get("content-type") ?? "application/json" });
    response.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

describe.each(apiVersions)("TypeScript samples against the %s mock", (version) => {
  const samples = claiming(version);
  const listSamples = samples.filter((name) => name.startsWith("RestoreSession_GetPage"));
  const others = samples.filter((name) => !name.startsWith("RestoreSession_GetPage"));

  it("the list samples print every session of the spec's example page", async () => {
    const page = firstResponseExample("RestoreSession_GetPage", version) as { results: { id: string }[] };
    const ids = page.results.map((session) => session.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(listSamples.length).toBeGreaterThan(0);
    for (const file of listSamples) {
      const output = await runSample(file, version);
      for (const id of ids) expect(output, file).toContain(id);
    }
  });

  it.each(others)("%s runs and prints what the mock answered", async (file) => {
    const output = await runSample(file, version);
    expect(output.length).toBeGreaterThan(0);
    const example = firstResponseExample(operationIdOf(file), version);
    if (example === undefined) return; // Stop answers without a body: running is the check.
    // A sample that printed nothing of the answer would not show the reader anything real.
    // Short values ("", "0") would match by accident; ids, names and counts cannot. An
    // answer of short values only (Statistics' counts) must show each as a whole word.
    const leaves = leafValues(example);
    const telling = leaves.filter((value) => value.length >= 3);
    if (telling.length > 0)
      expect(
        telling.some((value) => output.includes(value)),
        output,
      ).toBe(true);
    else for (const value of leaves) expect(output, `${file} shows ${value}`).toMatch(new RegExp(`\\b${value}\\b`));
  });

  it.each(samples.filter(handlesByStatus))("%s says so when the session is gone (HTTP 404)", async (file) => {
    const page = firstResponseExample("RestoreSession_GetPage", version) as { results: { id: string }[] };
    const proxy = await sessionGoneProxy(mocks.get(version)?.url ?? "");
    try {
      const output = await runSample(file, version, proxy.url);
      expect(output).toBe(`Session ${page.results[0]?.id} no longer exists.`);
    } finally {
      await proxy.close();
    }
  });
});
