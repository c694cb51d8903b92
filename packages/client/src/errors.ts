// What can go wrong, as error classes a caller can tell apart. None of them ever carries a
// request (whose headers hold the token) or a token-request body (which holds the password).
// Fields are `declare`d and set with Object.assign: the same own properties, less code.

type Call = { method: string; path: string };

/**
 * A non-2xx answer from the server (`message` is the server's when it sent one), or a 2xx
 * answer whose body is not JSON, such as a proxy's HTML page (the parse error is `cause`).
 */
export class Vbm365ApiError extends Error {
  override name = "Vbm365ApiError";
  declare readonly status: number;
  declare readonly method: string;
  declare readonly path: string;
  /** The parsed error body (`{ message }`, plus whatever a newer server adds). */
  declare readonly body: unknown;

  constructor({ message, cause, ...fields }: Call & { status: number; body: unknown; message?: string; cause?: unknown }) {
    const serverMessage = (fields.body as { message?: unknown } | null | undefined)?.message;
    super(
      message ??
        (typeof serverMessage === "string" && serverMessage
          ? serverMessage
          : `${fields.method} ${fields.path} failed with HTTP ${fields.status}`),
      { cause },
    );
    Object.assign(this, fields);
  }
}

/** No answer: the connection failed (refused, reset, DNS, TLS). The low-level error is `cause`. */
export class Vbm365NetworkError extends Error {
  override name = "Vbm365NetworkError";
  declare readonly method: string;
  declare readonly path: string;

  constructor({ message, cause, ...fields }: Call & { message: string; cause: unknown; timeoutMs?: number }) {
    super(`${fields.method} ${fields.path}: ${message}`, { cause });
    Object.assign(this, fields);
  }
}

/** No answer within `timeoutMs`. */
export class Vbm365TimeoutError extends Vbm365NetworkError {
  override name = "Vbm365TimeoutError";
  declare readonly timeoutMs: number;

  constructor(init: Call & { timeoutMs: number; cause: unknown }) {
    super({ ...init, message: `no answer within ${init.timeoutMs} ms` });
  }
}

/** A caller's argument that no request was sent for. */
export class Vbm365ValidationError extends TypeError {
  override name = "Vbm365ValidationError";
  declare readonly parameter: string;

  constructor(parameter: string, value: unknown, problem: string) {
    super(`${parameter}: ${typeof value === "string" ? JSON.stringify(value) : String(value)} ${problem}`);
    this.parameter = parameter;
  }
}

/** `value` with every secret replaced, at any depth: a server may echo what it was sent. */
export function redact<T>(value: T, secrets: readonly (string | undefined)[]): T {
  const json = JSON.stringify(value);
  return json === undefined
    ? value
    : JSON.parse(
        secrets
          // Very short "secrets" would scrub ordinary text and prove nothing.
          .filter((secret): secret is string => !!secret && secret.length > 3)
          .reduce((text, secret) => text.split(JSON.stringify(secret).slice(1, -1)).join("[redacted]"), json),
      );
}
