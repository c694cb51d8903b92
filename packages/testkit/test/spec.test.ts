// Everything the server generates, checked against the bundled spec with Ajv (2020-12):
// thousands of sessions and their events, not only the few a contract run samples.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { dereferencedJsonPath } from "@vbm365/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";
import { call, NOW, tokenForm } from "./helpers.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false, validateFormats: true }));
const spec = JSON.parse(readFileSync(dereferencedJsonPath, "utf8"));

function responseSchema(path: string, method: string, status: string) {
  return spec.paths[path][method].responses[status].content["application/json"].schema;
}

function validator(path: string, method = "get", status = "200") {
  const validate = ajv.compile(responseSchema(path, method, status));
  return (value: unknown) => {
    const ok = validate(value);
    return ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);
  };
}

const SESSION = "/v6/RestoreSessions/{restoreSessionId}";
const checkSession = validator(SESSION);
const checkEvent = validator(`${SESSION}/Events/{eventId}`);
const checkOrganization = validator(`${SESSION}/organization`);
const checkPage = validator("/v6/RestoreSessions");
const checkEventPage = validator(`${SESSION}/Events`);
const checkToken = validator("/v6/Token", "post");
const checkError = validator("/v6/RestoreSessions", "get", "400");

describe("generated data matches the spec", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ sessions: 2000, seed: 9, now: NOW });
  });
  afterAll(() => server.close());

  it("every session, organization and event of the first 2000 sessions", () => {
    const problems: string[] = [];
    for (let i = 0; i < 2000; i++) {
      problems.push(...checkSession(server.data.session(i)).map((p) => `session ${i}: ${p}`));
      problems.push(...checkOrganization(server.data.organization(i)).map((p) => `organization ${i}: ${p}`));
      if (i < 400) {
        for (const event of server.data.events(i)) problems.push(...checkEvent(event).map((p) => `event of ${i}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it("pages, event pages, tokens and errors as served", async () => {
    expect(checkPage((await call(server, "/v6/RestoreSessions?limit=50&offset=25")).body)).toEqual([]);
    const id = server.data.session(3).id;
    expect(checkEventPage((await call(server, `/v6/RestoreSessions/${id}/Events?limit=2`)).body)).toEqual([]);
    const { username, password } = server.credentials;
    expect(checkToken((await call(server, "/v6/Token", tokenForm({ grant_type: "password", username, password }))).body)).toEqual([]);
    for (const path of ["/v6/RestoreSessions?limit=0", "/v6/RestoreSessions/nope", `/v6/RestoreSessions/${id.replace(/^./, id[0] === "0" ? "1" : "0")}`]) {
      const answer = await call(server, path);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(checkError(answer.body)).toEqual([]);
    }
  });

  it("a stopped session still matches after Stop", async () => {
    const index = [...Array(2000).keys()].find((i) => server.data.session(i).state === "Working")!;
    await call(server, `/v6/RestoreSessions/${server.data.session(index).id}/Stop`, { method: "POST" });
    expect(checkSession(server.data.session(index))).toEqual([]);
    for (const event of server.data.events(index)) expect(checkEvent(event)).toEqual([]);
  });

  it.each([
    ["missingRequired", "state"],
    ["unknownEnum", "/type"],
    ["badDate", "/creationTime"],
  ] as const)("the validator does see the %s defect (%s)", async (defect, where) => {
    const broken = await startTestServer({ sessions: 2, now: NOW, defects: [defect] });
    try {
      const answer = await call(broken, `/v6/RestoreSessions/${broken.data.session(0).id}`);
      expect(checkSession(answer.body).join("\n")).toContain(where);
    } finally {
      await broken.close();
    }
  });
});
