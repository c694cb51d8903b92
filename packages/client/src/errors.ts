// What can go wrong, as error classes a caller can tell apart. None of them ever carries a
// request (whose headers hold the token) or a token-request body (which holds the password).

/**
 * A non-2xx answer from the server (`message` is the server's when it sent one), or a 2xx
 * answer whose body is not JSON, such as a proxy's HTML page (the parse error is `cause`).
 */
export class Vbm365ApiError extends Error {
  override name = "Vbm365ApiError";
  readonly status: number;
  readonly method: string;
  readonly path: string;
  /** The parsed error body (`{ message }`, plus whatever a newer server adds). */
  readonly body: unknown;

  constructor(init: { status: number; method: string; path: string; body: unknown; message?: string; cause?: unknown }) {
    const serverMessage = (init.body as { message?: unknown } | null | undefined)?.message;
    super(
      init.message ??
        (typeof serverMessage === "string" && serverMessage !== ""
          ? serverMessage
          : `${init.method} ${init.path} failed with HTTP ${init.status}`),
      { cause: init.cause },
    );
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
  }
}

/** No answer: the connection failed (refused, reset, DNS, TLS). The low-level error is `cause`. */
export class Vbm365NetworkError extends Error {
  override name = "Vbm365NetworkError";
  readonly method: string;
  readonly path: string;

  constructor(init: { method: string; path: string; message: string; cause: unknown }) {
    super(`${init.method} ${init.path}: ${init.message}`, { cause: init.cause });
    this.method = init.method;
    this.path = init.path;
  }
}

/** No answer within `timeoutMs`. */
export class Vbm365TimeoutError extends Vbm365NetworkError {
  override name = "Vbm365TimeoutError";
  readonly timeoutMs: number;

  constructor(init: { method: string; path: string; timeoutMs: number; cause: unknown }) {
    super({ ...init, message: `no answer within ${init.timeoutMs} ms` });
    this.timeoutMs = init.timeoutMs;
  }
}

/** A caller's argument that no request was sent for. */
export class Vbm365ValidationError extends TypeError {
  override name = "Vbm365ValidationError";
  readonly parameter: string;

  constructor(parameter: string, value: unknown, problem: string) {
    super(`${parameter}: ${typeof value === "string" ? JSON.stringify(value) : String(value)} ${problem}`);
    this.parameter = parameter;
  }
}

/** `value` with every secret replaced, at any depth: a server may echo what it was sent. */
export function redact<T>(value: T, secrets: readonly string[]): T {
  const json = JSON.stringify(value);
  if (json === undefined) return value;
  const scrubbed = secrets
    .filter((secret) => secret.length >= 4)
    .reduce((text, secret) => text.split(JSON.stringify(secret).slice(1, -1)).join("[redacted]"), json);
  return JSON.parse(scrubbed) as T;
}
