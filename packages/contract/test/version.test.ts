// Which API version a run checks: pinned by VBM365_API_VERSION, or probed (auto) with one
// anonymous request per version, the highest served winning; a server that answers neither
// 401 nor 404 to a probe, or serves none, is a settings error of one line.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractSettingsError, formatSummary, probeVersion, runContract, specOf, targetFromEnv, versionSetting } from "../src/index.js";

describe("auto picks the highest version the server serves", () => {
  const servers: TestServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it.each([
    { versions: ["v6"] as const, picked: "v6" },
    { versions: ["v6", "v7"] as const, picked: "v7" },
    { versions: ["v6", "v7", "v8"] as const, picked: "v8" },
  ])("a testkit server serving $versions: $picked", async ({ versions, picked }) => {
    const server = await startTestServer({ sessions: 3, versions: [...versions] });
    servers.push(server);
    server.requestLog.length = 0;
    const chosen = await probeVersion(server.url);
    expect(chosen.version).toBe(picked);
    // The reason names every probe and its answer, so a report says why this version.
    expect(chosen.reason).toContain(`${picked} 401`);
    if (picked !== "v8") expect(chosen.reason).toContain("v8 404");
    // One anonymous request per version, none with a token.
    expect(server.requestLog.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v8/RestoreSessions",
      "GET /v7/RestoreSessions",
      "GET /v6/RestoreSessions",
    ]);
  });
});

describe("targetFromEnv: the version follows VBM365_API_VERSION or the probe", () => {
  let v6Only: TestServer;
  let full: TestServer;
  beforeAll(async () => {
    [v6Only, full] = await Promise.all([startTestServer({ sessions: 3, versions: ["v6"] }), startTestServer({ sessions: 3 })]);
  });
  afterAll(() => Promise.all([v6Only.close(), full.close()]));

  const login = (server: TestServer, version?: string) => ({
    VBM365_URL: server.url,
    VBM365_USERNAME: server.credentials.username,
    VBM365_PASSWORD: server.credentials.password,
    VBM365_API_VERSION: version,
  });

  it("auto logs in at the chosen version's token path and the report says which and why", async () => {
    full.requestLog.length = 0;
    const target = await targetFromEnv(login(full));
    expect(target).toMatchObject({ apiVersion: "v8", versionReason: expect.stringMatching(/^auto: the highest version served/) });
    expect(full.requestLog.filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/v8/token"]);
    const summary = formatSummary(await runContract(specOf("v8"), { ...target!, name: "full" }));
    expect(summary).toMatch(/^ {2}API version: v8 \(auto: .*v8 401/m);
  });

  it("auto against a v6-only server checks v6", async () => {
    const target = await targetFromEnv(login(v6Only, "auto"));
    expect(target?.apiVersion).toBe("v6");
  });

  it("a pinned version is used without a probe, and the report says it was pinned", async () => {
    full.requestLog.length = 0;
    const target = await targetFromEnv(login(full, "v7"));
    expect(target).toMatchObject({ apiVersion: "v7", versionReason: "pinned by VBM365_API_VERSION=v7" });
    expect(full.requestLog.map((r) => r.path)).toEqual(["/v7/token", "/v7/RestoreSessions"]);
  });

  it("a pinned version the server does not serve is a settings error naming it", async () => {
    const error = await targetFromEnv(login(v6Only, "v8")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractSettingsError);
    // The login itself is at /v8/token, which a v6-only server does not have either.
    expect((error as Error).message).toBe(
      "the server does not serve v8 (POST /v8/token answered 404): pin another VBM365_API_VERSION, or use auto.",
    );
  });

  it("a pinned version with a token the server accepts elsewhere: the preflight says the version is not served", async () => {
    const error = await targetFromEnv({ VBM365_URL: v6Only.url, VBM365_TOKEN: v6Only.token, VBM365_API_VERSION: "v7" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContractSettingsError);
    expect((error as Error).message).toBe(
      "the server does not serve v7 (GET /v7/RestoreSessions answered 404): pin another VBM365_API_VERSION, or use auto.",
    );
  });
});

describe("VBM365_API_VERSION is checked", () => {
  it.each([[undefined], [""], ["auto"]])("%j means auto", (value) => {
    expect(versionSetting({ VBM365_API_VERSION: value })).toBe("auto");
  });
  it("a version of the spec is taken as it is", () => {
    expect(versionSetting({ VBM365_API_VERSION: "v7" })).toBe("v7");
  });
  it("anything else is one line naming the setting and the choices", () => {
    expect(() => versionSetting({ VBM365_API_VERSION: "8" })).toThrow(
      new ContractSettingsError(
        "VBM365_API_VERSION (--api-version) '8' is not known: use v6, v7, v8 or auto (the newest the server serves)",
      ),
    );
  });
});

describe("a server whose probes cannot be read", () => {
  let server: Server;
  let status = 500;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(status, { "content-type": "application/json" }).end("{}"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("a probe answered neither 401 nor 404 asks the user to pin the version", async () => {
    status = 503;
    await expect(probeVersion(url)).rejects.toThrow(
      "GET /v8/RestoreSessions?limit=1 without a token answered 503, neither 401 (served) nor 404 (not served): pin the version with VBM365_API_VERSION=v8 (or --api-version) if the server has it.",
    );
  });

  it("a server that serves no version says so", async () => {
    status = 404;
    await expect(probeVersion(url)).rejects.toThrow(
      /serves none of v6, v7, v8 \(anonymous probes answered v8 404, v7 404, v6 404\): check VBM365_URL/,
    );
  });
});
