// Many VBM365 servers behind the one SessionSource the routes use. A window is read from
// every server at once, each within its own deadline; a server that fails or stays silent
// leaves its sessions out and its health says why, the others are shown. Each session is
// tagged with its server's name, and later calls for that id go to the server that listed it.
import { failureReason, formatMs, type FailureReason } from "@vbm365/app-support";
import type { ApiVersion, RestoreSession } from "@vbm365/client";
import type { ServerHealth } from "../shared/api.js";
import { HttpError } from "./http-error.js";
import type { SessionSource } from "./source.js";

export interface FleetMember {
  name: string;
  source: SessionSource;
  /** Longest time one window load may take on this server. */
  deadlineMs: number;
}

/** A session with the name of the server it came from. */
export type FleetSession = RestoreSession & { server: string };

export interface FleetSource extends SessionSource {
  readonly names: readonly string[];
  health(): ServerHealth[];
}

interface Health {
  reachable?: boolean;
  apiVersion?: ApiVersion;
  lastAnswer?: string;
  sessions?: number;
  reason?: FailureReason;
}

export function createFleetSource(members: readonly FleetMember[]): FleetSource {
  const health = new Map<string, Health>(members.map((member) => [member.name, {}]));
  // Which server listed an id: details, statistics and Stop go there.
  const owner = new Map<string, FleetMember>();
  const byName = new Map(members.map((member) => [member.name, member]));

  const answered = (member: FleetMember, patch: Health) =>
    health.set(member.name, {
      ...health.get(member.name),
      ...patch,
      reachable: true,
      reason: undefined,
      lastAnswer: new Date().toISOString(),
    });
  const failed = (member: FleetMember, error: unknown) =>
    health.set(member.name, { ...health.get(member.name), reachable: false, reason: failureReason(error) });

  async function loadOne(member: FleetMember, from: Date, to: Date, signal: AbortSignal): Promise<FleetSession[]> {
    const deadline = AbortSignal.timeout(member.deadlineMs);
    const both = AbortSignal.any([signal, deadline]);
    const late = new Promise<never>((_, reject) => both.addEventListener("abort", () => reject(both.reason), { once: true }));
    late.catch(() => undefined);
    const sessions = await Promise.race([member.source.listWindow(from, to, both), late]);
    const apiVersion = await member.source.apiVersion();
    answered(member, { apiVersion, sessions: sessions.length });
    return sessions.map((session) => {
      owner.set(session.id, member);
      return { ...session, server: member.name };
    });
  }

  const memberOf = (id: string): FleetMember => {
    const member = owner.get(id);
    if (!member) throw new HttpError(404, "No such session in the servers' current windows; refresh the list.");
    return member;
  };

  return {
    names: members.map((member) => member.name),
    async listWindow(from, to, signal) {
      const results = await Promise.allSettled(members.map((member) => loadOne(member, from, to, signal)));
      const sessions: FleetSession[] = [];
      results.forEach((result, index) => {
        if (result.status === "fulfilled") sessions.push(...result.value);
        else failed(members[index]!, result.reason);
      });
      // With no server answering there is nothing to show: the first failure is the answer.
      const firstFailure = results.find((result) => result.status === "rejected");
      if (sessions.length === 0 && firstFailure && results.every((result) => result.status === "rejected")) throw firstFailure.reason;
      return sessions;
    },
    get: (id, signal) => memberOf(id).source.get(id, signal),
    events: (id, max, signal) => memberOf(id).source.events(id, max, signal),
    stop: (id) => memberOf(id).source.stop(id),
    apiSetting: "auto",
    // The footer's version line: the newest any server speaks (each server's is in its health).
    async apiVersion() {
      const versions = [...health.values()].flatMap((entry) => (entry.apiVersion ? [entry.apiVersion] : []));
      return versions.sort().at(-1) ?? "v6";
    },
    versionOf: (id) => memberOf(id).source.apiVersion(),
    statistics: (id, signal) => memberOf(id).source.statistics(id, signal),
    health: () =>
      [...health].map(([name, entry]) => ({
        name,
        reachable: entry.reachable ?? null,
        apiVersion: entry.apiVersion ?? null,
        lastAnswer: entry.lastAnswer ?? null,
        sessions: entry.sessions ?? null,
        problem: entry.reason ?? null,
        deadline: formatMs(byName.get(name)!.deadlineMs),
      })),
  };
}
