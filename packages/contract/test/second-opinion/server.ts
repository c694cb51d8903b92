// A second, independent server of the RestoreSessions family (v6, v7, v8), written from
// shared/reference/api-facts.md and not from the testkit, for the contract suite's own
// tests: the suite must pass a conformant server it was not written against. Where the
// facts leave room it answers differently from the testkit: header case, no charset in
// the content type, links built from the request's query (unknown parameters kept, the
// client's encoding kept, lower-case path), equal creation times ordered by id, trimmed
// fractional digits, absent versus null optional fields, a 404 for a malformed id, values
// beyond the spec's own limits accepted. `defects` plants one broken rule at a time;
// `tokenDates` chooses how the token's `.issued`/`.expires` are written.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generate, type Session } from "./data.js";
import { handleData } from "./handlers.js";
import type { SecondOpinionDefect, Version } from "./render.js";

export interface SecondOpinionOptions {
  sessions?: number;
  seed?: number;
  versions?: Version[];
  defects?: SecondOpinionDefect[];
  /**
   * How `.issued`/`.expires` are written: ISO 8601 (the default, the document's date-time),
   * RFC 1123 (`Sun, 06 Dec 2026 21:01:18 GMT`, as servers of this kind do), or in words
   * (`yesterday`: a date in no form at all, which the suite must still fail).
   */
  tokenDates?: TokenDates;
}

export type TokenDates = "iso8601" | "rfc1123" | "words";

const writeTokenDate: Record<TokenDates, (at: Date, which: "issued" | "expires") => string> = {
  iso8601: (at) => at.toISOString(),
  rfc1123: (at) => at.toUTCString(),
  words: (_, which) => (which === "issued" ? "yesterday" : "in an hour"),
};

export interface SecondOpinion {
  url: string;
  token: string;
  credentials: { username: string; password: string };
  close(): Promise<void>;
}

/** What a handler answers: a status and a JSON body, or no body. */
export interface Reply {
  status: number;
  body?: unknown;
}

export interface ServerState {
  sessions: Session[];
  setId: string;
  defects: ReadonlySet<SecondOpinionDefect>;
  tokenDates: TokenDates;
}

const credentials = { username: "CONTOSO\\auditor", password: "second opinion" };

/** The error body of a version: `message`, and from v7 on `errorCode` (v8 knows more values, and adds `stackTrace`). */
export function error(status: number, message: string, v: Version, code: string): Reply {
  if (v === "v6") return { status, body: { message } };
  if (v === "v7") return { status, body: { message, errorCode: null } };
  return { status, body: { message, errorCode: code, stackTrace: null } };
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status, { "Content-Length": "0" }).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)) }).end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function tokenReply(state: ServerState, issued: Set<string>, refreshes: Set<string>): Reply {
  const access = randomBytes(24).toString("base64url");
  const refresh = randomBytes(24).toString("base64url");
  issued.add(access);
  refreshes.add(refresh);
  const now = Date.now();
  const write = writeTokenDate[state.tokenDates];
  const dates = { ".issued": write(new Date(now), "issued"), ".expires": write(new Date(now + 3_600_000), "expires") };
  return {
    status: 200,
    body: {
      access_token: access,
      refresh_token: refresh,
      token_type: "bearer",
      expires_in: 3600,
      userName: credentials.username,
      ...dates,
    },
  };
}

/** POST /vN/token: the password and refresh grants, as a form or as JSON. */
function token(state: ServerState, v: Version, contentType: string, raw: string, issued: Set<string>, refreshes: Set<string>): Reply {
  let fields: Record<string, unknown>;
  try {
    fields = /json/i.test(contentType) ? (JSON.parse(raw) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
  } catch {
    return error(400, "The request body could not be read.", v, "ParameterValidationFailure");
  }
  if (fields.grant_type === "password" && fields.username === credentials.username && fields.password === credentials.password)
    return tokenReply(state, issued, refreshes);
  if (fields.grant_type === "refresh_token" && typeof fields.refresh_token === "string" && refreshes.delete(fields.refresh_token))
    return tokenReply(state, issued, refreshes);
  return error(400, "invalid_grant", v, "ParameterValidationFailure");
}

export async function startSecondOpinion(options: SecondOpinionOptions = {}): Promise<SecondOpinion> {
  const versions = new Set<string>(options.versions ?? ["v6", "v7", "v8"]);
  const state: ServerState = {
    sessions: generate(options.sessions ?? 23, options.seed ?? 11),
    setId: "3f0e9a52-6c1d-4b7e-9f2a-8d5c4b3a2e10",
    defects: new Set(options.defects ?? []),
    tokenDates: options.tokenDates ?? "iso8601",
  };
  const issued = new Set<string>();
  const refreshes = new Set<string>();
  const fixed = tokenReply(state, issued, refreshes);
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const [pathPart = "", rawQuery = ""] = req.url!.split("?", 2) as [string, string?];
    const segments = pathPart.split("/").filter((s) => s !== "");
    const v = segments[0]?.toLowerCase() as Version;
    // Versions the server does not serve are unknown paths: that is how a client tells them apart.
    if (!versions.has(v)) return send(res, { status: 404, body: { message: "Not found." } });
    if (segments.length === 2 && segments[1]!.toLowerCase() === "token" && req.method === "POST") {
      return send(res, token(state, v, String(req.headers["content-type"] ?? ""), raw, issued, refreshes));
    }
    const bearer = /^bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ""))?.[1];
    if (!state.defects.has("tokenIgnored") && (!bearer || !issued.has(bearer)))
      return send(res, error(401, "Authorization has been denied for this request.", v, "ResourceAccessDenied"));
    send(res, handleData(state, v, req.method ?? "GET", segments.slice(1), rawQuery));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token: (fixed.body as { access_token: string }).access_token,
    credentials,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
