// The page's calls to its own server. The page never talks to VBM365 and holds no secret
// of it. Every call carries the header that tells the server it comes from this page.
import {
  accessTokenHeader,
  apiHeader,
  type ConfigResponse,
  type ErrorResponse,
  type SessionDetailsResponse,
  type ServersResponse,
  type SessionsResponse,
  type StatisticsResponse,
  type VersionResponse,
} from "../src/shared/api.js";
import { readAccessToken } from "./access.js";
import type { ViewState } from "./state.js";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    /** The server's error body beyond its message: what the page can offer to do next. */
    readonly details: Omit<ErrorResponse, "error"> = {},
  ) {
    super(message);
  }
}

export function fetchConfig(): Promise<ConfigResponse> {
  return call("/api/config");
}

export function fetchSessions(state: ViewState, window: { from: string; to: string }, signal?: AbortSignal): Promise<SessionsResponse> {
  const params = new URLSearchParams({ from: window.from, to: window.to, sort: state.sort, dir: state.dir });
  for (const [name, value] of [
    ["type", state.type],
    ["state", state.state],
    ["result", state.result],
    ["initiatedBy", state.initiatedBy],
    ["q", state.q],
    ["server", state.server],
  ] as const) {
    if (value) params.set(name, value);
  }
  params.set("offset", String((state.page - 1) * state.pageSize));
  params.set("limit", String(state.pageSize));
  return call(`/api/sessions?${params}`, { signal });
}

export function fetchDetails(id: string, signal?: AbortSignal): Promise<SessionDetailsResponse> {
  return call(`/api/sessions/${encodeURIComponent(id)}`, { signal });
}

export function fetchStatistics(id: string, signal?: AbortSignal): Promise<StatisticsResponse> {
  return call(`/api/sessions/${encodeURIComponent(id)}/statistics`, { signal });
}

export function fetchServers(): Promise<ServersResponse> {
  return call("/api/servers");
}

export function fetchVersion(): Promise<VersionResponse> {
  return call("/api/version");
}

export function stopSession(id: string): Promise<{ stopped: string }> {
  return call(`/api/sessions/${encodeURIComponent(id)}/stop`, { method: "POST" });
}

export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = readAccessToken();
  const headers: Record<string, string> = { [apiHeader]: "1", ...(token ? { [accessTokenHeader]: token } : {}) };
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: "same-origin", cache: "no-store" });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError("The dashboard's server cannot be reached. Is it still running?");
  }
  const body = (await response.json().catch(() => undefined)) as T | ErrorResponse | undefined;
  if (!response.ok) {
    if (body && typeof body === "object" && "error" in body) {
      const { error, ...details } = body;
      throw new ApiError(error, details);
    }
    throw new ApiError(`HTTP ${response.status}`);
  }
  return body as T;
}
