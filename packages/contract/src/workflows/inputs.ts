// The inputs the workflows take besides the credentials: the server root their `next`
// links are relative to, a time window to audit and a running session to stop. Given by
// VBM365_WORKFLOW_* or, when absent, read from the target: the window around its newest
// sessions, and its first `Working` session.
import { formatIsoTicks, isoTicks, parseIsoDateTime } from "@vbm365/client";
import { send } from "../http.js";
import type { Target } from "../target.js";
import { ContractSettingsError } from "../target.js";

const windowSessions = 5;

interface Listed {
  id: string;
  creationTime: string;
  state: string;
}

async function newestSessions(target: Target, limit: number): Promise<Listed[]> {
  const url = new URL(
    `${target.apiVersion}/RestoreSessions?limit=${limit}`,
    target.baseUrl.endsWith("/") ? target.baseUrl : `${target.baseUrl}/`,
  );
  const res = await send({ method: "GET", url: url.href, headers: { authorization: `Bearer ${target.token}` } }, { ca: target.ca });
  if (res.status !== 200)
    throw new ContractSettingsError(
      `GET /${target.apiVersion}/RestoreSessions answered ${res.status}, so the workflows have no window to audit: set VBM365_WORKFLOW_FROM and VBM365_WORKFLOW_TO.`,
    );
  return ((JSON.parse(res.text) as { results?: Listed[] }).results ?? []).filter((s) => typeof s.creationTime === "string");
}

/**
 * In the form the server writes creationTime (UTC, seven fractional digits): the audit
 * workflow compares each page's session with the window as text.
 */
const vendorForm = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_, millis: string) => `.${millis}0000Z`);

/**
 * A window bound on a whole second that no listed session falls in, stepping away from
 * `second` by `step`. Compared as text, a UTC time and the bound then differ at the latest
 * in the seconds, whatever number of fractional digits the server writes (`20.5Z`,
 * `20Z` and `20.5000000Z` are the same instant, and their text orders differently only
 * within one second).
 */
function freeSecond(second: number, step: 1 | -1, taken: Set<number>): string {
  let s = second;
  while (taken.has(s)) s += step;
  return vendorForm(s * 1000);
}

function checkedInstant(name: string, value: string): string {
  const fields = parseIsoDateTime(value);
  // The server's own form is exactly what formatting the instant again writes: UTC, seven digits.
  if (!fields || formatIsoTicks(isoTicks(fields)) !== value) {
    throw new ContractSettingsError(
      `${name} must be UTC with seven fractional digits, as the server writes creationTime, such as 2022-03-12T00:00:00.0000000Z, not "${value}".`,
    );
  }
  return value;
}

export async function workflowInputs(
  target: Target,
  needs: Set<string>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, string>> {
  const inputs: Record<string, string> = { serverUrl: target.baseUrl.replace(/\/+$/, "") };
  const sessions = needs.has("startTimeFrom") || needs.has("sessionId") ? await newestSessions(target, 100) : [];
  if (needs.has("startTimeFrom") || needs.has("startTimeTo")) {
    const times = sessions.slice(0, windowSessions).map((s) => Date.parse(s.creationTime));
    if (!env.VBM365_WORKFLOW_FROM && times.length === 0)
      throw new ContractSettingsError("the server lists no sessions to audit: set VBM365_WORKFLOW_FROM and VBM365_WORKFLOW_TO.");
    const taken = new Set(sessions.map((s) => Math.floor(Date.parse(s.creationTime) / 1000)));
    inputs.startTimeFrom = env.VBM365_WORKFLOW_FROM
      ? checkedInstant("VBM365_WORKFLOW_FROM", env.VBM365_WORKFLOW_FROM)
      : freeSecond(Math.floor(Math.min(...times) / 1000) - 1, -1, taken);
    inputs.startTimeTo = env.VBM365_WORKFLOW_TO
      ? checkedInstant("VBM365_WORKFLOW_TO", env.VBM365_WORKFLOW_TO)
      : freeSecond(Math.floor(Math.max(...times) / 1000) + 1, 1, taken);
  }
  if (needs.has("sessionId")) {
    const running = env.VBM365_WORKFLOW_SESSION || sessions.find((s) => s.state === "Working")?.id;
    if (running) inputs.sessionId = running;
  }
  return inputs;
}
