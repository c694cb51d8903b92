// Deliberate contract violations, switched on at start-up, so a contract suite can prove
// it notices each one. Each is applied to the JSON the server is about to send.
import type { RestoreSession } from "./types.js";

export const DEFECTS = [
  "wrongType",
  "missingRequired",
  "unknownEnum",
  "badDate",
  "noAuth",
  "repeatId",
  "endlessNext",
  // For the fuzzer: faults a hand-picked case rarely reaches.
  "offsetDate500",
  "nextDropsFilter",
  "eventAnySession",
] as const;

export type Defect = (typeof DEFECTS)[number];

/** What each defect does, for `--help` and the README. */
export const DEFECT_DESCRIPTIONS: Record<Defect, string> = {
  wrongType: "a page's limit is sent as a string",
  missingRequired: "sessions lack their required state",
  unknownEnum: 'a session type outside the enum ("Vexx")',
  badDate: 'creationTime is "yesterday"',
  noAuth: "data is served without a token",
  repeatId: "every later page starts with the previous page's last session",
  endlessNext: "_links.next never ends, also on empty pages",
  offsetDate500: "a startTimeFrom/startTimeTo with an offset other than Z answers 500",
  nextDropsFilter: "_links.next loses startTimeFrom/startTimeTo, so page 2 is unfiltered",
  eventAnySession: "an event id served earlier is found under any session id, not only its own",
};

export function checkDefects(defects: readonly string[]): Set<Defect> {
  for (const defect of defects) {
    if (!(DEFECTS as readonly string[]).includes(defect)) {
      throw new Error(`unknown defect "${defect}": use one of ${DEFECTS.join(", ")}`);
    }
  }
  return new Set(defects as Defect[]);
}

/** Every session the server sends goes through here (pages and single gets). */
export function breakSession(session: RestoreSession, defects: ReadonlySet<Defect>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...session };
  if (defects.has("missingRequired")) delete out.state;
  if (defects.has("unknownEnum")) out.type = "Vexx";
  if (defects.has("badDate")) out.creationTime = "yesterday";
  return out;
}
