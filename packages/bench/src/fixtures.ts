// One realistic page of restore sessions (the API's default page size, 30), the body every
// contender of the call-overhead and loopback benchmarks receives.
import { PAGE_SIZE, type RestoreSession, type RestoreSessionPage } from "@vbm365/client";

export const PAGE_PATH = "/v6/RestoreSessions";
export const PAGE_QUERY = { offset: 0, limit: PAGE_SIZE.default } as const;
export const TOKEN = "bench-token";

function session(index: number): RestoreSession {
  const id = `0b5c6a3e-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
  return {
    id,
    name: "Restore of organization contoso.onmicrosoft.com",
    organization: "contoso.onmicrosoft.com",
    type: "Vex",
    creationTime: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
    endTime: new Date(Date.UTC(2026, 0, 1, 1, index)).toISOString(),
    state: "Stopped",
    result: "Success",
    initiatedBy: "CONTOSO\\administrator",
    details: "1 item processed (1 success)",
    scopeName: "",
    clientHost: "srv0101 (via: 127.0.0.1)",
    _links: { self: { href: `/v6/RestoreSessions/${id}` } },
  };
}

export function samplePage(size: number = PAGE_QUERY.limit): RestoreSessionPage {
  return {
    offset: 0,
    limit: size,
    results: Array.from({ length: size }, (_, i) => session(i)),
    setId: "00000000-0000-0000-0000-000000000000",
    _links: { self: { href: `${PAGE_PATH}?offset=0&limit=${size}` }, next: { href: `${PAGE_PATH}?offset=${size}&limit=${size}` } },
  };
}

export const PAGE_BODY = JSON.stringify(samplePage());
