import type { ApiErrorBody } from "./types.js";

/** A non-2xx answer from the server. */
export class Vbm365ApiError extends Error {
  override name = "Vbm365ApiError";
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;

  constructor(init: { status: number; method: string; path: string; body: unknown }) {
    const serverMessage = (init.body as Partial<ApiErrorBody> | undefined)?.message;
    super(
      `${init.method} ${init.path} failed with HTTP ${init.status}` +
        (typeof serverMessage === "string" ? `: ${serverMessage}` : ""),
    );
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
  }
}
