// Every operation of every version the testkit serves, called through the testkit, and
// every answer (token answers and errors included) validated against that version's
// bundle with formats checked: what a client generated from the vendor's document would
// parse. Then every link those answers carry is followed and its answer validated too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer, type TestServerOptions } from "../src/index.js";
import {
  AnswerChecker,
  operationForPath,
  operationsOf,
  servedBundles,
  type BoundOperation,
  type Parameter,
  type Schema,
} from "./bundle.js";
import { NOW } from "./helpers.js";

interface Request {
  label: string;
  method: string;
  path: string;
  token: boolean;
  contentType?: string;
  /** Made when sent: a refresh grant needs the refresh token of the login before it. */
  body?: () => string;
  /** The status class the request must get: a valid request 2xx, a broken one its 4xx. */
  expect: number;
}

/** Real values from the server's data, so valid requests hit existing resources. */
interface Known {
  sessionId: string;
  eventId: string;
  olderTime: string;
  newerTime: string;
  credentials: { username: string; password: string };
  refreshToken?: string;
}

const UNKNOWN_UUID = "0f0e0d0c-0b0a-4900-8800-000000000001";

function validQueryValue(param: Parameter, known: Known): string {
  const { schema } = param;
  if (schema.format === "date-time") return /to$/i.test(param.name) ? known.newerTime : known.olderTime;
  if (schema.type === "integer") return String((schema.minimum ?? 0) + 1);
  if (schema.type === "boolean") return "true";
  const values = (schema as { enum?: unknown[] }).enum;
  if (values?.length) return String(values[0]);
  return "x";
}

function pathFor(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? "?"));
}

function pathValues(params: Parameter[], known: Known): Record<string, string> {
  return Object.fromEntries(params.map((p) => [p.name, /event/i.test(p.name) ? known.eventId : known.sessionId]));
}

/** A valid request per operation, then one per way a parameter can be wrong. */
function parameterRequests(op: BoundOperation, known: Known): Request[] {
  const params = op.operation.parameters ?? [];
  const inPath = params.filter((p) => p.in === "path");
  const inQuery = params.filter((p) => p.in === "query");
  const path = pathFor(op.template, pathValues(inPath, known));
  const full = inQuery.map((p) => `${p.name}=${encodeURIComponent(validQueryValue(p, known))}`).join("&");
  const name = `${op.method} ${op.operation.operationId}`;
  const requests: Request[] = [{ label: `${name} plain`, method: op.method, path, token: true, expect: 200 }];
  if (full) requests.push({ label: `${name} ${full}`, method: op.method, path: `${path}?${full}`, token: true, expect: 200 });
  if (op.secured) requests.push({ label: `${name} without a token`, method: op.method, path, token: false, expect: 401 });
  for (const param of inPath) {
    const values = pathValues(inPath, known);
    for (const [wrong, status] of [
      ["not-a-uuid", 400],
      [UNKNOWN_UUID, 404],
    ] as const) {
      const broken = pathFor(op.template, { ...values, [param.name]: wrong });
      requests.push({ label: `${name} ${param.name}=${wrong}`, method: op.method, path: broken, token: true, expect: status });
    }
  }
  for (const param of inQuery) {
    const { schema } = param;
    const wrongs: string[] = [];
    if (schema.type === "integer") wrongs.push(String((schema.minimum ?? 0) - 1), "1.5");
    if (schema.type === "integer" && schema.maximum !== undefined) wrongs.push(String(schema.maximum + 1));
    if (schema.format === "date-time") wrongs.push("yesterday");
    if (schema.type === "boolean") wrongs.push("maybe");
    if ((schema as { enum?: unknown[] }).enum) wrongs.push("Sideways");
    for (const wrong of wrongs) {
      const query = `${param.name}=${encodeURIComponent(wrong)}`;
      requests.push({ label: `${name} ${query}`, method: op.method, path: `${path}?${query}`, token: true, expect: 400 });
    }
  }
  return requests;
}

function encodeBody(contentType: string, fields: Record<string, string | boolean>): string {
  if (contentType !== "application/json") return new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
  return JSON.stringify(fields);
}

/** Each grant the token body declares, in each content type it declares, and wrong ones. */
function bodyRequests(op: BoundOperation, known: Known): Request[] {
  const name = `${op.method} ${op.operation.operationId}`;
  const requests: Request[] = [];
  for (const [contentType, content] of Object.entries(op.operation.requestBody?.content ?? {})) {
    const branches = (content.schema as { oneOf?: Schema[] } | undefined)?.oneOf ?? [];
    for (const branch of branches) {
      const properties = branch.properties as Record<string, { const?: string; type?: string | string[] }>;
      const grant = properties.grant_type?.const ?? "?";
      // Optional switches a version adds (v7's disable_antiforgery_token) are sent as a client would.
      const switches = Object.fromEntries(
        Object.entries(properties)
          .filter(([, p]) => [p.type].flat().includes("boolean"))
          .map(([name]) => [name, true]),
      );
      const body = () =>
        encodeBody(contentType, {
          ...switches,
          ...(grant === "password"
            ? { grant_type: grant, ...known.credentials }
            : { grant_type: grant, refresh_token: known.refreshToken ?? "" }),
        });
      requests.push({
        label: `${name} ${grant} grant as ${contentType}`,
        method: op.method,
        path: op.template,
        token: false,
        contentType,
        body,
        expect: 200,
      });
    }
    const wrongPassword = () =>
      encodeBody(contentType, { grant_type: "password", username: known.credentials.username, password: "wrong" });
    requests.push({
      label: `${name} wrong password as ${contentType}`,
      method: op.method,
      path: op.template,
      token: false,
      contentType,
      body: wrongPassword,
      expect: 401,
    });
    requests.push({
      label: `${name} no grant as ${contentType}`,
      method: op.method,
      path: op.template,
      token: false,
      contentType,
      body: () => encodeBody(contentType, {}),
      expect: 400,
    });
  }
  return requests;
}

