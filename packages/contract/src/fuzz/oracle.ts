// What every answer to a generated request must be: never a 5xx; a valid request gets a
// 2xx whose body matches the schema; a broken one gets the 4xx it earned with the error
// body; a read sent twice, or spelled another equivalent way, gets the same answer.
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

/** The violations of one answer; the request line is the one that was sent. */
export function judge(r: FuzzRequest, line: string, res: HttpResponse): Violation[] {
  const request = `${r.op.method} ${line}`;
  if (res.status >= 500) {
    const body = res.text ? ` (${describeValue(redactText(res.text).slice(0, 200))})` : "";
    return [{ operationId: r.op.operationId, request, kind: "status", rule: "5xx", pointer: "", expected: `never a 5xx; ${r.expect} for this request`, actual: `${res.status}${body}` }];
  }
  const { violations } = validateResponse(r.op, request, res, { statuses: statuses(r, r.expect) });
  const leaked = r.expect === "401" && res.status >= 200 && res.status < 300;
  if (leaked) return [{ operationId: r.op.operationId, request, kind: "auth", pointer: "", expected: "401 and no data", actual: `${res.status} with data` }];
  return violations;
}

/** Two answers that must be the same: status, and the body byte for byte. */
export function sameAnswer(r: FuzzRequest, line: string, first: HttpResponse, second: HttpResponse, rule: string, why: string): Violation[] {
  if (first.status === second.status && first.text === second.text) return [];
  const differ = first.status !== second.status ? `status ${first.status} then ${second.status}` : `bodies differ from character ${firstDifference(first.text, second.text)}`;
  return [{ operationId: r.op.operationId, request: `${r.op.method} ${line}`, kind: "consistency", rule, pointer: "", expected: why, actual: differ }];
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${i}: ${describeValue(redactText(a.slice(i, i + 40)))} vs ${describeValue(redactText(b.slice(i, i + 40)))}`;
}
