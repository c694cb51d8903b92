// What every answer to a generated request must be: never a 5xx; a valid request gets a
// 2xx whose body matches the schema; a broken one gets the 4xx it earned with the error
// body, except past a limit of this spec's own, where a 2xx is only a warning; a value in a
// form the schema allows besides its format (x-vbm365-lenient-format) is a warning too. (A
// read sent twice or spelled another way is compared in same-answer.ts.)
import type { HttpResponse } from "../http.js";
import { successStatuses } from "../spec.js";
import { validateResponse, type Expectation as StatusList } from "../validate.js";
import { describeValue, redactText, type Violation } from "../violations.js";
import type { Expectation, FuzzRequest } from "./requests.js";

/** An answer that says nothing about the contract: the server asked us to slow down. */
export function inconclusive(res: HttpResponse): boolean {
  return res.status === 429;
}

function statuses(r: FuzzRequest, expect: Expectation): StatusList["statuses"] {
  const ok = successStatuses(r.op);
  switch (expect) {
    case "2xx":
      return ok;
    case "2xx or 404":
      return [...ok, 404];
    case "404":
      return [404];
    case "401":
      return [401];
    case "4xx":
      return ["4xx"];
  }
}

export interface Judged {
  violations: Violation[];
  /** What the schema's x-vbm365-lenient-format lets through: reported, never a failure. */
  warnings: Violation[];
}

/** The violations and warnings of one answer; the request line is the one that was sent. */
export function judge(r: FuzzRequest, line: string, res: HttpResponse): Judged {
  const request = `${r.op.method} ${line}`;
  if (res.status >= 500) {
    const body = res.text ? ` (${describeValue(redactText(res.text).slice(0, 200))})` : "";
    return {
      violations: [
        {
          operationId: r.op.operationId,
          request,
          kind: "status",
          rule: "5xx",
          pointer: "",
          expected: `never a 5xx; ${r.expect} for this request`,
          actual: `${res.status}${body}`,
        },
      ],
      warnings: [],
    };
  }
  // Beyond a limit of our own, the server may also accept the value: its 2xx is then held
  // to the declared body, and ownLimitWarning says it accepted.
  const allowed = r.ownLimit ? [...statuses(r, r.expect), ...successStatuses(r.op)] : statuses(r, r.expect);
  const { violations, warnings } = validateResponse(r.op, request, res, { statuses: allowed });
  const leaked = r.expect === "401" && res.status >= 200 && res.status < 300;
  if (leaked)
    return {
      violations: [
        {
          operationId: r.op.operationId,
          request,
          kind: "auth",
          pointer: "",
          expected: "401 and no data",
          actual: `${res.status} with data`,
        },
      ],
      warnings: [],
    };
  return { violations, warnings };
}

/** A value beyond a limit of this spec's own that the server accepted: worth a warning, never a failure. */
export function ownLimitWarning(r: FuzzRequest, line: string, res: HttpResponse): Violation | undefined {
  if (!r.ownLimit || res.status < 200 || res.status >= 300) return undefined;
  return {
    operationId: r.op.operationId,
    request: `${r.op.method} ${line}`,
    kind: "status",
    rule: "own-limit",
    pointer: "",
    expected: `4xx for ${r.because} (${r.ownLimit}, so accepting it is allowed)`,
    actual: String(res.status),
  };
}
