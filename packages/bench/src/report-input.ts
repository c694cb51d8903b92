// The report benchmark's data: sessions with operators, objects, organizations and sizes
// that vary. `syntheticArchive` is an in-memory stand-in for the archive (each session parsed
// from JSON text, as stored rows would be); report-archive.ts writes the same sessions into a
// real SQLite archive.
import type { RestoreSession, RestoreSessionEvent } from "@vbm365/client";
import type { ReportInput } from "@vbm365/report";

const TYPES = ["Vex", "Veod", "Vesp", "Vet"];
const ACTIONS = ["Restore", "Export", "Send", "Save", "View"];
const ORGANIZATIONS = ["contoso.onmicrosoft.com", "fabrikam.com", "northwind.local", "abc.onmicrosoft.com"];
const START = Date.parse("2026-01-01T00:00:00Z");

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0").slice(-width);
const uuid = (kind: number, n: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;

export const SYNTHETIC_SERVER = "default";

/** Session `i` and its `eventsPerSession` events. */
export function syntheticSession(i: number, eventsPerSession: number): { session: RestoreSession; events: RestoreSessionEvent[] } {
  const organization = ORGANIZATIONS[i % ORGANIZATIONS.length]!;
  const type = TYPES[i % TYPES.length]!;
  const created = START + i * 300_000;
  const session: RestoreSession = {
    id: uuid(1, i),
    name: `Restore ${i}`,
    organization,
    type,
    creationTime: new Date(created).toISOString(),
    endTime: new Date(created + 600_000).toISOString(),
    state: "Stopped",
    result: "Success",
    initiatedBy: `operator${i % 50}@${organization}`,
    details: "",
    scopeName: "",
    clientHost: `wks-${i % 30} (via: 10.0.0.${i % 250})`,
    reason: "",
  };
  const events: RestoreSessionEvent[] = [];
  for (let e = 0; e < eventsPerSession; e++) {
    const user = `user${(i * 7 + e) % 5000}@${organization}`;
    events.push({
      id: uuid(2, i * eventsPerSession + e),
      type: ACTIONS[(i + e) % ACTIONS.length]!,
      status: e % 17 === 0 ? "Failed" : "Success",
      message: `Restoring item ${e}`,
      startTime: new Date(created + e * 1000).toISOString(),
      endTime: new Date(created + e * 1000 + 500).toISOString(),
      duration: "00:00:00.5000000",
      order: e + 2,
      title: `Restoring item ${e}`,
      itemName: `Item ${e} of session ${i}`,
      itemType: "Mailbox",
      itemSizeBytes: ((i * 7919 + e * 104729) % 50_000_000) + 1000,
      source: `${user}\\Inbox`,
      target: `${user}\\Restored`,
    });
  }
  return { session, events };
}

export async function* syntheticArchive(sessions: number, eventsPerSession: number): AsyncGenerator<ReportInput> {
  for (let i = 0; i < sessions; i++) {
    const text = JSON.stringify({ server: SYNTHETIC_SERVER, ...syntheticSession(i, eventsPerSession) });
    yield JSON.parse(text) as ReportInput;
  }
}
