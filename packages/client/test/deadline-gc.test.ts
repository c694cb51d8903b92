// Deadlines survive garbage collection. undici follows an AbortSignal through weak
// references only, so a deadline attached to a Request nobody holds can be collected with it
// and the call then waits for undici's own 300 s limit. These tests force collection (the
// process gets `--expose-gc` at run time) while a loopback server keeps the request hanging.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365TimeoutError } from "../src/index.js";
import { SESSION_ID } from "./helpers/fake-fetch.js";
import { loopback, selfSigned, type Loopback } from "./helpers/loopback.js";

setFlagsFromString("--expose-gc");
const gc = ((globalThis as { gc?: () => void }).gc ?? runInNewContext("gc")) as () => void;

const running: Loopback[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** A server that takes requests and never answers (`headers`) or sends headers and then nothing (`body`). */
async function silent(stage: "headers" | "body", tls?: { cert: string; key: string }) {
  const server = await loopback((_, response) => {
    if (stage === "body") response.writeHead(200, { "content-type": "application/json", "content-length": "1000" }).write("{");
  }, tls);
  running.push(server);
  return server;
}

/** Settles with `call`'s outcome, collecting garbage every few ms meanwhile; "hung" after `hangMs`. */
async function underGc(call: Promise<unknown>, hangMs = 15_000): Promise<unknown> {
  let settled = false;
  const outcome = call.then(
    (value) => ({ value }),
    (error: unknown) => error,
  );
  void outcome.finally(() => (settled = true));
  const started = Date.now();
  while (!settled && Date.now() - started < hangMs) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return settled ? outcome : "hung";
}

const options = { auth: { token: "t0ken-value" }, timeoutMs: 300, retry: false } as const;

describe("deadlines under garbage collection", () => {
  it.each(["headers", "body"] as const)("a server that never sends the %s fails the call at its deadline (global fetch)", async (stage) => {
    const server = await silent(stage);
    const vbm = createVbm365Client({ baseUrl: server.url, ...options });

    const outcome = await underGc(vbm.restoreSessions.get(SESSION_ID));

    expect(outcome).toBeInstanceOf(Vbm365TimeoutError);
    expect(outcome).toMatchObject({ timeoutMs: 300 });
  });

  it.each(["headers", "body"] as const)(
    "a server that never sends the %s fails the call at its deadline (`ca` transport)",
    async (stage) => {
      const tls = selfSigned();
      const server = await silent(stage, tls);
      const vbm = createVbm365Client({ baseUrl: server.url, ...options, ca: tls.cert });

      const outcome = await underGc(vbm.restoreSessions.get(SESSION_ID));

      expect(outcome).toBeInstanceOf(Vbm365TimeoutError);
    },
  );

  it("a retried call gets a deadline per attempt, each surviving collection", async () => {
    const server = await silent("headers");
    const vbm = createVbm365Client({ baseUrl: server.url, ...options, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 1 } });

    const outcome = await underGc(vbm.restoreSessions.list());

    expect(outcome).toBeInstanceOf(Vbm365TimeoutError);
    expect(server.seen).toHaveLength(3);
  });
});
