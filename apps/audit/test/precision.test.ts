// --from/--to keep every fractional digit given (the server filters to 100 ns; a JS Date
// holds only milliseconds), converted to UTC without losing any of them (the parsing itself
// is tested in @vbm365/app-support).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "./run-cli.js";
import { parseFormat } from "./rows.js";
import { startServer, tokenEnv, type TestServer } from "./testkit-server.js";

describe("a window one tick (100 ns) off a session's start, against the testkit server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(60);
  });
  afterAll(() => server?.close());

  test("--from one tick after a session leaves it out; --to one tick before it too", async () => {
    const ids = [...server.data.sessionIds()];
    // A session whose start's last (100 ns) digit can move one either way.
    const index = ids.findIndex((_, i) => i > 0 && /\.\d{6}[1-8]Z$/.test(server.data.session(i).creationTime));
    expect(index).toBeGreaterThan(0);
    const start = server.data.session(index).creationTime; // UTC, 7 digits
    const lastDigit = Number(start.at(-2));
    const shift = (step: number) => `${start.slice(0, -2)}${lastDigit + step}Z`;
    expect(lastDigit).toBeGreaterThan(0);
    expect(lastDigit).toBeLessThan(9);

    const list = async (args: string[]) => {
      const result = await runCli(["sessions", ...args, "--format", "ndjson"], { env: tokenEnv(server) });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      return parseFormat("ndjson", result.stdout).map((row) => row.id!);
    };
    const from = await list(["--from", shift(1), "--to", "2100-01-01T00:00:00Z"]);
    expect(from).toEqual(ids.slice(0, index)); // newest first: every session after it, not it
    expect(from).toEqual([...server.data.sessionIds({ startTimeFrom: shift(1), startTimeTo: "2100-01-01T00:00:00Z" })]);
    const to = await list(["--from", "2000-01-01T00:00:00Z", "--to", shift(-1)]);
    expect(to).toEqual(ids.slice(index + 1));
    expect(to).toEqual([...server.data.sessionIds({ startTimeFrom: "2000-01-01T00:00:00Z", startTimeTo: shift(-1) })]);
    const on = await list(["--from", start, "--to", start]);
    expect(on).toEqual([ids[index]]);
  });
});
