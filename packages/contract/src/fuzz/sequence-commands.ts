// The steps of a stateful sequence, as fast-check commands: log in, list, get a listed id
// (or an operation under it), and ask for a child under a parent it does not belong to.
// The model is what this run has listed; the real side is the token in use.
import type fc from "fast-check";
import type { Operation } from "../spec.js";
import type { Target } from "../target.js";
import type { Violation } from "../violations.js";
import { requestLine, sendRequest } from "./exchange.js";
import { inconclusive, judge } from "./oracle.js";
import { tupleKey } from "./pool.js";
import { failOn } from "./property.js";
import type { Expectation, FuzzRequest } from "./requests.js";
import { warn, type Tally } from "./tally.js";

export interface Model {
  /** Path values listed in this run, by the template they fill. */
  listed: Map<string, Record<string, string>[]>;
  loggedIn: boolean;
}

export interface Real {
  target: Target;
  token: string;
  /** Where the run's warnings are counted. */
  tally: Tally;
}

type Command = fc.AsyncCommand<Model, Real>;

async function exchange(real: Real, r: FuzzRequest): Promise<{ status: number; body: unknown; violations: Violation[] }> {
  const res = await sendRequest(real.target, r, "plain", real.token);
  if (inconclusive(res)) return { status: res.status, body: undefined, violations: [] };
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    body = undefined;
  }
  const { violations, warnings } = judge(r, requestLine(r), res);
  for (const w of warnings) warn(real.tally, w);
  return { status: res.status, body, violations };
}

const request = (
  op: Operation,
  values: Record<string, string>,
  expect: Expectation,
  because: string,
  form?: Record<string, string>,
): FuzzRequest => ({
  op,
  values,
  query: [],
  form,
  auth: "token",
  expect,
  because,
});

/** Logins left to the whole fuzz run: the token endpoint is rate-limited on real servers. */
export interface LoginBudget {
  left: number;
}

export class Login implements Command {
  constructor(
    private readonly op: Operation,
    private readonly form: Record<string, string>,
    private readonly budget: LoginBudget,
  ) {}
  check = (model: Readonly<Model>) => !model.loggedIn && this.budget.left > 0;
  async run(model: Model, real: Real) {
    this.budget.left--;
    model.loggedIn = true;
    const { body, violations } = await exchange(real, request(this.op, {}, "2xx", "valid", this.form));
    failOn(violations);
    const token = (body as { access_token?: unknown } | undefined)?.access_token;
    if (typeof token === "string") real.token = token;
  }
  toString = () => `log in (${this.op.operationId})`;
}

export class List implements Command {
  constructor(
    private readonly op: Operation,
    /** The by-id template the listed ids fill. */
    private readonly byIdPath: string,
    private readonly childParam: string,
    private readonly parentIndex: number,
    private readonly limit: number,
  ) {}
  private parents(model: Model): Record<string, string>[] {
    const key = tupleKey(this.op);
    return key === undefined ? [{}] : (model.listed.get(key) ?? []);
  }
  check = (model: Readonly<Model>) => this.parents(model as Model).length > 0;
  async run(model: Model, real: Real) {
    const parents = this.parents(model);
    const parent = parents[this.parentIndex % parents.length]!;
    const r = { ...request(this.op, parent, "2xx", "valid"), query: [["limit", String(this.limit)]] as [string, string][] };
    const { body, violations } = await exchange(real, r);
    failOn(violations);
    const listed = model.listed.get(this.byIdPath) ?? [];
    for (const item of (body as { results?: { id?: unknown }[] } | undefined)?.results ?? []) {
      if (typeof item.id === "string" && !listed.some((t) => t[this.childParam] === item.id))
        listed.push({ ...parent, [this.childParam]: item.id });
    }
    model.listed.set(this.byIdPath, listed);
  }
  toString = () => `list ${this.op.operationId} limit=${this.limit}${tupleKey(this.op) ? ` under listed parent #${this.parentIndex}` : ""}`;
}

/** A GET on a listed id (the item itself, or an operation under it): a listed id never 404s. */
export class GetListed implements Command {
  constructor(
    private readonly op: Operation,
    private readonly index: number,
    private readonly stateful: boolean,
  ) {}
  private known = (model: Model) => model.listed.get(tupleKey(this.op)!) ?? [];
  check = (model: Readonly<Model>) => this.known(model as Model).length > 0;
  async run(model: Model, real: Real) {
    const known = this.known(model);
    const values = known[this.index % known.length]!;
    const r = request(this.op, values, "2xx", "valid");
    const { status, body, violations } = await exchange(real, r);
    const line = `${this.op.method} ${requestLine(r)}`;
    if (status === 404) {
      failOn([
        {
          operationId: this.op.operationId,
          request: line,
          kind: "consistency",
          rule: "listed-id-404",
          pointer: "",
          expected: "200: the id was listed earlier in this run",
          actual: "404",
        },
      ]);
    }
    const own = Object.values(values).at(-1);
    const id = (body as { id?: unknown } | undefined)?.id;
    // The item itself must be the one asked for (a stateless mock answers any id with its example).
    if (this.stateful && this.op.path === tupleKey(this.op) && status === 200 && id !== own) {
      violations.push({
        operationId: this.op.operationId,
        request: line,
        kind: "consistency",
        rule: "listed-id-mismatch",
        pointer: "/id",
        expected: JSON.stringify(own),
        actual: JSON.stringify(id),
      });
    }
    failOn(violations);
  }
  toString = () => `get ${this.op.operationId} of listed #${this.index}`;
}

/** A child listed under one parent, asked for under another listed parent: it is not there. */
export class GetUnderOtherParent implements Command {
  constructor(
    private readonly op: Operation,
    /** The template of the parents, e.g. `/v6/RestoreSessions/{restoreSessionId}`. */
    private readonly parentPath: string,
    private readonly childParam: string,
    private readonly index: number,
    private readonly otherIndex: number,
  ) {}
  private pair(model: Model): [Record<string, string>, Record<string, string>] | undefined {
    const children = model.listed.get(this.op.path) ?? [];
    if (children.length === 0) return undefined;
    const child = children[this.index % children.length]!;
    const { [this.childParam]: _, ...ownParent } = child;
    const others = (model.listed.get(this.parentPath) ?? []).filter((p) => JSON.stringify(p) !== JSON.stringify(ownParent));
    const other = others[this.otherIndex % Math.max(1, others.length)];
    return other ? [child, other] : undefined;
  }
  check = (model: Readonly<Model>) => this.pair(model as Model) !== undefined;
  async run(model: Model, real: Real) {
    const [child, other] = this.pair(model)!;
    const r = request(
      this.op,
      { ...other, [this.childParam]: child[this.childParam]! },
      "404",
      `{${this.childParam}} was listed under another parent`,
    );
    const { violations } = await exchange(real, r);
    failOn(violations.map((v) => (v.kind === "status" ? { ...v, kind: "consistency" as const, rule: "child-under-other-parent" } : v)));
  }
  toString = () => `get ${this.op.operationId} of listed #${this.index} under another parent (#${this.otherIndex})`;
}