/** Every `_links.*.href` anywhere in a JSON value. */
function linksIn(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) linksIn(item, out);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "_links" && inner && typeof inner === "object") {
        for (const link of Object.values(inner as Record<string, { href?: string }>)) if (link?.href) out.add(link.href);
      } else linksIn(inner, out);
    }
  }
  return out;
}

interface Walk {
  problems: string[];
  /** Operation ids that gave a 2xx answer at least once. */
  succeeded: Set<string>;
  /** Links that match no operation of the bundle (they point outside this API family). */
  foreign: Set<string>;
  answers: number;
}

async function walkEveryOperation(server: TestServer, operations: BoundOperation[]): Promise<Walk> {
  const checker = new AnswerChecker();
  const walk: Walk = { problems: [], succeeded: new Set(), foreign: new Set(), answers: 0 };
  const links = new Set<string>();
  const data = server.data;
  const index = [...Array(Math.min(data.sessionCount(), 60)).keys()].find(
    (i) => data.events(i).length >= 2 && data.session(i).state === "Working",
  )!;
  const known: Known = {
    sessionId: data.session(index).id,
    eventId: data.events(index)[1]!.id,
    olderTime: data.session(30).creationTime,
    newerTime: data.session(2).creationTime,
    credentials: server.credentials,
  };
  const send = async (op: BoundOperation, request: Request) => {
    const headers: Record<string, string> = {};
    if (request.token) headers.authorization = `Bearer ${server.token}`;
    if (request.contentType) headers["content-type"] = request.contentType;
    const response = await fetch(server.url + request.path, { method: request.method, headers, body: request.body?.() });
    const text = await response.text();
    walk.answers++;
    const problems = checker.problems(op, { status: response.status, contentType: response.headers.get("content-type"), text });
    if (
      Math.floor(response.status / 100) !== Math.floor(request.expect / 100) ||
      (request.expect >= 400 && response.status !== request.expect)
    ) {
      problems.unshift(`answered ${response.status}, expected ${request.expect}`);
    }
    walk.problems.push(...problems.map((p) => `${request.label}: ${p}`));
    if (response.ok && problems.length === 0) walk.succeeded.add(op.operation.operationId);
    if (response.ok && /json/.test(response.headers.get("content-type") ?? "")) {
      const body = JSON.parse(text) as Record<string, unknown>;
      linksIn(body, links);
      if (typeof body.refresh_token === "string") known.refreshToken = body.refresh_token;
    }
  };
  // Reads first, Stop last: it changes the session the others read.
  const ordered = [...operations].sort((a, b) => Number(a.method !== "GET") - Number(b.method !== "GET"));
  for (const op of ordered) {
    const requests = op.operation.requestBody ? bodyRequests(op, known) : parameterRequests(op, known);
    for (const request of requests) await send(op, request);
  }
  for (const href of links) {
    const op = operationForPath(operations, "GET", href.split("?")[0]!);
    if (!op) walk.foreign.add(href.replace(/[0-9a-f-]{36}/gi, "{id}"));
    else await send(op, { label: `link ${href}`, method: "GET", path: href, token: true, expect: 200 });
  }
  return walk;
}

describe.each(servedBundles())("every answer of the testkit's $version validates against its bundle", ({ version, bundle }) => {
  const operations = operationsOf(bundle);
  const started: TestServer[] = [];
  const start = async (options: TestServerOptions = {}) => {
    const server = await startTestServer({ sessions: 80, seed: 5, now: NOW, ...options });
    started.push(server);
    return server;
  };
  afterAll(() => Promise.all(started.map((server) => server.close())));

  let walk: Walk;
  beforeAll(async () => {
    walk = await walkEveryOperation(await start(), operations);
  });

  it("with formats checked, for valid and broken requests and every link followed", () => {
    expect(walk.problems).toEqual([]);
    // Enough answers that the walk reached the pages, links and errors, not only logins.
    expect(walk.answers).toBeGreaterThan(operations.length * 4);
  });

  it("reaches a 2xx answer of every operation", () => {
    expect([...walk.succeeded].sort()).toEqual(operations.map((op) => op.operation.operationId).sort());
  });

  it("follows every link into this API family except the organization's own, which the vendor points elsewhere", () => {
    expect([...walk.foreign]).toEqual([`/${version}/organizations/{id}`]);
  });

  it("sees a token answer with RFC 1123 dates (--token-dates rfc1123) as invalid: the formats are checked", async () => {
    // Only the token operation: the option changes nothing else (the walk above covers the rest).
    const tokenOps = operations.filter((op) => op.operation.requestBody);
    const loose = await walkEveryOperation(await start({ tokenDates: "rfc1123" }), tokenOps);
    // Each successful login and refresh, in each body type the bundle declares, has both dates refused.
    const grants = tokenOps
      .flatMap((op) => bodyRequests(op, { credentials: { username: "", password: "" } } as Known))
      .filter((r) => r.expect === 200);
    expect(grants.length).toBeGreaterThanOrEqual(2);
    expect(loose.problems).toHaveLength(grants.length * 2);
    for (const problem of loose.problems) expect(problem).toMatch(/ grant as .*: \/\.(issued|expires) must match format "date-time"/);
  });
});
