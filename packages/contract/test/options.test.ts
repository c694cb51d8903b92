// How a run is shaped by its target: writes only when allowed, new operations covered or
// reported uncovered, settings read from VBM365_* with one-line errors, an extra CA used.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ContractSettingsError,
  createContext,
  fullCapabilities,
  listChecks,
  loadSpec,
  runCheck,
  runContract,
  targetFromEnv,
  type Target,
} from "../src/index.js";

const doc = loadSpec();
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ sessions: 8, seed: 11 });
});
afterAll(() => server?.close());

const targetOf = (overrides: Partial<Target> = {}): Target => ({
  name: "testkit",
  baseUrl: server.url,
  token: server.token,
  credentials: server.credentials,
  capabilities: fullCapabilities,
  allowWrites: false,
  apiVersion: "v6",
  versionReason: "pinned by the test",
  ...overrides,
});

describe("writes", () => {
  async function stopRequests(allowWrites: boolean) {
    const seen: string[] = [];
    const report = await runContract(doc, targetOf({ allowWrites, onRequest: (method, path) => seen.push(`${method} ${path}`) }));
    const stopChecks = report.results.filter((r) => r.check.operationId === "RestoreSession_StopAction");
    return { posts: seen.filter((r) => r.startsWith("POST") && /\/stop$/i.test(r)), stopChecks };
  }

  it("are skipped by default: Stop is never sent, and every Stop check says why", async () => {
    const { posts, stopChecks } = await stopRequests(false);
    expect(posts).toEqual([]);
    expect(stopChecks.length).toBeGreaterThan(2);
    for (const { outcome } of stopChecks) expect(outcome.skipped).toMatch(/VBM365_CONTRACT_ALLOW_WRITES=1/);
  });

  it("run when allowed: Stop is sent and validated", async () => {
    const { posts, stopChecks } = await stopRequests(true);
    expect(posts.length).toBeGreaterThan(0);
    expect(stopChecks.find((r) => r.check.id === "RestoreSession_StopAction/call")!.outcome).toEqual({ violations: [] });
  });
});

describe("operations added to the spec", () => {
  // The bundle plus three operations the suite has never seen.
  const grown = structuredClone(doc);
  const eventPath = grown.paths["/v6/RestoreSessions/{restoreSessionId}/Events/{eventId}"]!;
  grown.paths["/v6/RestoreSessions/{restoreSessionId}/Events/{eventId}/Details"] = {
    ...eventPath,
    get: { ...(eventPath.get as object), operationId: "New_EventDetails" },
  };
  grown.paths["/v6/Organizations/{organizationId}"] = {
    get: {
      operationId: "New_Organization",
      parameters: [{ name: "organizationId", in: "path", required: true, schema: { type: "string" } }],
      responses: { "200": { description: "ok" } },
    },
  };
  grown.paths["/v6/Jobs"] = {
    post: {
      operationId: "New_CreateJob",
      requestBody: { content: { "application/json": { schema: { type: "object" } } } },
      responses: { "201": { description: "ok" } },
    },
  };

  it("are called when the suite can find their ids, and reported uncovered when it cannot", async () => {
    const ctx = createContext(grown, targetOf({ allowWrites: true }));
    const outcome = async (id: string) => (await runCheck(listChecks(grown).find((c) => c.id === id)!, ctx)).outcome;

    // Called with ids from the lists above it; the testkit does not serve it, and says so.
    expect((await outcome("New_EventDetails/call")).violations).toContainEqual(
      expect.objectContaining({ operationId: "New_EventDetails", kind: "status", actual: expect.stringMatching(/^404/) }),
    );
    expect(await outcome("New_Organization/call")).toMatchObject({ uncovered: true, skipped: expect.stringContaining("{organizationId}") });
    expect(await outcome("New_CreateJob/call")).toMatchObject({
      uncovered: true,
      skipped: expect.stringContaining("request body of New_CreateJob"),
    });
  });
});

const settingsError = (env: NodeJS.ProcessEnv) =>
  targetFromEnv(env).then(
    () => "no error",
    (error: Error) => error,
  );

