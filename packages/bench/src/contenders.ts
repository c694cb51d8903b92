// The ways to fetch one page that the call-overhead and loopback benchmarks compare.
// Each returns the page's sessions so the caller can check every contender got the data.
import axios, { type AxiosAdapter } from "axios";
import createClient from "openapi-fetch";
import { createVbm365Client, type paths, type RestoreSessionPage } from "@vbm365/client";
import { PAGE_PATH, PAGE_QUERY, TOKEN } from "./fixtures.js";
import { timeTasks, type TimingPlan } from "./measure.js";
import type { Group, Row } from "./report.js";

export const OURS = "@vbm365/client list";
/** Diagnostic: the same client without its retry layer, to show what that layer costs per call. */
export const OURS_NO_RETRY = "@vbm365/client list, retry: false";
export const OPENAPI_FETCH = "openapi-fetch GET";
export const AXIOS = "axios get";
export const AXIOS_FETCH = "axios get, fetch adapter";
export const PLAIN_FETCH = "fetch + json";

export type FetchPage = () => Promise<RestoreSessionPage>;

export interface Transport {
  baseUrl: string;
  fetch: typeof fetch;
  /** Only for the stubbed run: an axios adapter that answers without a socket. */
  axiosAdapter?: AxiosAdapter;
}

export function contenders(transport: Transport): Record<string, FetchPage> {
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const ours = createVbm365Client({ baseUrl: transport.baseUrl, auth: { token: TOKEN }, fetch: transport.fetch });
  const oursNoRetry = createVbm365Client({ baseUrl: transport.baseUrl, auth: { token: TOKEN }, fetch: transport.fetch, retry: false });
  const bare = createClient<paths>({ baseUrl: transport.baseUrl, headers, fetch: transport.fetch });
  const http = axios.create({
    baseURL: transport.baseUrl,
    headers,
    ...(transport.axiosAdapter ? { adapter: transport.axiosAdapter } : {}),
  });
  // The same axios over the same fetch as the others: isolates axios's own cost per call.
  const httpOverFetch = axios.create({ baseURL: transport.baseUrl, headers, adapter: "fetch", env: { fetch: transport.fetch } });
  const pageUrl = `${transport.baseUrl}${PAGE_PATH}?offset=${PAGE_QUERY.offset}&limit=${PAGE_QUERY.limit}`;

  return {
    [OURS]: () => ours.restoreSessions.list({ ...PAGE_QUERY }),
    [OURS_NO_RETRY]: () => oursNoRetry.restoreSessions.list({ ...PAGE_QUERY }),
    [OPENAPI_FETCH]: async () => {
      const { data, response } = await bare.GET(PAGE_PATH, { params: { query: { ...PAGE_QUERY } } });
      if (data === undefined) throw new Error(`openapi-fetch got HTTP ${response.status}`);
      return data;
    },
    [AXIOS]: async () => (await http.get<RestoreSessionPage>(PAGE_PATH, { params: { ...PAGE_QUERY } })).data,
    [AXIOS_FETCH]: async () => (await httpOverFetch.get<RestoreSessionPage>(PAGE_PATH, { params: { ...PAGE_QUERY } })).data,
    [PLAIN_FETCH]: async () => {
      const response = await transport.fetch(pageUrl, { headers });
      if (!response.ok) throw new Error(`fetch got HTTP ${response.status}`);
      return (await response.json()) as RestoreSessionPage;
    },
  };
}

/** Calls each contender once and fails loudly unless it returned the expected page. */
export async function checkContenders(fetchers: Record<string, FetchPage>, expectedSessions: number): Promise<void> {
  for (const [name, fetchPage] of Object.entries(fetchers)) {
    const page = await fetchPage();
    if (page?.results?.length !== expectedSessions) {
      throw new Error(`"${name}" returned ${page?.results?.length ?? "no"} sessions, expected ${expectedSessions}`);
    }
  }
}

/** Checks, then times every contender of `transport` and returns one row each, in a fixed order. */
export async function benchContenders(
  transport: Transport,
  plan: TimingPlan,
  row: { group: Group; ratioTo: string; note: string },
): Promise<Row[]> {
  const fetchers = contenders(transport);
  await checkContenders(fetchers, PAGE_QUERY.limit);
  const timings = await timeTasks(fetchers, plan);
  return [OURS, OURS_NO_RETRY, OPENAPI_FETCH, AXIOS, AXIOS_FETCH, PLAIN_FETCH].map((name) => ({
    ...row,
    name,
    median: timings.get(name)!.medianMs * 1000,
    unit: "µs/call",
    samples: timings.get(name)!.calls,
  }));
}
