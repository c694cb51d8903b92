// Everything the server generates, checked against the bundled spec with Ajv (2020-12):
// thousands of sessions and their events, not only the few a contract run samples.
// (answers.test.ts checks every operation's answers as served, tokens and errors included.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";
import { makeAjv, servedBundles, type Schema } from "./bundle.js";
import { call, NOW } from "./helpers.js";

const ajv = makeAjv();
const spec = servedBundles()[0]!.bundle;

function responseSchema(path: string, method: string, status: string): Schema {
  return spec.paths[path]![method]!.responses[status]!.content!["application/json"]!.schema!;
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

  it("sends every field the bundle declares, somewhere in the data (reason included)", () => {
    const declared = (path: string) => Object.keys(responseSchema(path, "get", "200").properties as object).sort();
    const seen = (values: object[]) => [...new Set(values.flatMap((value) => Object.keys(value)))].sort();
    const indexes = [...Array(300).keys()];
    expect(seen(indexes.map((i) => server.data.session(i)))).toEqual(declared(SESSION));
    expect(seen(indexes.flatMap((i) => server.data.events(i)))).toEqual(declared(`${SESSION}/Events/{eventId}`));
    expect(seen(indexes.map((i) => server.data.organization(i)))).toEqual(declared(`${SESSION}/organization`));
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
