import { describe, expect, it } from "vitest";
import { Vbm365ApiError, Vbm365ValidationError } from "@vbm365/client";
import {
  ConfigFileError,
  ServerDeadlineError,
  failureReason,
  fleetOutcome,
  runFleet,
  selectServers,
  type ServerSettings,
} from "../src/index.js";

function server(name: string, tags: Record<string, string> = {}, deadlineMs?: number): ServerSettings {
  return {
    name,
    baseUrl: `https://${name}.example:4443`,
    apiVersion: "auto",
    tags,
    credentials: { kind: "token", read: async () => "t" },
    ...(deadlineMs ? { deadlineMs } : {}),
  };
}

const FLEET = [
  server("a", { customer: "contoso", region: "eu" }),
  server("b", { customer: "fabrikam", region: "eu" }),
  server("c", { customer: "contoso", region: "us" }),
];

describe("selecting servers", () => {
  it("by name, by tag (all tags must match) or all, in the configuration's order", () => {
    expect(selectServers(FLEET, { names: ["c", "A"] }).map((s) => s.name)).toEqual(["a", "c"]);
    expect(selectServers(FLEET, { tags: ["customer=contoso"] }).map((s) => s.name)).toEqual(["a", "c"]);
    expect(selectServers(FLEET, { tags: ["customer=contoso", "region=eu"] }).map((s) => s.name)).toEqual(["a"]);
    expect(selectServers(FLEET, { all: true })).toHaveLength(3);
    expect(() => selectServers(FLEET, { tags: ["region"] })).toThrow("--tag 'region' must be KEY=VALUE, such as --tag customer=contoso");
    expect(() => selectServers(FLEET, { all: true, names: ["a"] })).toThrow("--all-servers already selects every server");
  });
});

describe("running a job on every server", () => {
  it("keeps at most `parallel` jobs running and returns results in the servers' order", async () => {
    let running = 0;
    let most = 0;
    const servers = Array.from({ length: 7 }, (_, i) => server(`s${i}`));
    const results = await runFleet(servers, { parallel: 3 }, async (one) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5 + (7 - Number(one.name.slice(1))) * 2));
      running--;
      return one.name;
    });
    expect(most).toBe(3);
    expect(results.map((result) => result.ok && result.value)).toEqual(servers.map((s) => s.name));
  });

  it("gives up on a job at its deadline even when it ignores its signal, and aborts the signal", async () => {
    let signalled: AbortSignal | undefined;
    const started = performance.now();
    const [silent, quick] = await runFleet([server("silent", {}, 50), server("quick")], { parallel: 2 }, (one, signal) => {
      if (one.name === "quick") return Promise.resolve("ok");
      signalled = signal;
      return new Promise<string>(() => undefined); // never settles
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(silent).toMatchObject({ ok: false, error: expect.any(ServerDeadlineError) });
    expect(failureReason(silent!.ok ? undefined : silent!.error)).toBe("timeout");
    expect(signalled?.aborted).toBe(true);
    expect(quick).toMatchObject({ ok: true, value: "ok" });
    expect(fleetOutcome([silent!, quick!])).toBe("some");
  });

  it("names the reasons a server fails", () => {
    const apiError = (status: number, path: string) => new Vbm365ApiError({ method: "GET", path, status, body: undefined });
    expect(failureReason(apiError(401, "/v6/token"))).toBe("login refused");
    expect(failureReason(new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }))).toBe(
      "unreachable",
    );
    expect(
      failureReason(
        new TypeError("fetch failed", { cause: Object.assign(new Error("self-signed"), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" }) }),
      ),
    ).toBe("TLS");
    // The client's "serves none of the versions" is a 404 on the session list.
    expect(failureReason(apiError(404, "/v6/RestoreSessions"))).toBe("API version");
    expect(
      failureReason(new Vbm365ValidationError("sort", "endTime", "needs REST API v8, and the client speaks v7 with this server")),
    ).toBe("API version");
    expect(failureReason(new Error("--sort needs REST API v8, and https://x speaks v6 at most"))).toBe("API version");
    expect(failureReason(apiError(500, "/v6/RestoreSessions"))).toBe("server error");
    expect(
      failureReason(new ConfigFileError("vbm365.config.yaml:4: servers[0].token - the variable T is not set", "servers[0].token", 4)),
    ).toBe("credentials");
    expect(failureReason(new RangeError("a fault of the app"))).toBe("error");
  });
});
