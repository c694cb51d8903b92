// The second-opinion server's data: restore sessions, their events and organizations,
// drawn from a seed, shaped after the vendor's facts (shared/reference/api-facts.md) and
// not after the testkit. Times are kept as 100-nanosecond ticks, as .NET keeps them; some
// sessions share a creation time to the tick, so the order of equal times shows.
export interface Organization {
  id: string;
  name: string;
  /** Nullable in the vendor's document. */
  type: "Office365" | "OnPremises" | "Hybrid" | null;
}

export interface SessionEvent {
  id: string;
  type: string;
  status: string;
  startTicks: bigint;
  endTicks?: bigint;
  title: string;
  message: string;
  itemName?: string;
  itemType?: string;
  itemSizeBytes?: number;
  source?: string;
  target?: string;
  order: number;
}

export interface Session {
  id: string;
  name: string;
  organization: Organization;
  type: "Vex" | "Veod" | "Vesp" | "Vet";
  creationTicks: bigint;
  /** Absent while the session runs. */
  endTicks?: bigint;
  state: "Working" | "Stopped";
  result: "Success" | "Warning" | "Failed";
  initiatedBy: string;
  clientHost: string;
  /** Bumped on every change (v8 `eTag`). */
  eTag: number;
  events: SessionEvent[];
}

/** A small deterministic generator (mulberry32), so a seed gives the same data every time. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(next() * 4)]!;
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const eventTypes = ["Save", "Export", "Send", "Restore", "View"] as const;

function eventsOf(next: () => number, session: Omit<Session, "events">): SessionEvent[] {
  const steps = 1 + Math.floor(next() * 4);
  const events: SessionEvent[] = [];
  let at = session.creationTicks;
  const event = (fields: Omit<SessionEvent, "id" | "order" | "startTicks">): void => {
    at += BigInt(Math.floor(next() * 30_000_000_000));
    events.push({ id: uuid(next), order: events.length + 1, startTicks: at, ...fields });
  };
  event({ type: "None", status: "Success", endTicks: at, title: "Restore session started", message: "Session started" });
  for (let i = 0; i < steps; i++) {
    const running = session.state === "Working" && i === steps - 1;
    event({
      type: pick(next, eventTypes),
      status: running ? "Running" : pick(next, ["Success", "Success", "Warning", "Failed"] as const),
      endTicks: running ? undefined : at + 50_000_000n,
      title: `Item ${i + 1}`,
      message: running ? "Processing" : "Processed",
      itemName: `mailbox-${i + 1}@example.org`,
      itemType: "Mailbox",
      itemSizeBytes: Math.floor(next() * 5_000_000_000),
      source: "Backup repository",
      target: "Original location",
    });
  }
  if (session.state === "Stopped")
    event({ type: "None", status: "Success", endTicks: session.endTicks, title: "Restore session finished", message: "Session finished" });
  return events;
}

/** `count` sessions from `seed`; about one in four shares its creation time with the one before. */
export function generate(count: number, seed: number): Session[] {
  const next = random(seed);
  const organizations: Organization[] = [
    { id: uuid(next), name: "Northwind Traders", type: "Office365" },
    { id: uuid(next), name: "Tailspin Toys", type: "Hybrid" },
    { id: uuid(next), name: "Litware", type: null },
  ];
  const now = BigInt(Date.UTC(2026, 5, 1)) * 10_000n;
  const sessions: Session[] = [];
  let at = now - 30n * 24n * 3600n * 10_000_000n;
  for (let i = 0; i < count; i++) {
    if (i === 0 || next() >= 0.25) at += BigInt(Math.floor(next() * 216_000_000_000)) + 1n;
    // Some instants fall on a whole second, so the trailing zeros a writer may drop show.
    if (next() < 0.2) at -= at % 10_000_000n;
    const state = next() < 0.3 ? "Working" : "Stopped";
    const base = {
      id: uuid(next),
      name: `Restore ${i + 1}`,
      organization: pick(next, organizations),
      type: pick(next, ["Vex", "Veod", "Vesp", "Vet"] as const),
      creationTicks: at,
      endTicks: state === "Stopped" ? at + BigInt(Math.floor(next() * 72_000_000_000)) : undefined,
      state,
      result: pick(next, ["Success", "Success", "Warning", "Failed"] as const),
      initiatedBy: pick(next, ["CONTOSO\\auditor", "admin@example.org"]),
      clientHost: `srv${String(i).padStart(4, "0")} (via: 127.0.0.1)`,
      eTag: 1,
    } satisfies Omit<Session, "events">;
    sessions.push({ ...base, events: eventsOf(next, base) });
  }
  return sessions;
}
