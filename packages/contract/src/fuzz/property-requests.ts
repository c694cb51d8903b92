// Single requests from the spec: each answer judged (never a 5xx, the status the request
// earned, the body the schema declares), each read sent twice for the same answer, and
// sent in an equivalent spelling for the same answer again.
import fc from "fast-check";
import { exchangeSpellings, requestLine, sendRequest, unknownParameter, type Spelling } from "./exchange.js";
import { statelessReason } from "../checks/types.js";
import { inconclusive, judge, ownLimitWarning } from "./oracle.js";
import { failOn, runner, type PropertyBuilder } from "./property.js";
import { requestsFor } from "./requests.js";
import { sameAnswer } from "./same-answer.js";
import { count, requestKind, warn } from "./tally.js";

/** How the counterexample names the spelling a run also sent. */
const spellingText: Record<Spelling, string> = {
  plain: "sent as written",
  "percent-encoded": "sent as written, and with every byte of the query values percent-encoded",
  "unknown-parameter": "sent as written, and with an extra query parameter the spec does not name",
};
const spellings = fc
  .constantFrom(...exchangeSpellings)
  .map((spelling) => Object.defineProperty({ spelling }, fc.toStringMethod, { value: () => spellingText[spelling], enumerable: false }));

const why: Record<Exclude<Spelling, "plain">, string> = {
  "percent-encoded": "the same answer with every byte of the query values percent-encoded",
  "unknown-parameter": "the same answer with a query parameter the spec does not name (ignored)",
};

export const requestsProperty: PropertyBuilder = (ctx, pool, tally) => {
  const name = "requests";
  const title =
    "any request from the spec: never a 5xx, the status it earned with the declared body, the same answer twice and in an equivalent spelling";
  const arbs = ctx.operations.flatMap((op) => requestsFor(op, pool, ctx.target) ?? []);
  if (arbs.length === 0)
    return { name, title, skipped: "no operation can be called: the lists gave no ids and no token form could be filled" };
  const property = fc.asyncProperty(fc.oneof(...arbs), spellings, async (r, { spelling }) => {
    const line = requestLine(r);
    const res = await sendRequest(ctx.target, r);
    fc.pre(!inconclusive(res));
    const { violations, warnings } = judge(r, line, res);
    count(tally, requestKind(r));
    const warning = ownLimitWarning(r, line, res);
    for (const w of warning ? [...warnings, warning] : warnings) warn(tally, w);
    if (r.op.method === "GET" && violations.length === 0) {
      count(tally, "same read twice: the same answer");
      violations.push(...sameAnswer(r, line, res, await sendRequest(ctx.target, r), "same-read-twice", "the same answer to the same read"));
      if (spelling !== "plain" && (spelling === "unknown-parameter" || r.query.length > 0)) {
        count(tally, `${spelling} spelling: the same answer`);
        const other = await sendRequest(ctx.target, r, spelling);
        // A link may keep the unknown parameter (a server that copies the request's query into its links).
        violations.push(...sameAnswer(r, requestLine(r, spelling), res, other, spelling, why[spelling], [unknownParameter]));
      }
    }
    failOn(violations);
  });
  const notChecked = [
    ...(ctx.target.capabilities.stateful ? [] : [`an unknown or crossed id may get 2xx, since ${statelessReason.notFound}`]),
    ...(ctx.target.capabilities.validatesTokens ? [] : [`no request with a token the server never issued, since ${statelessReason.token}`]),
  ];
  return { name, title, notChecked, check: runner(property) };
};
