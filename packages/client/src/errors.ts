// What can go wrong, as error classes a caller can tell apart, and the one function that
// turns a failed call into one of them. No error ever carries a request (whose headers hold
// the token) or a token-request body (which holds the password).
import { redact } from "./redact.js";
import { isTimeout } from "./signals.js";

type Call = { method: string; path: string };

/**
 * A non-2xx answer, or an answer the client refuses (a redirect, a body over the cap, a 2xx
 * body that is not JSON, a token answer without a token). The message names the method,
 * path and status, then the server's message or what was wrong.
 */
export class Vbm365ApiError extends Error {
  override name = "Vbm365ApiError";
  declare readonly status: number;
  declare readonly method: string;
  declare readonly path: string;
  /** The parsed error body (`{ message }`, plus whatever a newer server adds), secrets redacted. */
  declare readonly body: unknown;
  /** The server's `errorCode` (v7 and v8), such as `"ResourceNotFound"`; open to codes the spec does not list. */
  declare readonly errorCode: string | undefined;

  /** Made by the client from an answer; `detail` (the client's own reason) takes the place of the server's message. */
  constructor({ detail, cause, ...fields }: Call & { status: number; body: unknown; detail?: string; cause?: unknown }) {
    const { message: serverMessage, errorCode } = (fields.body ?? {}) as { message?: unknown; errorCode?: unknown };
    const explained = detail ?? (typeof serverMessage === "string" && serverMessage ? serverMessage : undefined);
    const head = `${fields.method} ${fields.path} failed with HTTP ${fields.status}`;
    super(explained ? `${head}: ${explained}` : head, { cause });
    // Declared fields set here, as own properties: one statement rather than one per field.
    // A server's `stackTrace` stays in `body`, never in the message.
    Object.assign(this, fields, { errorCode: typeof errorCode === "string" ? errorCode : undefined });
  }
}

/** No answer: the connection failed (refused, reset, DNS, TLS). The low-level error is `cause`. */
export class Vbm365NetworkError extends Error {
  override name = "Vbm365NetworkError";
  declare readonly method: string;
  declare readonly path: string;

  /** Made by the client when a request got no answer; `detail` says which failure. */
  constructor({ detail, cause, ...fields }: Call & { detail: string; cause: unknown; timeoutMs?: number }) {
    super(`${fields.method} ${fields.path}: ${detail}`, { cause });
    Object.assign(this, fields);
  }
}

/** No answer (or no whole body) within `timeoutMs`. */
export class Vbm365TimeoutError extends Vbm365NetworkError {
  override name = "Vbm365TimeoutError";
  declare readonly timeoutMs: number;

  /** Made by the client when an attempt's deadline passed. */
  constructor(init: Call & { timeoutMs: number; cause: unknown }) {
    super({ ...init, detail: `no answer within ${init.timeoutMs} ms` });
  }
}

/** A caller's argument that no request was sent for. A `TypeError`, as for any wrong argument. */
export class Vbm365ValidationError extends TypeError {
  override name = "Vbm365ValidationError";
  declare readonly parameter: string;

  /** The message names the parameter, the value and the problem: `limit: 0 must be a whole number from 1 to 10000`. */
  constructor(parameter: string, value: unknown, problem: string) {
    super(`${parameter}: ${typeof value === "string" ? JSON.stringify(value) : String(value)} ${problem}`);
    Object.assign(this, { parameter });
  }
}

/** Why a walk (`iterate`, `events`) ended early. */
export type WalkStop = "repeated" | "maxPages" | "maxDuration" | "offset" | "shape";

/** A walk the client ended because the server would make it endless or wrong, or it hit its bound. */
export class Vbm365WalkError extends Error {
  override name = "Vbm365WalkError";
  declare readonly reason: WalkStop;
  /** Pages read before the walk ended. */
  declare readonly pages: number;

  /** Made by the walk when it ends early: why, after how many pages, and what to do. */
  constructor(reason: WalkStop, pages: number, problem: string) {
    super(`the walk ended after ${pages} pages: ${problem}`);
    Object.assign(this, { reason, pages });
  }
}

/** How a call failed, as the mapping below takes it. */
export type Failure =
  /** Something was thrown: by fetch, by a deadline, by the caller's abort, or by the client. */
  | { kind: "thrown"; error: unknown }
  /** A non-2xx answer and its body text. */
  | { kind: "status"; status: number; text: string }
  /** A 2xx answer whose body is not JSON, such as a proxy's HTML page. */
  | { kind: "notJson"; status: number; cause: unknown };

export type FailedCall = Call & {
  timeoutMs: number;
  /** Every secret the client holds, to be redacted from what the error shows. */
  secrets: readonly (string | undefined)[];
  /** The caller's own signal: an abort of theirs comes back as they gave it. */
  signal?: AbortSignal | undefined;
};

/** The error a caller sees for `failure`. Pure: depends on its arguments only. */
export function toClientError(failure: Failure, call: FailedCall): unknown {
  const at = { method: call.method, path: call.path };
  switch (failure.kind) {
    case "status":
      return new Vbm365ApiError({ ...at, status: failure.status, body: redact(parseBody(failure.text), call.secrets) });
    case "notJson":
      // Not retried: a proxy's page answers the same way again.
      return new Vbm365ApiError({
        ...at,
        status: failure.status,
        body: undefined,
        detail: "the body is not JSON (a proxy's page?)",
        cause: failure.cause,
      });
    case "thrown":
      return fromThrown(failure.error, call);
  }
}

function fromThrown(error: unknown, call: FailedCall): unknown {
  const at = { method: call.method, path: call.path };
  // The caller's own abort, as they expect it.
  if (call.signal?.aborted) return call.signal.reason ?? error;
  // Already explained (a redirect, a body cap, a failed login, a bad argument).
  if (isClientError(error)) return error;
  if (isTimeout(error)) return new Vbm365TimeoutError({ ...at, timeoutMs: call.timeoutMs, cause: error });
  // fetch reports every network failure as a plain TypeError. Subclasses are not network
  // failures: a Vbm365ValidationError is a caller's mistake, and would have said so above.
  if (error instanceof TypeError && error.constructor === TypeError) {
    return new Vbm365NetworkError({ ...at, detail: `no answer (${redact(networkDetail(error), call.secrets)})`, cause: error });
  }
  return error;
}

/** One of the classes above (they all carry a `Vbm365` name). */
function isClientError(error: unknown): boolean {
  return /^Vbm365/.test(String((error as { name?: unknown } | null)?.name));
}

/** The most telling part of a fetch failure: undici's code (`ECONNREFUSED`), else its message. */
function networkDetail(error: TypeError): string {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  return String(cause?.code ?? cause?.message ?? error.message);
}

/** An error body as JSON when it is JSON, else as the text it is (an HTML page, a plain line). */
function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
