// One call of the API, typed from the schema by method and path: the URL built, one Request
// per attempt, retries where safe, one token renewal after a 401, the body parsed once.
import { attempt, type Answer, type Call } from "./attempt.js";
import { withToken } from "./auth.js";
import { toClientError, type Failure } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { withRetries, type RetryOptions } from "./retry.js";
import type { ClientSettings } from "./settings.js";
import { atVersion } from "./versions.js";

export type Method = "get" | "post";

/** The paths of `Paths` that have an operation for `method`. */
export type PathWith<Paths, M extends Method> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: { responses: unknown } } ? P : never;
}[keyof Paths];

type Operation<Paths, M extends Method, P extends PathWith<Paths, M>> = Paths[P] extends { [K in M]: infer O } ? O : never;

/** The path and query parameters of an operation, as the schema has them (`{}` for a path without any). */
export type ParamsOf<O> = { path: PathParamsOf<O>; query?: QueryOf<O> };
type PathParamsOf<O> = O extends { parameters: { path: infer Path } } ? Path : Record<string, never>;
type QueryOf<O> = O extends { parameters: { query?: infer Query } } ? Query : never;

/** The JSON body of an operation's 200 answer, or `undefined` where the schema has none (Stop). */
export type SuccessOf<O> = O extends { responses: { 200: { content: { "application/json": infer Body } } } } ? Body : undefined;

/** One call, typed by method and path from a version's schema (`Paths`, default v6). */
export type One<Paths = paths> = <M extends Method, P extends PathWith<Paths, M>>(
  method: M,
  path: P,
  params: ParamsOf<Operation<Paths, M, P>>,
  signal?: AbortSignal,
) => Promise<SuccessOf<Operation<Paths, M, P>>>;

/** The `one()` of a client, typed by a version's schema (`Paths`); the path's `/vN/` becomes the version in use. */
export function callsOf<Paths = paths>(settings: ClientSettings): One<Paths> {
  return async (method, path, params, signal) => {
    const version = await settings.version();
    const call: Call = { method: method.toUpperCase(), path: atVersion(fillPath(String(path), params.path), version) };
    const url = settings.baseUrl + call.path + queryString(params.query);
    const build = (token: string) => (deadline: AbortSignal) =>
      new Request(url, { method: call.method, headers: { Authorization: `Bearer ${token}` }, signal: deadline, redirect: "manual" });
    // Only reads are repeated on failure; a Stop that timed out may have stopped the session.
    const retry = call.method === "GET" ? settings.retry : false;
    return fetchJson(settings, call, signal, () =>
      withToken(settings.tokens, (token) => exchange(settings, call, build(token), retry, signal)),
    );
  };
}

/** Sends the request `build` makes, attempt after attempt as `retry` allows: the last answer, or the last error thrown. */
export function exchange(
  settings: ClientSettings,
  call: Call,
  build: (signal: AbortSignal) => Request,
  retry: RetryOptions | false,
  callSignal: AbortSignal | undefined,
): Promise<Answer> {
  const signal = withClientSignal(settings, callSignal);
  return withRetries(() => attempt(settings, call, build, signal), retry, signal);
}

/** The call's signal and the client's: either aborts the call. */
function withClientSignal(settings: ClientSettings, signal: AbortSignal | undefined): AbortSignal | undefined {
  const own = settings.clientSignal;
  return own && signal ? AbortSignal.any([own, signal]) : (own ?? signal);
}

/**
 * The answer `send` gives, when `accepts` its status (by default a 2xx); every failure on the
 * way, thrown or a status refused, mapped by `toClientError`. The one place a call's failure
 * becomes the error the caller sees.
 */
export async function answerOf(
  settings: ClientSettings,
  call: Call,
  signal: AbortSignal | undefined,
  send: () => Promise<Answer>,
  accepts: (status: number) => boolean = isSuccess,
): Promise<Answer> {
  let answer: Answer;
  try {
    answer = await send();
  } catch (error) {
    throw failed(settings, call, signal, { kind: "thrown", error });
  }
  if (!accepts(answer.status)) throw failed(settings, call, signal, { kind: "status", status: answer.status, text: answer.text });
  return answer;
}

/**
 * The 2xx answer's body as the schema's type. The one place where the server's JSON is taken
 * to match the schema, as openapi-fetch does; the walk checks a page's shape before relying on it.
 */
export async function fetchJson<T>(
  settings: ClientSettings,
  call: Call,
  signal: AbortSignal | undefined,
  send: () => Promise<Answer>,
): Promise<T> {
  const answer = await answerOf(settings, call, signal, send);
  if (answer.text === "") return undefined as T;
  try {
    return JSON.parse(answer.text) as T;
  } catch (cause) {
    throw failed(settings, call, signal, { kind: "notJson", status: answer.status, cause });
  }
}

export const isSuccess = (status: number) => status >= 200 && status <= 299;

function failed(settings: ClientSettings, call: Call, signal: AbortSignal | undefined, failure: Failure): unknown {
  return toClientError(failure, {
    ...call,
    timeoutMs: settings.timeoutMs,
    secrets: settings.tokens.secrets(),
    signal: withClientSignal(settings, signal),
  });
}

/** `/v6/RestoreSessions/{restoreSessionId}` with the id put in, encoded. */
export function fillPath(template: string, values: unknown): string {
  const byName = new Map(typeof values === "object" && values !== null ? Object.entries(values) : []);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(byName.get(name) ?? "")));
}

/** `?offset=0&limit=100`, in the order given, leaving out what is undefined; `""` when nothing is left. */
export function queryString(query: unknown): string {
  if (typeof query !== "object" || query === null) return "";
  let text = "";
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    text += `${text ? "&" : "?"}${name}=${encodeURIComponent(String(value))}`;
  }
  return text;
}
