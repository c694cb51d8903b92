// The fleet benchmark: `vbm365-audit sessions --all-servers --since 30d --parallel N` over
// a fleet of testkit servers, against the slowest of the same servers asked alone, and the
// CLI's peak RSS. The CLI runs as users run it (the built dist/cli.js in its own process);
// the testkits run in a few other processes.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { startServerChild, type ServerChild } from "./child.js";
import type { Row } from "./report.js";

export interface FleetPlan {
  servers: number;
  sessionsPerServer: number;
  /** Processes the testkits are spread over. */
  serverProcesses: number;
  runs: number;
  /** Also measured with every answer held back this long (a WAN); 0 skips that pass. */
  latencyMs: number;
}

export const FLEET_WALL = "sessions --all-servers --since 30d";
export const SINGLE_WALL = "sessions --server <slowest> --since 30d";

interface CliRun {
  wallMs: number;
  peakRssMB: number;
  /** User + system CPU time of the CLI process: on loopback the walk is bound by CPU, not by waiting. */
  cpuMs: number;
  rows: number;
}

// Loaded into the CLI's process: prints its CPU time last thing, on stderr.
const CPU_PROBE = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\nbench-cpu-us "+(u.user+u.system)+"\\n")})`;

const auditCli = join(dirname(createRequire(import.meta.url).resolve("@vbm365/audit/package.json")), "dist", "cli.js");

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", CPU_PROBE, auditCli, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let rows = 0;
    let peakKiB = 0;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) rows++;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    // VmHWM is the peak so far: sampling late still sees an earlier spike.
    const sample = () => {
      try {
        peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0));
      } catch {
        // the process has just exited
      }
    };
    const sampler = setInterval(sample, 25);
    child.on("close", (code) => {
      clearInterval(sampler);
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`vbm365-audit ${args.join(" ")} exited ${code}: ${stderr.trim().split("\n").at(-1) ?? ""}`));
      const cpuUs = Number(/bench-cpu-us (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ wallMs, peakRssMB: (peakKiB * 1024) / 1_000_000, cpuMs: cpuUs / 1000, rows });
    });
  });
}

export async function benchFleet(plan: FleetPlan): Promise<Row[]> {
  const rows = await measureFleet(plan, 0);
  return plan.latencyMs > 0 ? [...rows, ...(await measureFleet(plan, plan.latencyMs))] : rows;
}

async function measureFleet(plan: FleetPlan, latencyMs: number): Promise<Row[]> {
  const suffix = latencyMs > 0 ? `, ${latencyMs} ms per answer` : "";
  const perProcess = Math.ceil(plan.servers / plan.serverProcesses);
  const children: ServerChild<{ servers: { url: string; token: string }[] }>[] = [];
  try {
    for (let first = 0; first < plan.servers; first += perProcess) {
      const count = Math.min(perProcess, plan.servers - first);
      children.push(
        await startServerChild(
          "fleet-servers.js",
          [String(count), String(plan.sessionsPerServer), String(first + 1), String(latencyMs)],
          300_000,
        ),
      );
    }
    const servers = children.flatMap((child) => child.info.servers);
    const folder = mkdtempSync(join(tmpdir(), "vbm365-bench-fleet-"));
    const config = join(folder, "vbm365.config.yaml");
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: folder };
    writeFileSync(
      config,
      `servers:\n${servers.map((server, i) => `  - { name: s${i + 1}, url: '${server.url}', token: { env: TOKEN_${i + 1} } }`).join("\n")}\n`,
    );
    for (const [i, server] of servers.entries()) env[`TOKEN_${i + 1}`] = server.token;
    const base = ["--since", "30d", "--format", "ndjson", "--config", config];

    // Each server alone, once: the slowest is the bar the fleet is held to.
    let slowest = { name: "", wallMs: 0 };
    for (let i = 1; i <= servers.length; i++) {
      const alone = await runCli(["sessions", "--server", `s${i}`, ...base], env);
      if (alone.wallMs > slowest.wallMs) slowest = { name: `s${i}`, wallMs: alone.wallMs };
    }
    const single: CliRun[] = [];
    const fleet: CliRun[] = [];
    for (let run = 0; run < plan.runs; run++) {
      single.push(await runCli(["sessions", "--server", slowest.name, ...base], env));
      fleet.push(await runCli(["sessions", "--all-servers", "--parallel", String(plan.servers), ...base], env));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const note = `${plan.servers} testkits x ${plan.sessionsPerServer.toLocaleString("en-US")} sessions in ${children.length} processes; ${fleet[0]!.rows.toLocaleString("en-US")} rows`;
    const fleetWall = `${FLEET_WALL}${suffix}`;
    const singleWall = `${SINGLE_WALL}${suffix}`;
    return [
      {
        group: "fleet",
        name: fleetWall,
        median: median(fleet.map((r) => r.wallMs)),
        unit: "ms",
        ratioTo: singleWall,
        samples: plan.runs,
        note: `--parallel ${plan.servers}; ${note}`,
      },
      {
        group: "fleet",
        name: singleWall,
        median: median(single.map((r) => r.wallMs)),
        unit: "ms",
        samples: plan.runs,
        note: `${slowest.name}, the slowest of the ${plan.servers} asked alone`,
      },
      {
        group: "fleet",
        name: `${fleetWall}: CLI CPU time`,
        median: median(fleet.map((r) => r.cpuMs)),
        unit: "ms",
        ratioTo: `${singleWall}: CLI CPU time`,
        samples: plan.runs,
        note: "user + system of the CLI process",
      },
      {
        group: "fleet",
        name: `${singleWall}: CLI CPU time`,
        median: median(single.map((r) => r.cpuMs)),
        unit: "ms",
        samples: plan.runs,
        note: "user + system of the CLI process",
      },
      {
        group: "fleet",
        name: `${fleetWall}: peak RSS`,
        median: Math.max(...fleet.map((r) => r.peakRssMB)),
        unit: "MB",
        samples: plan.runs,
        note: "max over runs, CLI process only",
      },
      {
        group: "fleet",
        name: `${singleWall}: peak RSS`,
        median: Math.max(...single.map((r) => r.peakRssMB)),
        unit: "MB",
        samples: plan.runs,
        note: "max over runs, CLI process only",
      },
    ];
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}
