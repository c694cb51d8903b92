// The dashboard as an amplifier. A page on any other site can make the
// victim's browser send blind GETs to the dashboard on 127.0.0.1 (an <img>, a no-cors
// fetch). Were each one to start a walk of a whole window through VBM365, 300 such GETs
// would cause thousands of upstream list requests: none of them may reach VBM365.
import { startDashboardServer, type DashboardServer } from "@vbm365/dashboard";
import { startTestServer, type TestServer } from "@vbm365/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { request } from "node:http";

const GETS = 300;
// What a browser lets through at once to one host over HTTP/1.1.
const PARALLEL = 6;
const DAY = 24 * 3600_000;

let vbm: TestServer;
let dashboard: DashboardServer;

beforeAll(async () => {
  // 15 minutes apart on average: a 200-day window holds about 19,000 sessions, 20 pages.
  vbm = await startTestServer({ sessions: 40_000, seed: 13 });
  dashboard = await startDashboardServer({ target: { url: vbm.url, auth: { token: vbm.token } }, log: () => undefined });
});
afterAll(async () => {
  await dashboard?.close();
  await vbm?.close();
});

/** A GET as a browser sends it for an <img> or a no-cors fetch from another site. */
function crossSiteGet(path: string): Promise<number> {
  const url = new URL(dashboard.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        headers: {
          "sec-fetch-site": "cross-site",
          "sec-fetch-mode": "no-cors",
          "sec-fetch-dest": "image",
          referer: "https://evil.example/",
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Each GET asks for a different window (a minute apart), so no cache could answer them. */
function windowPath(index: number): string {
  const to = Date.now() - index * 60_000;
  const from = to - 200 * DAY;
  return `/api/sessions?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
}

it(`${GETS} cross-site GETs cause no upstream request`, async () => {
  vbm.stats.reset();
  vbm.requestLog.length = 0;
  const statuses: number[] = [];
  for (let start = 0; start < GETS; start += PARALLEL) {
    const batch = Array.from({ length: Math.min(PARALLEL, GETS - start) }, (_, offset) => crossSiteGet(windowPath(start + offset)));
    statuses.push(...(await Promise.all(batch)));
  }
  process.stdout.write(`upstream requests caused by ${GETS} cross-site GETs: ${vbm.stats.requests}\n`);
  expect(statuses).toEqual(Array(GETS).fill(403));
  expect(vbm.requestLog).toEqual([]);
  expect(vbm.stats.requests).toBe(0);

  // The counting works: the same GET from the dashboard's own page reaches VBM365.
  const fromPage = await fetch(new URL(windowPath(0), dashboard.url), { headers: { "x-dashboard-request": "1" } });
  expect(fromPage.status).toBe(200);
  expect(vbm.stats.requests).toBeGreaterThanOrEqual(20);
}, 600_000);
