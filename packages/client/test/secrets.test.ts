import { describe, expect, it } from "vitest";
import { createVbm365Client, REDACTED, redactText, secretForms } from "../src/index.js";
import { BASE, SESSION_ID, fakeFetch } from "./helpers/fake-fetch.js";

const PASSWORD = "Pa55-secret-word";
const ACCESS = "eyJ-access-token-value";
const REFRESH = "refresh-token-value-42";
const SECRETS = [PASSWORD, ACCESS, REFRESH];

/** Everything an error shows: message, toString, JSON, stack, and its whole cause chain. */
function everythingShown(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    const e = current as Error;
    parts.push(String(e), e.message, e.stack ?? "", JSON.stringify(e), JSON.stringify((e as { body?: unknown }).body ?? null));
    current = e.cause;
  }
  return parts.join("\n");
}

function clientWith(dataAnswer: (request: Request) => Response | Promise<Response>, tokenAnswer?: () => Response) {
  const server = fakeFetch((request, url) =>
    url.pathname.toLowerCase() === "/v6/token"
      ? (tokenAnswer?.() ?? Response.json({ access_token: ACCESS, refresh_token: REFRESH, expires_in: 3600 }))
      : dataAnswer(request),
  );
  return createVbm365Client({ baseUrl: BASE, auth: { username: "admin", password: PASSWORD }, fetch: server.fetch, retry: false });
}

describe("no secret in any error", () => {
  it("an API error whose server echoes the token and password", async () => {
    const vbm = clientWith((request) =>
      Response.json(
        { message: `Token ${request.headers.get("authorization")} rejected for password ${PASSWORD}`, detail: { refresh: REFRESH } },
        { status: 403 },
      ),
    );
    const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);
    const shown = everythingShown(error);
    expect(shown).toContain("[redacted]");
    for (const secret of SECRETS) expect(shown).not.toContain(secret);
  });

  it("a failed login", async () => {
    const vbm = clientWith(
      () => Response.json({}),
      () => Response.json({ message: `Bad password ${PASSWORD}` }, { status: 400 }),
    );
    const shown = everythingShown(await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e));
    expect(shown).toContain("POST /v6/token");
    expect(shown).not.toContain(PASSWORD);
  });

  it("a network failure", async () => {
    const vbm = clientWith(() => {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
    });
    const shown = everythingShown(await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e));
    expect(shown).toContain("ECONNRESET");
    for (const secret of SECRETS) expect(shown).not.toContain(secret);
  });
});

describe("no secret in any error, in encoded form either", () => {
  // Characters that each encoding writes differently: space, &, +, /, =, %, quote, non-ASCII.
  const SPECIAL = 'pa ss&w+rd/=%"é-long-enough';
  const TOKEN = "tok/en+with=odd chars-9f8e7d";

  function echoingLogin(echo: (form: string, bearer: string | null) => string) {
    const server = fakeFetch(async (request, url) => {
      if (url.pathname.toLowerCase() === "/v6/token") {
        return Response.json({ access_token: TOKEN, refresh_token: REFRESH, expires_in: 3600 });
      }
      return Response.json({ message: echo(lastForm, request.headers.get("authorization")) }, { status: 400 });
    });
    let lastForm = "";
    const original = server.fetch;
    const fetch = (async (request: Request) => {
      if (/token$/i.test(new URL(request.url).pathname)) lastForm = await request.clone().text();
      return original(request);
    }) as typeof globalThis.fetch;
    return createVbm365Client({ baseUrl: BASE, auth: { username: "admin", password: SPECIAL }, fetch, retry: false });
  }

  const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const encodings: Array<[string, (form: string, bearer: string | null) => string]> = [
    ["the form body as sent (form-encoded)", (form) => `could not parse ${form}`],
    ["URL-encoded", () => `bad value ${encodeURIComponent(SPECIAL)} and ${encodeURIComponent(TOKEN)}`],
    ["base64 of the bearer header", (_, bearer) => `seen ${base64(bearer ?? "")}`],
    ["base64 of the password, after other text", () => `seen ${base64(`user:${SPECIAL}`)}`],
    ["base64url of the token", () => `seen ${base64(`x${TOKEN}`).replace(/\+/g, "-").replace(/\//g, "_")}`],
  ];

  it.each(encodings)("%s", async (_, echo) => {
    const error = await echoingLogin(echo)
      .restoreSessions.get(SESSION_ID)
      .catch((e: unknown) => e);
    const shown = everythingShown(error);
    expect(shown).toContain("[redacted]");
    for (const secret of [SPECIAL, TOKEN]) {
      for (const form of [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), base64(secret)]) {
        expect(shown).not.toContain(form);
      }
    }
    expect(shown).not.toContain(base64(`Bearer ${TOKEN}`).slice(4, -4));
  });
});

describe("a token answer without access_token", () => {
  it.each([{}, { access_token: "" }, { access_token: 42, expires_in: 3600 }, { token_type: "bearer", expires_in: 3600 }])(
    "%j fails the login and no data call goes out (no `Bearer undefined`)",
    async (answer) => {
      const server = fakeFetch((_, url) => (url.pathname.toLowerCase() === "/v6/token" ? Response.json(answer) : Response.json({})));
      const vbm = createVbm365Client({ baseUrl: BASE, auth: { username: "admin", password: PASSWORD }, fetch: server.fetch, retry: false });

      const error = await vbm.restoreSessions.get(SESSION_ID).catch((e: unknown) => e);

      expect(error).toMatchObject({ name: "Vbm365ApiError", status: 200, method: "POST" });
      expect((error as Error).message).toContain("no access_token");
      expect(server.requests.map((r) => new URL(r.url).pathname.toLowerCase())).toEqual(["/v6/token"]);
    },
  );
});

describe("redactText", () => {
  const secret = "Zq81xW-s3cret/+é";

  it("replaces every form a server may echo, and leaves ordinary text", () => {
    const percent = encodeURIComponent(secret);
    const forms = [
      secret,
      percent,
      percent.replace(/%[0-9A-F]{2}/g, (percentEscape) => percentEscape.toLowerCase()),
      new URLSearchParams({ p: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ];
    for (const form of forms) expect(redactText(`x=${form};`, [secret]), form).toBe(`x=${REDACTED};`);
    expect(redactText("nothing secret here", [secret])).toBe("nothing secret here");
  });

  it.each([0, 1, 2])("replaces the base64 of the form-encoded secret %i bytes into a login body", (prefix) => {
    const body = Buffer.from(`${"u".repeat(prefix)}password=${new URLSearchParams({ p: secret }).toString().slice(2)}&x`).toString(
      "base64",
    );
    const shown = redactText(body, [secret]);
    expect(shown).toContain(REDACTED);
    expect(Buffer.from(shown.split(REDACTED).join(""), "base64").toString("latin1")).not.toContain("s3cret");
  });

  it("leaves secrets under four characters alone: they would scrub ordinary words", () => {
    expect(redactText("the abc of it", ["abc"])).toBe("the abc of it");
    expect(secretForms("abcd")).toContain("abcd");
  });
});
