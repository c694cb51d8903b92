// The seeded data set. A session is identified by its key k: 0 is the newest of the
// sessions made at start-up, larger keys are older, and sessions added later get
// negative keys (newer than all). List position p (0 = newest) is p = k + added.
// Everything about a session is computed from (seed, k, reference time); only the few
// sessions stopped through the API are remembered.
import {
  ADMINS,
  EVENT_ZONES,
  HOSTS,
  ITEM_KINDS,
  JOB_NAMES,
  OPERATORS,
  ORGANIZATIONS,
  PEOPLE,
  RETRIEVAL_NAMES,
  SESSION_TYPES,
  TYPE_LABELS,
  VERB_WORDS,
} from "./catalog.js";
import { decodeId, encodeId } from "./ids.js";
import { Draw, hash32 } from "./random.js";
import {
  formatOffsetTicks,
  formatTimeSpan,
  formatUsDateTime,
  formatUtcTicks,
  TICKS_PER_SECOND,
  type Ticks,
} from "./time.js";
import type { BackupOrganization, RestoreSession, RestoreSessionEvent } from "./types.js";

/** Sessions start on average this far apart, going back in time from the reference time. */
export const SESSION_SPACING: Ticks = 15n * 60n * TICKS_PER_SECOND;
const EVENT_SPACING: Ticks = 20n * TICKS_PER_SECOND;
const KEY_BIAS = 2 ** 39;
export const MAX_SESSIONS = KEY_BIAS - 1;

const SALT_PROFILE = 10;
const SALT_EVENT = 11;
const KEY_SESSION_ID = 1;
const KEY_EVENT_ID = 2;
const KEY_ORG_ID = 3;

type EventStatus = RestoreSessionEvent["status"];

interface Profile {
  type: RestoreSession["type"];
  organization: number;
  name: string;
  initiatedBy: string;
  scopeName: string;
  clientHost: string;
  items: number;
  noEvents: boolean;
  workingAtStart: boolean;
  zone: number;
  endExtra: Ticks;
  creation: Ticks;
}

export class Dataset {
  private added = 0;
  private readonly stopped = new Map<number, Ticks>();
  private readonly sessionIdKey: number;
  private readonly organizationIdKey: number;

  constructor(
    private readonly seed: number,
    private readonly initial: number,
    private readonly now: Ticks,
  ) {
    this.sessionIdKey = hash32(seed, KEY_SESSION_ID);
    this.organizationIdKey = hash32(seed, KEY_ORG_ID);
  }

  get total(): number {
    return this.initial + this.added;
  }

  addSessions(count: number): void {
    if (this.total + count > MAX_SESSIONS) throw new Error(`cannot hold more than ${MAX_SESSIONS} sessions`);
    this.added += count;
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
    return this.profile(key).workingAtStart && !this.stopped.has(key);
  }

  /** Stops a Working session; returns false when it was not Working. */
  stop(key: number, at: Ticks): boolean {
    if (!this.isWorking(key)) return false;
    this.stopped.set(key, at);
    return true;
  }

  private profile(key: number): Profile {
    const draw = new Draw(this.seed, SALT_PROFILE, key, 1);
    const creation = this.creationTicks(key);
    const type = draw.pick(SESSION_TYPES);
    const organization = draw.next() < 0.55 ? 0 : draw.int(1, ORGANIZATIONS.length - 1);
    const domain = ORGANIZATIONS[organization]!.domain;
    const sourceKind = draw.int(0, 9);
    const restorePoint = creation - BigInt(draw.int(1, 72 * 3600)) * TICKS_PER_SECOND;
    const operator = `${draw.pick(OPERATORS)}@${domain}`;
    let source: string;
    if (sourceKind < 4) source = "Entire organization";
    else if (sourceKind < 7) source = `Job: ${draw.pick(JOB_NAMES)}`;
    else if (sourceKind < 8) source = `Data retrieval: ${draw.pick(RETRIEVAL_NAMES)}`;
    else source = `Restore operator: ${operator}`;
    const byOperator = sourceKind >= 8;
    const local = draw.chance(0.15);
    const via = local ? "127.0.0.1" : `10.${draw.int(0, 255)}.${draw.int(0, 255)}.${draw.int(1, 254)}`;
    const big = draw.chance(0.04);
    return {
      type,
      organization,
      name: `${TYPE_LABELS[type]} restore (${source} - ${formatUsDateTime(restorePoint)})`,
      initiatedBy: byOperator ? operator : draw.chance(0.8) ? draw.pick(ADMINS) : `admin@${domain}`,
      scopeName: byOperator ? operator : "",
      clientHost: `${local ? "srv0101" : draw.pick(HOSTS)} (via: ${via})`,
      items: big ? draw.int(40, 150) : draw.int(0, 6),
      noEvents: draw.chance(0.03),
      workingAtStart: key === 1 || draw.chance(0.03),
      zone: draw.pick(EVENT_ZONES),
      endExtra: BigInt(draw.int(1, 3600 * 10_000_000)),
      creation,
    };
  }

  private itemStatus(key: number, item: number, working: boolean, items: number): EventStatus {
    if (working && item === items) return "Running";
    const roll = new Draw(this.seed, SALT_EVENT, key, item, 0).next();
    if (roll < 0.82) return "Success";
    if (roll < 0.9) return "Warning";
    if (roll < 0.96) return "Failed";
    return roll < 0.98 ? "Skipped" : "Cancelled";
  }

  private endTicks(key: number, p: Profile): Ticks | null {
    const stoppedAt = this.stopped.get(key);
    if (stoppedAt !== undefined) return stoppedAt;
    if (p.workingAtStart) return null;
    return p.creation + BigInt(p.items + 1) * EVENT_SPACING + p.endExtra;
  }

