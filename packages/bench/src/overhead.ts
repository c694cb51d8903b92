// Item 1: the cost of each client per call when the network costs nothing: fetch (and
// axios's adapter) resolve at once with a fresh response, as openapi-fetch's own bench does.
import type { AxiosAdapter } from "axios";
import { OPENAPI_FETCH, benchContenders } from "./contenders.js";
import { PAGE_BODY } from "./fixtures.js";
import type { TimingPlan } from "./measure.js";
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

export function benchOverhead(plan: TimingPlan): Promise<Row[]> {
  const transport = { baseUrl: "http://vbm.invalid:4443", fetch: stubbedFetch, axiosAdapter: stubbedAxiosAdapter };
  return benchContenders(transport, plan, { group: "overhead", ratioTo: OPENAPI_FETCH, note: "fetch stubbed: resolves at once" });
}
