import { describe, expect, it } from "vitest";
import { createVbm365Client } from "../src/index.js";
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
    url.pathname === "/v6/Token"
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
    expect(shown).toContain("/v6/Token");
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
