// With VBM365_ARCHIVE set, the dashboard reads sessions, events and statistics from the
// restore archive (@vbm365/archive), so its windows reach past the server's retention.
// Stop still goes to the live server: an archive cannot stop anything.
import { ArchiveError, openArchive, type ArchiveReader } from "@vbm365/archive";
import type { ApiVersion } from "@vbm365/client";
import type { SafeError } from "./errors.js";
import { capped, type SessionSource, type WindowCaps } from "./source.js";

/** A session id the archive does not hold. */
export class NotArchived extends Error {
  override name = "NotArchived";
}

const VERSIONS: readonly ApiVersion[] = ["v6", "v7", "v8"];

export interface ArchiveSessionSource extends SessionSource {
  close(): Promise<void>;
}

export function createArchiveSource(setting: string, live: SessionSource, caps: WindowCaps): ArchiveSessionSource {
  // Opened on first use: a missing or broken archive is an error on the page, not a crash at start.
  let opened: Promise<ArchiveReader> | undefined;
  const reader = () => {
    if (!opened) {
      const opening = openArchive(setting);
      // A failed open is retried on the next request (the archive may appear after a first sync).
      opening.catch(() => (opened = undefined));
      opened = opening;
    }
    return opened;
  };
  const serverOf = async (id: string) => {
    const [found] = await (await reader()).findSession(id);
    if (!found) throw new NotArchived(`no archived restore session ${id}`);
    return found;
  };
  return {
    async listWindow(from, to, signal) {
      const window = capped(caps);
      for await (const { session } of (await reader()).sessions({ from, to })) {
        signal.throwIfAborted();
        window.add(session);
      }
      return window.sessions;
    },
    get: async (id) => (await serverOf(id)).session,
    async events(id, max) {
      const { server } = await serverOf(id);
      const events = await (await reader()).events(server, id);
      return { events: events.slice(0, max), truncated: events.length > max };
    },
    stop: (id) => live.stop(id),
    apiSetting: live.apiSetting,
    async apiVersion() {
      // The oldest version among the archived servers: v8 views only when every session has v8 data.
      const spoken = (await (await reader()).status())
        .map((server) => VERSIONS.indexOf(server.apiVersion as ApiVersion))
        .filter((index) => index >= 0);
      return VERSIONS[spoken.length > 0 ? Math.min(...spoken) : 0]!;
    },
    async statistics(id) {
      const { server } = await serverOf(id);
      const statistics = await (await reader()).statistics(server, id);
      if (!statistics) throw new NotArchived(`no archived statistics for restore session ${id}`);
      return statistics;
    },
    async close() {
      const current = opened;
      opened = undefined;
      await current?.then((open) => open.close()).catch(() => {});
    },
  };
}

/** What the page is told about an archive failure; details go to the dashboard's log only. */
export function archiveSafeError(error: unknown): SafeError | undefined {
  if (error instanceof NotArchived) return { status: 404, message: "No restore session with that id in the restore archive." };
  if (error instanceof ArchiveError) {
    return {
      status: 503,
      message:
        "The restore archive (VBM365_ARCHIVE) cannot be read; the dashboard's log says why. Run 'vbm365-audit archive sync' to create or repair it.",
    };
  }
  return undefined;
}
