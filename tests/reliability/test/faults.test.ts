// Every fault of the table against the testkit server: what the client does, within its
// time bound, and for walks the exact set of ids (none lost, none twice).
import { Vbm365ApiError, Vbm365NetworkError, Vbm365TimeoutError } from "@vbm365/client";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAULT_CASES, PAGE_SIZE, SESSIONS, type FaultCase } from "./fault-table.js";
import { clientFor, walkUntilFailure } from "./support/clients.js";

// A server per case: a 401 fault expires the token it saw, which must not leak into the next case.
let server: TestServer;
let allIds: string[];

beforeEach(async () => {
  server = await startTestServer({ sessions: SESSIONS, seed: 9 });
  allIds = [...server.data.sessionIds()];
});
afterEach(() => server.close());

async function run(fault: FaultCase): Promise<{ ids: string[]; error?: unknown }> {
  const client = clientFor(server, fault.call === "login" ? "credentials" : (fault.auth ?? "token"), {
    ...(fault.retry ? { retry: fault.retry } : {}),
    ...(fault.timeoutMs ? { timeoutMs: fault.timeoutMs } : {}),
  });
  if (fault.call === "walk") return walkUntilFailure(client.restoreSessions.iterate({ pageSize: PAGE_SIZE }));
  try {
    const page = await client.restoreSessions.list({ limit: 5 });
    return { ids: page.results.map((session) => session.id) };
  } catch (error) {
    return { ids: [], error };
  }
}

describe("the client under each injected fault", () => {
  it.each(FAULT_CASES.map((fault) => [fault.fault, fault] as const))("%s", async (_name, fault) => {
    if (fault.knownBug) {
      // Documents a reported bug: stays green while the client gets it wrong, turns red once
      // it is fixed (then drop `knownBug` from the table).
      await expect(check(fault), `known bug still present: ${fault.knownBug}`).rejects.toThrow(/SyntaxError/);
      return;
    }
    await check(fault);
  });
});

async function check(fault: FaultCase): Promise<void> {
  {
    for (const spec of fault.faults()) server.faults.inject(spec);
    server.stats.reset();
    const started = performance.now();
    const { ids, error } = await run(fault);
    const elapsed = performance.now() - started;

    const expected = fault.expected;
    if (expected.kind === "ok") {
      expect(error).toBeUndefined();
      if (fault.call === "walk") {
        expect(ids).toHaveLength(allIds.length); // none twice...
        expect(new Set(ids)).toEqual(new Set(allIds)); // ...and none lost
      } else {
        expect(ids).toEqual(allIds.slice(0, 5));
      }
    } else {
      expect(error, "the call should have failed").toBeInstanceOf(Error);
      if (expected.kind === "apiError") {
        expect(error).toBeInstanceOf(Vbm365ApiError);
        expect((error as Vbm365ApiError).status).toBe(expected.status);
      } else if (expected.kind === "timeoutError") {
        expect(error).toBeInstanceOf(Vbm365TimeoutError);
        expect((error as Error).cause, "the timeout keeps what aborted the request").toBeInstanceOf(Error);
      } else if (expected.kind === "typedError") {
        expect(
          [Vbm365ApiError, Vbm365NetworkError].some((type) => error instanceof type),
          String(error),
        ).toBe(true);
        expect((error as Error).cause).toBeInstanceOf(Error);
      } else {
        expect(error).toBeInstanceOf(Vbm365NetworkError);
        expect(error).not.toBeInstanceOf(Vbm365TimeoutError);
        expect((error as Error).cause).toBeInstanceOf(Error);
      }
      if (fault.call === "walk") {
        // What came before the failure is a clean prefix of the server's order: none twice.
        expect(ids).toEqual(allIds.slice(0, ids.length));
        expect(ids.length % PAGE_SIZE).toBe(0);
      }
    }
    const unfired = server.faults.list().filter((rule) => rule.spec.times !== Infinity);
    expect(unfired, "every injected fault fired").toEqual([]);
    expect(server.stats.requests).toBe(expected.requests);
    if (fault.atLeastMs !== undefined) expect(elapsed).toBeGreaterThanOrEqual(fault.atLeastMs);
    expect(elapsed).toBeLessThanOrEqual(fault.withinMs);
  }
}
