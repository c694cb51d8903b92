// The positive contract of one operation: call it the way a client would and validate
// status, content type and body.
import { NotCallable, type ContractContext } from "../context.js";
import { fillPath, queryParameters, successStatuses, type Operation } from "../spec.js";
import { validateResponse } from "../validate.js";
import { pass, skip, writesOffReason, type Check, type CheckOutcome } from "./types.js";

/** Changes state on the server: a secured call that is not a read. The token call is a login. */
export function isWrite(op: Operation): boolean {
  return op.secured && !["GET", "HEAD", "OPTIONS"].includes(op.method);
}

/** A request body for the operations the suite knows how to fill; others are uncovered. */
function requestBodyFor(op: Operation, ctx: ContractContext): { body?: string; headers?: Record<string, string> } {
  if (!op.requestBody) return {};
  const form = op.requestBody.content?.["application/x-www-form-urlencoded"];
  const grant = (form?.schema as { oneOf?: unknown[]; properties?: Record<string, unknown> } | undefined) ?? {};
  const isTokenGrant = JSON.stringify(grant).includes('"grant_type"');
  if (!form || !isTokenGrant) throw new NotCallable(`the suite does not know how to build the request body of ${op.operationId}`, true);
  const credentials = ctx.target.credentials;
  if (!credentials) {
    throw new NotCallable("it needs VBM365_USERNAME and VBM365_PASSWORD (with only VBM365_TOKEN the token endpoint is not called)");
  }
  const fields: Record<string, string> = { grant_type: "password", ...credentials };
  // v7 and later name this field: a scripted login switches the antiforgery token off.
  if (JSON.stringify(grant).includes('"disable_antiforgery_token"')) fields.disable_antiforgery_token = "true";
  return { headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() };
}

/** Runs `fn`, turning NotCallable into a skip (uncovered when the suite lacks the means). */
export async function whenCallable(fn: () => Promise<CheckOutcome>): Promise<CheckOutcome> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof NotCallable) return skip(error.message, error.uncovered);
    throw error;
  }
}

export function operationCheck(op: Operation): Check {
  return {
    id: `${op.operationId}/call`,
    title: `${op.operationId}: ${op.method} ${op.path} answers as the spec says`,
    group: "operation",
    operationId: op.operationId,
    run: (ctx) =>
      whenCallable(async () => {
        const statuses = successStatuses(op);
        if (statuses.length === 0) return skip(`the spec declares no 2xx answer for ${op.operationId}`, true);
        if (isWrite(op) && !ctx.target.allowWrites) return skip(writesOffReason);
        const values = await ctx.pathValues(op);
        const { body, headers } = requestBodyFor(op, ctx);
        // A small page keeps the call cheap on a big server; paging has its own checks.
        const query: Record<string, string> = queryParameters(op).some((p) => p.name === "limit") ? { limit: "5" } : {};
        const { request, res } = await ctx.call(op, { path: fillPath(op.path, values), query, body, headers });
        // A value in a form the spec allows besides its format (x-vbm365-lenient-format) only warns.
        const { violations, warnings } = validateResponse(op, request, res, { statuses });
        return pass(violations, warnings);
      }),
  };
}
