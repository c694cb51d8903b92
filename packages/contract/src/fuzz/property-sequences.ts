// Stateful sequences from the spec: log in, list, get each listed id, list under it, get
// each child, the operations under an item (organization); a listed id never 404s within
// the run, and a child is not found under a parent it was not listed under.
import fc from "fast-check";
import { statelessReason } from "../checks/types.js";
import { pathParameters, type Operation } from "../spec.js";
import type { ContractContext } from "../context.js";
import { tupleKey } from "./pool.js";
import { runner, type PropertyBuilder } from "./property.js";
import { count } from "./tally.js";
import { validForm } from "./requests.js";
import { GetListed, GetUnderOtherParent, List, Login, type Model, type Real } from "./sequence-commands.js";

type CommandArb = fc.Arbitrary<fc.AsyncCommand<Model, Real>>;

/** The by-id GET one level below a paged list, with the parameter it adds. */
function byIdOf(ctx: ContractContext, list: Operation): { op: Operation; param: string } | undefined {
  const op = ctx.operations.find(
    (o) =>
      o.method === "GET" &&
      tupleKey(o) === o.path &&
      o.path.toLowerCase().startsWith(`${list.path.toLowerCase()}/{`) &&
      pathParameters(o).length === pathParameters(list).length + 1,
  );
  const param = op && pathParameters(op).at(-1)?.name;
  return op && param ? { op, param } : undefined;
}

/** A real server allows about five logins a minute; the run never asks for more. */
const loginsPerRun = 5;

function loginCommands(ctx: ContractContext): CommandArb[] {
  const tokenOp = ctx.operations.find((op) => !op.secured && op.requestBody);
  const form = tokenOp && validForm(tokenOp, ctx.target);
  const budget = { left: loginsPerRun };
  return tokenOp && form ? [fc.constant(new Login(tokenOp, form, budget))] : [];
}

export const sequencesProperty: PropertyBuilder = (ctx, _pool, tally) => {
  const name = "sequences";
  const title =
    "log in, list, get each listed id, its children and the operations under it: no 404 on a listed id, no child under another parent";
  const stateful = ctx.target.capabilities.stateful;
  const commands: CommandArb[] = [...loginCommands(ctx)];
  for (const list of ctx.operations.filter((op) => op.method === "GET" && op.paged)) {
    const byId = byIdOf(ctx, list);
    if (!byId) continue;
    commands.push(
      fc.tuple(fc.nat(9), fc.integer({ min: 1, max: 5 })).map(([i, limit]) => new List(list, byId.op.path, byId.param, i, limit)),
    );
    const parentPath = tupleKey(list);
    if (stateful && parentPath)
      commands.push(fc.tuple(fc.nat(9), fc.nat(9)).map(([i, j]) => new GetUnderOtherParent(byId.op, parentPath, byId.param, i, j)));
  }
  const gets = ctx.operations.filter((op) => op.method === "GET" && !op.paged && tupleKey(op) !== undefined);
  for (const op of gets) commands.push(fc.nat(9).map((i) => new GetListed(op, i, stateful)));
  if (commands.length === 0) return { name, title, skipped: "the spec has no paged list with a by-id operation below it" };
  const property = fc.asyncProperty(fc.commands(commands, { maxCommands: 30, size: "medium" }), async (steps) => {
    count(tally, "sequence: listed ids found, children only under their parent");
    await fc.asyncModelRun(
      () => ({ model: { listed: new Map(), loggedIn: false }, real: { target: ctx.target, token: ctx.target.token, tally } }),
      steps,
    );
  });
  const notChecked = stateful
    ? []
    : [`no child asked for under another parent, and a listed id's answer may be another item, since ${statelessReason.notFound}`];
  return { name, title, notChecked, check: runner(property), replayByPath: false };
};
