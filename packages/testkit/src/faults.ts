// Switchable faults: each injected rule replaces or damages the answers to the requests
// it matches, so clients can be tested against what real servers and proxies do.

export const FAULT_KINDS = [
  "status",
  "retryAfter",
  "resetBeforeHeaders",
  "resetMidBody",
  "delayHeaders",
  "slowBody",
  "malformedJson",
  "truncatedBody",
  "html",
  "unauthorized",
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** What the client gets from each fault, for `--help` and the README. */
export const FAULT_DESCRIPTIONS: Record<FaultKind, string> = {
  status: "that status (default 500) with a {message} body",
  retryAfter: "429 with Retry-After (default 1; seconds or an HTTP date)",
  resetBeforeHeaders: "the connection reset before any byte",
  resetMidBody: "the headers and half the body, then a reset",
  delayHeaders: "the normal answer after delayMs (default 2000)",
  slowBody: "the headers at once, the body dribbled out over delayMs",
  malformedJson: "200 (or status) application/json that does not parse",
  truncatedBody: "a Content-Length larger than what is sent, then a clean close",
  html: "an HTML error page with status (default 502; 200 works too)",
  unauthorized: "401 {message}, and the token presented stays expired",
};

/** Faults that answer instead of the route (the request has no effect on the data). */
export const REPLACING_KINDS: ReadonlySet<FaultKind> = new Set(["status", "retryAfter", "resetBeforeHeaders", "html", "unauthorized"]);

export interface FaultMatch {
  /** HTTP method, any case. Default: any. */
  method?: string;
  /**
   * A string is compared with the request path (no query), ignoring case. A RegExp is
   * tested against the path with its query string, as sent (`/v6/RestoreSessions?offset=60&limit=30`).
   * Default: any path, the token endpoint included.
   */
  path?: RegExp | string;
}

export interface FaultSpec {
  kind: FaultKind;
  match?: FaultMatch;
  /** How many matching requests it affects (default 1; `Infinity` for all). */
  times?: number;
  /** How many matching requests pass untouched first (default 0). */
  after?: number;
  /** Status for `status` (default 500), `html` (default 502) and `malformedJson` (default 200). */
  status?: number;
  /** Retry-After value for `retryAfter` (default "1"): seconds or an HTTP date. Also sent with `status` when given. */
  retryAfter?: string;
  /** Delay for `delayHeaders` (before the headers) and `slowBody` (spread over the body). Default 2000 ms. */
  delayMs?: number;
}

export interface InjectedFault {
  readonly spec: Readonly<FaultSpec>;
  /** How many requests this fault has affected so far. */
  readonly fired: number;
  /** How many matching requests it has let pass (up to `after`). */
  readonly passed: number;
  /** True while it can still fire. */
  readonly active: boolean;
  remove(): void;
}

export interface FaultController {
  inject(spec: FaultSpec): InjectedFault;
  clear(): void;
  /** Faults that can still fire, in the order they are tried. */
  list(): InjectedFault[];
}

class Rule implements InjectedFault {
  fired = 0;
  passed = 0;
  removed = false;

  constructor(
    readonly spec: Readonly<FaultSpec>,
    private readonly onRemove: (rule: Rule) => void,
  ) {}

  get active(): boolean {
    return !this.removed && this.fired < (this.spec.times ?? 1);
  }

  remove(): void {
    this.removed = true;
    this.onRemove(this);
  }

  matches(method: string, path: string, target: string): boolean {
    const match = this.spec.match;
    if (match?.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
    if (match?.path === undefined) return true;
    if (typeof match.path === "string") return match.path.toLowerCase() === path.toLowerCase();
    match.path.lastIndex = 0;
    return match.path.test(target);
  }
}

function validate(spec: FaultSpec): void {
  if (!(FAULT_KINDS as readonly string[]).includes(spec?.kind)) {
    throw new Error(`unknown fault kind "${String(spec?.kind)}": use one of ${FAULT_KINDS.join(", ")}`);
  }
  const times = spec.times ?? 1;
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new Error(`fault "times" must be a whole number >= 1 or Infinity, got ${String(spec.times)}`);
  }
  const after = spec.after ?? 0;
  if (!Number.isInteger(after) || after < 0) {
    throw new Error(`fault "after" must be a whole number >= 0, got ${String(spec.after)}`);
  }
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 200 && spec.status <= 599)) {
    throw new Error(`fault "status" must be an HTTP status 200-599, got ${String(spec.status)}`);
  }
  if (spec.delayMs !== undefined && !(Number.isFinite(spec.delayMs) && spec.delayMs >= 0)) {
    throw new Error(`fault "delayMs" must be a number of milliseconds >= 0, got ${String(spec.delayMs)}`);
  }
  if (spec.retryAfter !== undefined && (typeof spec.retryAfter !== "string" || /[\r\n]/.test(spec.retryAfter))) {
    throw new Error(`fault "retryAfter" must be a one-line string (seconds or an HTTP date)`);
  }
}

export class FaultRegistry implements FaultController {
  private rules: Rule[] = [];

  inject(spec: FaultSpec): InjectedFault {
    validate(spec);
    const rule = new Rule({ ...spec }, (r) => {
      this.rules = this.rules.filter((other) => other !== r);
    });
    this.rules.push(rule);
    return rule;
  }

  clear(): void {
    for (const rule of this.rules) rule.removed = true;
    this.rules = [];
  }

  list(): InjectedFault[] {
    return this.rules.filter((rule) => rule.active);
  }

  /**
   * The fault to apply to this request, if any. Every matching rule counts the request
   * towards its `after`; the first rule past its `after` fires.
   */
  take(method: string, path: string, target: string): Readonly<FaultSpec> | undefined {
    let chosen: Rule | undefined;
    for (const rule of this.rules) {
      if (!rule.active || !rule.matches(method, path, target)) continue;
      if (rule.passed < (rule.spec.after ?? 0)) {
        rule.passed++;
        continue;
      }
      if (!chosen) {
        chosen = rule;
        rule.fired++;
      }
    }
    this.rules = this.rules.filter((rule) => rule.active);
    return chosen?.spec;
  }
}