describe("settings from VBM365_*", () => {
  it("without VBM365_URL there is no target", async () => {
    expect(await targetFromEnv({})).toBeUndefined();
  });

  it.each([
    [{ VBM365_URL: "vbm:4443" }, /VBM365_URL 'vbm:4443' must start with https:\/\/ \(or http:\/\/\)/],
    [{ VBM365_URL: "not a url" }, /VBM365_URL 'not a url' is not a URL/],
    [{ VBM365_URL: "http://127.0.0.1:1" }, /set VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD/],
    [
      { VBM365_URL: "http://127.0.0.1:1", VBM365_TOKEN: "t", VBM365_CA_FILE: "/nonexistent/ca.pem" },
      /VBM365_CA_FILE \/nonexistent\/ca.pem: ENOENT/,
    ],
    [
      { VBM365_URL: "http://127.0.0.1:1", VBM365_TOKEN: "t", VBM365_CONTRACT_MAX_PAGES: "lots" },
      /VBM365_CONTRACT_MAX_PAGES must be a positive whole number/,
    ],
    [
      { VBM365_URL: "http://127.0.0.1:1", VBM365_TOKEN: "t", VBM365_CONTRACT_MIN_CHECKS: "-1" },
      /VBM365_CONTRACT_MIN_CHECKS must be a whole number of checks, 0 or more, not "-1"/,
    ],
  ])("%j is refused with one clear line", async (env, message) => {
    const error = await settingsError(env);
    expect(error).toBeInstanceOf(ContractSettingsError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("a token the server refuses is a settings error, before any check runs", async () => {
    const error = await settingsError({ VBM365_URL: server.url, VBM365_TOKEN: "expired-or-wrong" });
    expect(error).toBeInstanceOf(ContractSettingsError);
    expect((error as Error).message).toMatch(/refused the token \(401\)/);
  });

  it("a server that does not answer is a settings error", async () => {
    const error = await settingsError({ VBM365_URL: "http://127.0.0.1:9", VBM365_TOKEN: "t" });
    expect((error as Error).message).toMatch(/^cannot reach http:\/\/127.0.0.1:9: .*ECONNREFUSED/);
  });

  it("a wrong password is named without echoing it", async () => {
    const error = await settingsError({
      VBM365_URL: server.url,
      VBM365_USERNAME: server.credentials.username,
      VBM365_PASSWORD: "wrong-s3cret",
    });
    // auto chose v8 on a full testkit server, so the login went to v8's token path.
    expect((error as Error).message).toMatch(/POST \/v8\/token answered 401 without an access_token/);
    expect((error as Error).message).not.toContain("wrong-s3cret");
  });
});

describe("an HTTPS server with its own CA", () => {
  let https: Awaited<ReturnType<typeof startTestServer>>;
  let caFile: string;
  beforeAll(async () => {
    https = await startTestServer({ sessions: 3, seed: 2, https: true });
    caFile = join(mkdtempSync(join(tmpdir(), "contract-ca-")), "ca.pem");
    writeFileSync(caFile, https.ca!);
  });
  afterAll(() => https?.close());

  const envFor = (withCa: boolean): NodeJS.ProcessEnv => ({
    VBM365_URL: https.url,
    VBM365_USERNAME: https.credentials.username,
    VBM365_PASSWORD: https.credentials.password,
    ...(withCa ? { VBM365_CA_FILE: caFile } : {}),
  });

  it("is checked with VBM365_CA_FILE, logging in with the user name and password", async () => {
    const target = (await targetFromEnv(envFor(true)))!;
    expect(target).toMatchObject({ allowWrites: false, capabilities: fullCapabilities, name: new URL(https.url).origin });
    const ctx = createContext(doc, target);
    for (const id of ["RestoreSession_GetPage/call", "token/call", "RestoreSession_GetPage/paging-walk"]) {
      expect((await runCheck(listChecks(doc).find((c) => c.id === id)!, ctx)).outcome, id).toEqual({ violations: [] });
    }
  });

  it.each([
    ["a login", false],
    ["a token", true],
  ])("is refused without the CA, with %s: the certificate is checked, never ignored", async (_, withToken) => {
    const env = envFor(false);
    if (withToken) Object.assign(env, { VBM365_TOKEN: https.token, VBM365_USERNAME: undefined, VBM365_PASSWORD: undefined });
    const error = await settingsError(env);
    expect(error).toBeInstanceOf(ContractSettingsError);
    expect((error as Error).message).toMatch(/certificate.*Check VBM365_URL, and VBM365_CA_FILE/);
  });
});
