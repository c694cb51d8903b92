import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import type { RestoreSessionPage, RestoreSessionPageQuery } from "./types.js";
import { Vbm365ApiError } from "./errors.js";

export interface Vbm365ClientOptions {
  /** Server root, such as `https://vbm.example:4443`. */
  baseUrl: string;
  auth: { token: string };
  /** Injected `fetch`, for tests and custom transports. */
  fetch?: typeof fetch;
}

export interface Vbm365Client {
  restoreSessions: {
    /** One page of restore sessions. */
    list(filter?: RestoreSessionPageQuery): Promise<RestoreSessionPage>;
  };
  /** The typed openapi-fetch client, for any path of the spec. */
  api: Client<paths>;
}

export function createVbm365Client(options: Vbm365ClientOptions): Vbm365Client {
  const api = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch,
    headers: { Authorization: `Bearer ${options.auth.token}` },
  });

  return {
    api,
    restoreSessions: {
      async list(filter = {}) {
        const { data, error, response } = await api.GET("/v6/RestoreSessions", { params: { query: filter } });
        if (data === undefined) {
          throw new Vbm365ApiError({ status: response.status, method: "GET", path: "/v6/RestoreSessions", body: error });
        }
        return data;
      },
    },
  };
}