  session(key: number): RestoreSession {
    const p = this.profile(key);
    const working = p.workingAtStart && !this.stopped.has(key);
    const counts = { success: 0, warning: 0, failed: 0 };
    for (let item = 1; item <= p.items; item++) {
      const status = this.itemStatus(key, item, working, p.items);
      if (status === "Success" || status === "Skipped") counts.success++;
      else if (status === "Warning" || status === "Cancelled") counts.warning++;
      else if (status === "Failed") counts.failed++;
    }
    const result: RestoreSession["result"] =
      working ? "Success" : counts.failed > 0 ? "Failed" : counts.warning > 0 ? "Warning" : "Success";
    const parts = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([word, n]) => `${n} ${word}`);
    const processed = `${p.items} item${p.items === 1 ? "" : "s"} processed`;
    const end = this.endTicks(key, p);
    const id = this.sessionId(key);
    const self = `/v6/restoresessions/${id}`;
    return {
      id,
      name: p.name,
      organization: ORGANIZATIONS[p.organization]!.name,
      type: p.type,
      creationTime: formatUtcTicks(p.creation),
      endTime: end === null ? null : formatUtcTicks(end),
      state: working ? "Working" : "Stopped",
      result,
      initiatedBy: p.initiatedBy,
      details: parts.length > 0 ? `${processed} (${parts.join(", ")})` : processed,
      scopeName: p.scopeName,
      clientHost: p.clientHost,
      _links: {
        self: { href: self },
        organization: { href: `${self}/organization` },
        restoreSessionEvents: { href: `${self}/events` },
      },
    };
  }

  eventCount(key: number): number {
    const p = this.profile(key);
    if (p.noEvents) return 0;
    return 1 + p.items + (p.workingAtStart && !this.stopped.has(key) ? 0 : 1);
  }

  eventId(key: number, index: number): string {
    return encodeId(index, hash32(this.seed, KEY_EVENT_ID, key));
  }

  /** The index of an event id within a session, or undefined. */
  eventIndexOfId(key: number, id: string): number | undefined {
    const index = decodeId(id, hash32(this.seed, KEY_EVENT_ID, key));
    return index !== undefined && index < this.eventCount(key) ? index : undefined;
  }

  event(key: number, index: number): RestoreSessionEvent {
    const p = this.profile(key);
    const working = p.workingAtStart && !this.stopped.has(key);
    const sessionId = this.sessionId(key);
    const id = this.eventId(key, index);
    const at = (ticks: Ticks) => formatOffsetTicks(ticks, p.zone);
    const links = {
      self: { href: `/v6/restoresessions/${sessionId}/events/${id}` },
      restoreSession: { href: `/v6/restoresessions/${sessionId}` },
    };
    const isEnd = index === p.items + 1;
    if (index === 0 || isEnd) {
      const when = isEnd ? (this.endTicks(key, p) ?? p.creation) : p.creation;
      return {
        id,
        type: "None",
        status: "Success",
        startTime: at(when),
        endTime: at(when),
        duration: "00:00:00",
        title: isEnd ? "Session stopped" : "Session started",
        message: isEnd ? "Restore session stopped" : "Restore session started",
        order: index + 1,
        _links: links,
      };
    }
    const draw = new Draw(this.seed, SALT_EVENT, key, index, 1);
    const kind = draw.pick(ITEM_KINDS[p.type]);
    const verb = draw.pick(kind.verbs);
    const domain = ORGANIZATIONS[p.organization]!.domain;
    const person = `${draw.pick(PEOPLE)}@${domain}`;
    const itemName = draw.pick(kind.names).replace("{person}", person);
    const source = `${person}\\${itemName}`;
    const targets: Record<string, string> = {
      Restore: draw.chance(0.7) ? source : `${draw.pick(PEOPLE)}@${domain}\\Restored items\\${itemName}`,
      Export: `C:\\Exports\\${person}.pst`,
      Save: `C:\\Restores\\${itemName}`,
      Send: `${draw.pick(PEOPLE)}@${domain}`,
      View: "",
    };
    const status = this.itemStatus(key, index, working, p.items);
    const start = p.creation + BigInt(index) * EVENT_SPACING + BigInt(draw.int(0, 15_000)) * 10_000n;
    const duration = BigInt(draw.int(1_000_000, 40_000_000));
    const running = status === "Running";
    const title = `${VERB_WORDS[verb].doing} ${kind.itemType.toLowerCase()} ${itemName}`;
    const count = draw.int(1, 400);
    const outcome =
      status === "Failed"
        ? "failed: Access is denied."
        : status === "Skipped"
          ? "skipped: nothing to restore"
          : `${count} item${count === 1 ? "" : "s"} ${VERB_WORDS[verb].done}`;
    const event: RestoreSessionEvent = {
      id,
      type: verb,
      status,
      startTime: at(start),
      endTime: running ? null : at(start + duration),
      ...(running ? {} : { duration: formatTimeSpan(duration) }),
      title,
      message: running ? `${title} of ${person}` : `${title} of ${person}: ${outcome}`,
      itemName,
      itemType: kind.itemType,
      itemSizeBytes: draw.int(1, 2 ** 20) * draw.int(1, 5000),
      source,
      ...(targets[verb] ? { target: targets[verb] } : {}),
      order: index + 1,
      _links: links,
    };
    return event;
  }

  organization(key: number): BackupOrganization {
    const index = this.profile(key).organization;
    const entry = ORGANIZATIONS[index]!;
    const id = encodeId(index, this.organizationIdKey);
    return { id, name: entry.name, type: entry.type, _links: { self: { href: `/v6/organizations/${id}` } } };
  }
}

