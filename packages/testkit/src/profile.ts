// What a session is, drawn once from (seed, key): its type, organization, who started it
// from where, how many items it restores and how its time runs. Everything else about
// the session (state, events, end) follows from this and the data set's clock.
import { ADMINS, EVENT_ZONES, HOSTS, JOB_NAMES, OPERATORS, ORGANIZATIONS, RETRIEVAL_NAMES, SESSION_TYPES, TYPE_LABELS } from "./catalog.js";
import { Draw } from "./random.js";
import { formatUsDateTime, TICKS_PER_SECOND, type Ticks } from "./time.js";
import type { ExactSession as RestoreSession } from "./types.js";

/** The salt of every draw about a session as a whole. */
export const SALT_PROFILE = 10;

/** Bounds of the draws below that decide how long a session runs. */
export const MAX_ITEMS = 150;
export const MAX_END_EXTRA: Ticks = 3600n * TICKS_PER_SECOND;

export interface Profile {
  type: RestoreSession["type"];
  /** Index into ORGANIZATIONS. */
  organization: number;
  name: string;
  initiatedBy: string;
  scopeName: string;
  clientHost: string;
  /** Item events of the whole session (fewer are shown while it runs or once stopped early). */
  items: number;
  noEvents: boolean;
  /** Stuck Working whatever the clock says, until stopped through the API. */
  alwaysWorking: boolean;
  /** Minutes east of UTC its event times are written in. */
  zone: number;
  /** Time between the last item and the end of the session. */
  endExtra: Ticks;
  creation: Ticks;
}

export function drawProfile(seed: number, key: number, creation: Ticks): Profile {
  const draw = new Draw(seed, SALT_PROFILE, key, 1);
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
    items: big ? draw.int(40, MAX_ITEMS) : draw.int(0, 6),
    noEvents: draw.chance(0.03),
    // Key 1 always, so even a small data set has a session to stop.
    alwaysWorking: key === 1 || draw.chance(0.03),
    zone: draw.pick(EVENT_ZONES),
    endExtra: BigInt(draw.int(1, Number(MAX_END_EXTRA))),
    creation,
  };
}
