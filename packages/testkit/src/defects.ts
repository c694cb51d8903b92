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
] as const;

export type Defect = (typeof DEFECTS)[number];

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
