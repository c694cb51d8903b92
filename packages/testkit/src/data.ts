// The seeded data set. A session is identified by its key k: 0 is the newest of the
// sessions made at start-up, larger keys are older, and sessions added later get
// negative keys (newer than all). List position p (0 = newest) is p = k + added.
// Everything about a session is computed from (seed, k, the clock); only the sessions
// stopped through the API and the batches of added sessions are remembered.
import { boundaryEvent, itemEvent, itemOutcome, itemSubject, planItem } from "./events.js";
import { detailsOf, resultOf, tallyOf } from "./details.js";
import { decodeId, encodeId } from "./ids.js";
import { ORGANIZATIONS } from "./catalog.js";
import { drawProfile, SALT_PROFILE, type Profile } from "./profile.js";
import { Draw, hash32 } from "./random.js";
import { formatUtcTicks, TICKS_PER_SECOND, type Ticks } from "./time.js";
import { timelineOf, type Timeline } from "./timeline.js";
import type {
  ExactEvent as RestoreSessionEvent,
  ExactOrganization as BackupOrganization,
  ExactSession as RestoreSession,
} from "./types.js";
import { eventIds, type V8EventFields, type V8SessionFields } from "./v8-fields.js";
import { atLeast, type ApiVersion } from "./versions.js";

/** Sessions start on average this far apart, going back in time from the reference time. */
export const SESSION_SPACING: Ticks = 15n * 60n * TICKS_PER_SECOND;
const KEY_BIAS = 2 ** 39;
export const MAX_SESSIONS = KEY_BIAS - 1;

const KEY_SESSION_ID = 1;
const KEY_EVENT_ID = 2;
const KEY_ORG_ID = 3;

/** Sessions added in one call: keys first..last (last the newest), spread up to the clock then. */
interface Batch {
  first: number;
  last: number;
  base: Ticks;
  step: Ticks;
}

export class Dataset {
  private added = 0;
  private readonly stopped = new Map<number, Ticks>();
  private readonly batches: Batch[] = [];
  private readonly sessionIdKey: number;
  private readonly organizationIdKey: number;
  private dataClock: Ticks;

  constructor(
    private readonly seed: number,
    private readonly initial: number,
    private readonly now: Ticks,
  ) {
    this.sessionIdKey = hash32(seed, KEY_SESSION_ID);
    this.organizationIdKey = hash32(seed, KEY_ORG_ID);
    this.dataClock = now;
  }

  /** The data's "now": sessions still running at it are Working. Moves when sessions arrive. */
  get clock(): Ticks {
    return this.dataClock;
  }

  get total(): number {
    return this.initial + this.added;
  }

  /**
   * New sessions arrive, spread evenly between the newest session and `at` (the server's
   * clock now), so none starts in the future. Sessions may change state: time has passed.
   */
  addSessions(count: number, at: Ticks): void {
    if (this.total + count > MAX_SESSIONS) throw new Error(`cannot hold more than ${MAX_SESSIONS} sessions`);
    if (count === 0) return;
    const newest = this.total > 0 ? this.creationTicks(this.keyAt(0)) : at - SESSION_SPACING;
    // At least a tick apart, so creation times stay strictly ordered: when sessions arrive
    // faster than the clock moves, the data's clock runs the few ticks ahead it takes.
    const spread = (at - newest) / BigInt(count);
    const step = spread >= 1n ? spread : 1n;
    this.batches.push({ first: -this.added - 1, last: -this.added - count, base: newest, step });
    this.added += count;
    const last = newest + BigInt(count) * step;
    this.dataClock = [this.dataClock, at, last].reduce((a, b) => (a > b ? a : b));
  }

  keyAt(position: number): number {
    return position - this.added;
  }

  positionOf(key: number): number {
    return key + this.added;
  }

  /** The key of a session id, or undefined when no current session has it. */
  keyOfId(id: string): number | undefined {
    const n = decodeId(id, this.sessionIdKey);
    if (n === undefined) return undefined;
    const key = n - KEY_BIAS;
    return key >= -this.added && key < this.initial ? key : undefined;
  }

  sessionId(key: number): string {
    return encodeId(key + KEY_BIAS, this.sessionIdKey);
  }

  creationTicks(key: number): Ticks {
    if (key < 0) {
      const batch = this.batches.find((b) => key <= b.first && key >= b.last)!;
      return batch.base + BigInt(batch.first - key + 1) * batch.step;
    }
    const jitter = BigInt(Math.floor(new Draw(this.seed, SALT_PROFILE, key, 0).next() * Number(SESSION_SPACING)));
    return this.now - BigInt(key) * SESSION_SPACING - jitter;
  }

