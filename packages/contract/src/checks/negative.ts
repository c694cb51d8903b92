// The negative contract: what a server must refuse, and that it refuses with the error body.
import { randomUUID } from "node:crypto";
import { NotCallable, type ContractContext } from "../context.js";
import {
  fillPath,
  ownLimitNote,
  ownLimits,
  pathParameters,
  queryParameters,
  successStatuses,
  type JsonSchema,
  type Operation,
  type Parameter,
} from "../spec.js";
import { validateResponse } from "../validate.js";
import type { Violation } from "../violations.js";
import { isWrite, whenCallable } from "./operation.js";
import { pass, skip, statelessReason, writesOffReason, type Check } from "./types.js";

/** Real ids where the target has them, so a refusal is about the point under test only. */
async function valuesOrPlaceholders(ctx: ContractContext, op: Operation): Promise<Record<string, string>> {
  try {
    return await ctx.pathValues(op);
  } catch (error) {
    if (!(error instanceof NotCallable)) throw error;
    return Object.fromEntries(pathParameters(op).map((p) => [p.name, randomUUID()]));
  }
}

/** A 2xx to a call that should have been refused is an auth hole, not just a wrong status. */
function authViolations(op: Operation, request: string, status: number, violations: Violation[]): Violation[] {
  if (status < 200 || status >= 300) return violations;
  return [{ operationId: op.operationId, request, kind: "auth", pointer: "", expected: "401 and no data", actual: `${status} with data` }];
}

function tokenCheck(op: Operation, variant: "no-token" | "bad-token"): Check {
  const title =
    variant === "no-token"
      ? "without a token is refused with 401 and the error body"
      : "with a token the server never issued is refused with 401";
  return {
    id: `${op.operationId}/${variant}`,
    title: `${op.operationId}: ${op.method} ${op.path} ${title}`,
    group: "negative",
    operationId: op.operationId,
    run: async (ctx) => {
      if (variant === "bad-token" && !ctx.target.capabilities.validatesTokens) return skip(statelessReason.token);
      if (isWrite(op) && !ctx.target.allowWrites) return skip(writesOffReason);
      const values = await valuesOrPlaceholders(ctx, op);
      const auth = variant === "no-token" ? false : "contract-check-invalid-token";
      const { request, res } = await ctx.call(op, { path: fillPath(op.path, values), auth });
      return pass(authViolations(op, request, res.status, validateResponse(op, request, res, { statuses: [401] }).violations));
    },
  };
}

interface Malformed {
  value: string;
  /** Set when the bound it breaks is this spec's own (x-vbm365-own-limit): a 2xx only warns. */
  ownLimit?: string;
}

/** Values that break a query parameter's declared schema: a non-date, one below the minimum, one above the maximum. */
export function malformedValues(param: Parameter): Malformed[] {
  const schema = (param.schema ?? {}) as JsonSchema & { format?: string; minimum?: number; maximum?: number; type?: unknown };
  const own = ownLimits(param.schema);
  const values: Malformed[] = [];
  const beyond = (keyword: "minimum" | "maximum", value: string): Malformed =>
    own.has(keyword) ? { value, ownLimit: ownLimitNote(keyword, schema[keyword]) } : { value };
  if (schema.format === "date-time") values.push({ value: "notadate" });
  if (typeof schema.minimum === "number") values.push(beyond("minimum", String(schema.minimum - 1)));
  if (typeof schema.maximum === "number") values.push(beyond("maximum", String(schema.maximum + 1)));
  return values;
}

function malformedQueryCheck(op: Operation, param: Parameter, { value, ownLimit }: Malformed): Check {
  const title = ownLimit
    ? `is refused with 4xx and the error body, or accepted with a warning (${ownLimit})`
    : "is refused with 4xx and the error body";
  return {
    id: `${op.operationId}/malformed-query/${param.name}=${value}`,
    title: `${op.operationId}: ${param.name}=${value} ${title}`,
    group: "negative",
    operationId: op.operationId,
    run: (ctx) =>
      whenCallable(async () => {
        const values = await ctx.pathValues(op);
        const { request, res } = await ctx.call(op, { path: fillPath(op.path, values), query: { [param.name]: value } });
        if (!ownLimit) return pass(validateResponse(op, request, res, { statuses: ["4xx"] }).violations);
        const accepted = res.status >= 200 && res.status < 300;
        const { violations, warnings } = validateResponse(op, request, res, { statuses: ["4xx", ...successStatuses(op)] });
        if (accepted)
          warnings.push({
            operationId: op.operationId,
            request,
            kind: "status",
            rule: "own-limit",
            pointer: "",
            expected: `4xx (${ownLimit}, so accepting it is allowed)`,
            actual: String(res.status),
          });
        return { violations, warnings };
      }),
  };
}

function badIdCheck(op: Operation, param: Parameter, variant: "non-uuid" | "unknown"): Check {
  const title =
    variant === "non-uuid"
      ? `a {${param.name}} that is not a uuid is refused with 4xx and the error body`
      : `an unknown {${param.name}} is answered with 404 and the error body`;
  return {
    id: `${op.operationId}/${variant}-${param.name}`,
    title: `${op.operationId}: ${title}`,
    group: "negative",
    operationId: op.operationId,
    run: async (ctx) => {
      if (variant === "unknown" && !ctx.target.capabilities.stateful) return skip(statelessReason.notFound);
      if (isWrite(op) && !ctx.target.allowWrites) return skip(writesOffReason);
      const values = { ...(await valuesOrPlaceholders(ctx, op)), [param.name]: variant === "unknown" ? randomUUID() : "not-a-uuid" };
      const { request, res } = await ctx.call(op, { path: fillPath(op.path, values) });
      return pass(validateResponse(op, request, res, { statuses: variant === "unknown" ? [404] : ["4xx"] }).violations);
    },
  };
}

export function negativeChecks(op: Operation): Check[] {
  const checks: Check[] = [];
  if (op.secured) checks.push(tokenCheck(op, "no-token"), tokenCheck(op, "bad-token"));
  if (!isWrite(op)) {
    for (const param of queryParameters(op)) {
      for (const malformed of malformedValues(param)) checks.push(malformedQueryCheck(op, param, malformed));
    }
  }
  for (const param of pathParameters(op)) {
    if ((param.schema as { format?: string } | undefined)?.format !== "uuid") continue;
    checks.push(badIdCheck(op, param, "non-uuid"), badIdCheck(op, param, "unknown"));
  }
  return checks;
}
