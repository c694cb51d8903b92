// One attempt of a request: built with its deadline's signal, sent once, never redirected,
// its body read whole (up to a cap) inside the same deadline.
import { Vbm365ApiError } from "./errors.js";
import { redact } from "./redact.js";
import type { ClientSettings } from "./settings.js";
import { startDeadline, type Deadline } from "./signals.js";

/** 64 MiB: ten times a page of 10,000 sessions, far below what would exhaust memory. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** A whole answer: the status, the headers, and the body read once, as text. */
export type Answer = { status: number; headers: Headers; text: string };

/** What one attempt gave: an answer, or an error and whether the headers had arrived. */
export type Tried = { answer: Answer } | { error: unknown; answered: boolean };

/** What the messages name: `GET /v6/RestoreSessions`. */
export type Call = { method: string; path: string };

// Requests in flight. A Request's signal follows the deadline's only while the Request is
// reachable (undici links them weakly); holding it here until the attempt settles keeps the
// deadline able to close the connection.
const inFlight = new Set<Request>();

/** Sends the request `build` makes with this attempt's signal; never throws, says what happened. */
export async function attempt(
  settings: ClientSettings,
  call: Call,
  build: (signal: AbortSignal) => Request,
  callerSignal: AbortSignal | undefined,
): Promise<Tried> {
  const deadline = startDeadline(settings.timeoutMs, callerSignal);
  let request: Request | undefined;
  let response: Response | undefined;
  let sent: Promise<Response> | undefined;
  try {
    request = build(deadline.signal);
    inFlight.add(request);
    sent = settings.transport(request);
    response = await deadline.race(sent);
    refuseRedirect(response, request.url, call, settings);
    const text = await readText(response, deadline, call, settings.maxBodyBytes);
    return { answer: { status: response.status, headers: response.headers, text } };
  } catch (error) {
    // An answer that arrives after the deadline won is not read: let its connection go.
    if (!response)
      sent
        ?.then(
          (late) => late.body?.cancel(),
          () => undefined,
        )
        .catch(() => undefined);
    return { error, answered: response !== undefined };
  } finally {
    deadline.end();
    if (request) inFlight.delete(request);
  }
}

/** A 3xx (or a browser's opaque redirect) is an error naming the status and the target host. */
function refuseRedirect(response: Response, url: string, call: Call, settings: ClientSettings): void {
  const redirected = response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
  if (!redirected) return;
  void response.body?.cancel().catch(() => undefined);
  const target = redact(targetHost(response, url), settings.tokens.secrets());
  throw new Vbm365ApiError({
    ...call,
    status: response.status,
    body: undefined,
    detail: `redirect to ${target} refused: the client never follows redirects (set baseUrl to the address the server answers on)`,
  });
}

function targetHost(response: Response, url: string): string {
  const location = response.headers.get("location");
  // A browser hides an opaque redirect's target.
  if (location === null) return "an address the answer does not show";
  try {
    return new URL(location, url).host;
  } catch {
    return "an unreadable address";
  }
}

const decoder = new TextDecoder();

/** The whole body as text, at most `maxBytes`: refused by Content-Length first, else counted as it arrives. */
async function readText(response: Response, deadline: Deadline, call: Call, maxBytes: number): Promise<string> {
  const announced = Number(response.headers.get("content-length") ?? 0);
  if (announced > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(response.status, call, maxBytes, `is ${announced} bytes, over`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  try {
    return await deadline.race(decodeAll(reader, maxBytes, () => tooLarge(response.status, call, maxBytes, "grew past")));
  } catch (error) {
    // The deadline, the cap or a reset: stop the transfer (and with it the connection).
    void reader.cancel().catch(() => undefined);
    throw error;
  }
}

/** Reads every chunk, counting bytes, so no more than the cap is ever held; decodes once at the end. */
async function decodeAll(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number, overCap: () => Error): Promise<string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) throw overCap();
    chunks.push(value);
  }
  // One decode of the whole body: Node's decoder is several times faster on one buffer than
  // in streaming mode, chunk by chunk (measured: about 10% of a stubbed call).
  return decoder.decode(chunks.length === 1 ? chunks[0] : concat(chunks, total));
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const whole = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

function tooLarge(status: number, call: Call, maxBytes: number, size: string): Vbm365ApiError {
  return new Vbm365ApiError({
    ...call,
    status,
    body: undefined,
    detail: `the answer's body ${size} maxBodyBytes (${maxBytes} bytes): raise maxBodyBytes, or ask for smaller pages`,
  });
}