  /** Positions [start, end) of the sessions whose creationTime is within [from, to]. */
  range(from?: Ticks, to?: Ticks): [number, number] {
    // creationTime falls strictly as the position grows, so both ends are binary searches.
    const firstAtOrBefore = (limit: Ticks, inclusive: boolean) => {
      let lo = 0;
      let hi = this.total;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        const t = this.creationTicks(this.keyAt(mid));
        if (inclusive ? t <= limit : t < limit) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const start = to === undefined ? 0 : firstAtOrBefore(to, true);
    const end = from === undefined ? this.total : firstAtOrBefore(from, false);
    return [start, Math.max(start, end)];
  }

  isWorking(key: number): boolean {
    return this.timeline(key, this.profile(key)).working;
  }

  /** When the session ended, or null while it is Working. */
  endTicks(key: number): Ticks | null {
    return this.timeline(key, this.profile(key)).end;
  }

  /** Keys of the sessions stopped through the API (they may end long after they started). */
  stoppedKeys(): Iterable<number> {
    return this.stopped.keys();
  }

  /** Stops a Working session at `at` (not before the data's clock); false when it was not Working. */
  stop(key: number, at: Ticks): boolean {
    if (!this.isWorking(key)) return false;
    this.stopped.set(key, at > this.clock ? at : this.clock);
    return true;
  }

  private profile(key: number): Profile {
    return drawProfile(this.seed, key, this.creationTicks(key));
  }

  private timeline(key: number, p: Profile): Timeline {
    return timelineOf(p, (item) => planItem(this.seed, key, item, p).start, this.clock, this.stopped.get(key));
  }

  session(key: number, version: ApiVersion = "v6"): RestoreSession & Partial<V8SessionFields> {
    const p = this.profile(key);
    const tl = this.timeline(key, p);
    const tally = tallyOf(this.itemStatuses(key, p, tl));
    const id = this.sessionId(key);
    const self = `/${version}/restoresessions/${id}`;
    return {
      id,
      name: p.name,
      organization: ORGANIZATIONS[p.organization]!.name,
      type: p.type,
      creationTime: formatUtcTicks(p.creation),
      endTime: tl.end === null ? null : formatUtcTicks(tl.end),
      state: tl.working ? "Working" : "Stopped",
      result: resultOf(tally, tl.working),
      initiatedBy: p.initiatedBy,
      details: detailsOf(tally),
      scopeName: p.scopeName,
      clientHost: p.clientHost,
      // The vendor's document lists `reason` without saying what it holds; its examples
      // leave it out. Sent empty, as scopeName is when there is nothing to say.
      reason: "",
      _links: {
        self: { href: self },
        organization: { href: `${self}/organization` },
        restoreSessionEvents: { href: `${self}/events` },
      },
      ...(atLeast(version, "v8") ? { eTag: this.stopped.has(key) ? 2 : 1 } : {}),
    };
  }

  /** The statuses of the item events served (none for a session without events). */
  private *itemStatuses(key: number, p: Profile, tl: Timeline): Iterable<RestoreSessionEvent["status"]> {
    if (p.noEvents) return;
    for (let item = 1; item <= tl.items; item++) yield itemOutcome(this.seed, key, item, p, tl).status;
  }

  eventCount(key: number): number {
    const p = this.profile(key);
    if (p.noEvents) return 0;
    const tl = this.timeline(key, p);
    return 1 + tl.items + (tl.working ? 0 : 1);
  }

  eventId(key: number, index: number): string {
    return encodeId(index, hash32(this.seed, KEY_EVENT_ID, key));
  }

  /** The index of an event id within a session, or undefined. */
  eventIndexOfId(key: number, id: string): number | undefined {
    const index = decodeId(id, hash32(this.seed, KEY_EVENT_ID, key));
    return index !== undefined && index < this.eventCount(key) ? index : undefined;
  }

  event(key: number, index: number, version: ApiVersion = "v6"): RestoreSessionEvent & Partial<V8EventFields> {
    const p = this.profile(key);
    const tl = this.timeline(key, p);
    const ids = { id: this.eventId(key, index), sessionId: this.sessionId(key), order: index + 1, version };
    const boundary = index === 0 ? "started" : index === tl.items + 1 && tl.end !== null ? "stopped" : undefined;
    const event = boundary
      ? boundaryEvent(boundary, boundary === "started" ? p.creation : tl.end!, p.zone, ids)
      : itemEvent(this.seed, key, index, p, tl, ids);
    if (!atLeast(version, "v8")) return event;
    const subject = boundary
      ? undefined
      : { organizationId: this.organizationId(p.organization), sessionType: p.type, subject: itemSubject(this.seed, key, index, p) };
    return { ...event, ...eventIds(this.seed, subject) };
  }

  private organizationId(index: number): string {
    return encodeId(index, this.organizationIdKey);
  }

  organization(key: number, version: ApiVersion = "v6"): BackupOrganization {
    const index = this.profile(key).organization;
    const entry = ORGANIZATIONS[index]!;
    const id = this.organizationId(index);
    return { id, name: entry.name, type: entry.type, _links: { self: { href: `/${version}/organizations/${id}` } } };
  }
}
