// An answer the dashboard gives on purpose: a status, a message safe to show, and headers.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra fields of the JSON error body, for the page to act on (never a secret). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
