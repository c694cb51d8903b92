// Item 1: the cost of each client per call when the network costs nothing: fetch (and
// axios's adapter) resolve at once with a fresh response, as openapi-fetch's own bench does.
import type { AxiosAdapter } from "axios";
import { AXIOS, AXIOS_FETCH, OPENAPI_FETCH, OURS, OURS_NO_RETRY, PLAIN_FETCH, checkContenders, contenders } from "./contenders.js";
import { PAGE_BODY, PAGE_QUERY } from "./fixtures.js";
import { timeTasks, type TimingPlan } from "./measure.js";
import type { Row } from "./report.js";

const JSON_HEADERS = { "content-type": "application/json" };

export const stubbedFetch: typeof fetch = async () => new Response(PAGE_BODY, { status: 200, headers: JSON_HEADERS });

export const stubbedAxiosAdapter: AxiosAdapter = async (config) => ({
  data: PAGE_BODY,
  status: 200,
  statusText: "OK",
  headers: JSON_HEADERS,
  config,
  request: {},
});

export async function benchOverhead(plan: TimingPlan): Promise<Row[]> {
  const fetchers = contenders({ baseUrl: "http://vbm.invalid:4443", fetch: stubbedFetch, axiosAdapter: stubbedAxiosAdapter });
  await checkContenders(fetchers, PAGE_QUERY.limit);
  const timings = await timeTasks(fetchers, plan);
  return [OURS, OURS_NO_RETRY, OPENAPI_FETCH, AXIOS, AXIOS_FETCH, PLAIN_FETCH].map((name) => ({
    group: "overhead",
    name,
    median: timings.get(name)!.medianMs * 1000,
    unit: "µs/call",
    ratioTo: OPENAPI_FETCH,
    samples: timings.get(name)!.calls,
    note: "fetch stubbed: resolves at once",
  }));
}
