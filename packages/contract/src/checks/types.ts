import type { ContractContext } from "../context.js";
import type { Violation } from "../violations.js";

export type CheckGroup = "operation" | "negative" | "paging";

export interface CheckOutcome {
  violations: Violation[];
  /** What the server did beyond a limit of this spec's own (x-vbm365-own-limit), or a value in a form x-vbm365-lenient-format lets through: reported, never a failure. */
  warnings?: Violation[];
  /** Why the check did not run against this target. */
  skipped?: string;
  /** The suite has no way to call this operation yet: a gap in the suite, not the target. */
  uncovered?: boolean;
}

export interface Check {
  /** Stable and unique, such as `RestoreSession_GetPage/no-token`. */
  id: string;
  /** One line for test reports. */
  title: string;
  group: CheckGroup;
  operationId: string;
  run(ctx: ContractContext): Promise<CheckOutcome>;
}

export const pass = (violations: Violation[] = [], warnings: Violation[] = []): CheckOutcome =>
  warnings.length > 0 ? { violations, warnings } : { violations };
export const skip = (reason: string, uncovered = false): CheckOutcome => ({ violations: [], skipped: reason, uncovered });

/** Why Prism (a stateless mock) cannot take part in a check. */
export const statelessReason = {
  notFound: "the target is stateless (Prism): it answers any id with the example and cannot say 404",
  paging: "the target is stateless (Prism): it returns the same example page for every offset and limit",
  filter: "the target is stateless (Prism): it returns the example whatever the filter",
  order: "the target is stateless (Prism): it returns the example whatever the order asked for",
  token: "the target only checks that an Authorization header is present (Prism), not the token itself",
};

export const writesOffReason = "writes are off: it changes server state, set VBM365_CONTRACT_ALLOW_WRITES=1 to run it";
