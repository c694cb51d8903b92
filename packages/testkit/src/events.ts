// A session's events: "Session started", one per restored item, and "Session stopped"
// once it has ended. Each item is drawn from (seed, key, index); its status and end
// follow the session's timeline, so every event lies within its session.
import { ITEM_KINDS, ORGANIZATIONS, PEOPLE, VERB_WORDS, type ItemKind } from "./catalog.js";
import type { Profile } from "./profile.js";
import { Draw } from "./random.js";
import { formatOffsetTicks, formatTimeSpan, type Ticks } from "./time.js";
import { EVENT_SPACING, type Timeline } from "./timeline.js";
import type { ExactEvent as RestoreSessionEvent } from "./types.js";
import type { ApiVersion } from "./versions.js";

export const SALT_EVENT = 11;

type EventStatus = RestoreSessionEvent["status"];
type Verb = NonNullable<RestoreSessionEvent["type"]>;

interface ItemPlan {
  kind: ItemKind;
  verb: Verb;
  person: string;
  itemName: string;
  source: string;
  target: string;
  start: Ticks;
  duration: Ticks;
  count: number;
  sizeBytes: number;
}

/** Everything drawn about item `index` of a session (the draw order is the data's identity). */
export function planItem(seed: number, key: number, index: number, p: Profile): ItemPlan {
  const draw = new Draw(seed, SALT_EVENT, key, index, 1);
  const kind = draw.pick(ITEM_KINDS[p.type]);
  const verb = draw.pick(kind.verbs);
  const domain = ORGANIZATIONS[p.organization]!.domain;
  const person = `${draw.pick(PEOPLE)}@${domain}`;
  const itemName = draw.pick(kind.names).replace("{person}", person);
  const source = `${person}\\${itemName}`;
  const restoreTarget = draw.chance(0.7) ? source : `${draw.pick(PEOPLE)}@${domain}\\Restored items\\${itemName}`;
  const sendTarget = `${draw.pick(PEOPLE)}@${domain}`;
  const targets: Record<Verb, string> = {
    None: "",
    Restore: restoreTarget,
    Export: `C:\\Exports\\${person}.pst`,
    Save: `C:\\Restores\\${itemName}`,
    Send: sendTarget,
    View: "",
  };
  const start = p.creation + BigInt(index) * EVENT_SPACING + BigInt(draw.int(0, 15_000)) * 10_000n;
  const duration = BigInt(draw.int(1_000_000, 40_000_000));
  const count = draw.int(1, 400);
  const sizeBytes = draw.int(1, 2 ** 20) * draw.int(1, 5000);
  return { kind, verb, person, itemName, source, target: targets[verb], start, duration, count, sizeBytes };
}

/** The status an item ends with when nothing interrupts it. */
function rolledStatus(seed: number, key: number, item: number): EventStatus {
  const roll = new Draw(seed, SALT_EVENT, key, item, 0).next();
  if (roll < 0.82) return "Success";
  if (roll < 0.9) return "Warning";
  if (roll < 0.96) return "Failed";
  return roll < 0.98 ? "Skipped" : "Cancelled";
}

/** Status and end of an item under the timeline: running now, cut short by a Stop, or done. */
export function itemOutcome(seed: number, key: number, item: number, p: Profile, tl: Timeline): { status: EventStatus; end: Ticks | null } {
  if (tl.working && item === tl.items) return { status: "Running", end: null };
  const needsPlan = tl.stoppedAt !== undefined;
  const plan = needsPlan ? planItem(seed, key, item, p) : undefined;
  if (plan && tl.stoppedAt !== undefined && plan.start + plan.duration > tl.stoppedAt) {
    return { status: "Cancelled", end: tl.stoppedAt };
  }
  return { status: rolledStatus(seed, key, item), end: plan ? plan.start + plan.duration : null };
}

export interface EventIdentity {
  id: string;
  sessionId: string;
  order: number;
  /** The version whose paths the links use. */
  version: ApiVersion;
}

export function boundaryEvent(which: "started" | "stopped", at: Ticks, zone: number, ids: EventIdentity): RestoreSessionEvent {
  const when = formatOffsetTicks(at, zone);
  return {
    id: ids.id,
    type: "None",
    status: "Success",
    startTime: when,
    endTime: when,
    duration: "00:00:00",
    title: which === "started" ? "Session started" : "Session stopped",
    message: which === "started" ? "Restore session started" : "Restore session stopped",
    order: ids.order,
    _links: links(ids),
  };
}

/** Who or what an item is about: the person for mail and files, the item for sites and teams. */
export function itemSubject(seed: number, key: number, index: number, p: Profile): string {
  const plan = planItem(seed, key, index, p);
  return p.type === "Vex" || p.type === "Veod" ? plan.person : plan.itemName;
}

export function itemEvent(seed: number, key: number, index: number, p: Profile, tl: Timeline, ids: EventIdentity): RestoreSessionEvent {
  const plan = planItem(seed, key, index, p);
  const outcome = itemOutcome(seed, key, index, p, tl);
  const at = (ticks: Ticks) => formatOffsetTicks(ticks, p.zone);
  const running = outcome.status === "Running";
  const end = running ? null : (outcome.end ?? plan.start + plan.duration);
  const title = `${VERB_WORDS[plan.verb].doing} ${plan.kind.itemType.toLowerCase()} ${plan.itemName}`;
  const outcomeText =
    outcome.status === "Failed"
      ? "failed: Access is denied."
      : outcome.status === "Skipped"
        ? "skipped: nothing to restore"
        : outcome.status === "Cancelled" && end === tl.stoppedAt
          ? "cancelled: the session was stopped"
          : `${plan.count} item${plan.count === 1 ? "" : "s"} ${VERB_WORDS[plan.verb].done}`;
  return {
    id: ids.id,
    type: plan.verb,
    status: outcome.status,
    startTime: at(plan.start),
    endTime: end === null ? null : at(end),
    ...(end === null ? {} : { duration: formatTimeSpan(end - plan.start) }),
    title,
    message: running ? `${title} of ${plan.person}` : `${title} of ${plan.person}: ${outcomeText}`,
    itemName: plan.itemName,
    itemType: plan.kind.itemType,
    itemSizeBytes: plan.sizeBytes,
    source: plan.source,
    ...(plan.target ? { target: plan.target } : {}),
    order: ids.order,
    _links: links(ids),
  };
}

function links(ids: EventIdentity) {
  return {
    self: { href: `/${ids.version}/restoresessions/${ids.sessionId}/events/${ids.id}` },
    restoreSession: { href: `/${ids.version}/restoresessions/${ids.sessionId}` },
  };
}
