// One call of the API, typed from the schema by method and path: the URL built, one Request
// per attempt, retries where safe, one token renewal after a 401, the body parsed once.
import { attempt, type Answer, type AttemptSettings, type Call } from "./attempt.js";
import { withToken, type TokenSource } from "./auth.js";
import { toClientError, type Failure } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { withRetries, type RetryOptions } from "./retry.js";
import { atVersion, type ApiVersion } from "./versions.js";

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

export interface CallSettings extends AttemptSettings {
  baseUrl: string;
  retry: RetryOptions | false;
  tokens: TokenSource;
  /** The API version in use; the path's `/vN/` is replaced by it. */
  version: () => Promise<ApiVersion>;
}

/** One call, typed by method and path from a version's schema (`Paths`, default v6). */
export type One<Paths = paths> = <M extends Method, P extends PathWith<Paths, M>>(
  method: M,
  path: P,
  params: ParamsOf<Operation<Paths, M, P>>,
  signal?: AbortSignal,
) => Promise<SuccessOf<Operation<Paths, M, P>>>;

/** The `one()` of a client, typed by a version's schema (`Paths`); the path's `/vN/` becomes the version in use. */
export function callsOf<Paths = paths>(settings: CallSettings): One<Paths> {
  return async (method, path, params, signal) => {
    const version = await settings.version();
    const call: Call = { method: method.toUpperCase(), path: atVersion(fillPath(String(path), params.path), version) };
    const url = settings.baseUrl + call.path + queryString(params.query);
    const send = (token: string) =>
      withRetries(
        () => attempt(settings, call, (deadline) => new Request(url, { method: call.method, headers: { Authorization: `Bearer ${token}` }, signal: deadline, redirect: "manual" }), signal),
        // Only reads are repeated on failure; a Stop that timed out may have stopped the session.
        call.method === "GET" ? settings.retry : false,
        signal,
      );
    return fetchJson(settings, call, signal, () => withToken(settings.tokens, send));
  };
}

/**
 * The 2xx answer's body as the schema's type; every failure on the way mapped by
 * `toClientError`. The one place where the server's JSON is taken to match the schema, as
 * openapi-fetch does; the walk checks a page's shape before relying on it.
 */
export async function fetchJson<T>(settings: AttemptSettings, call: Call, signal: AbortSignal | undefined, send: () => Promise<Answer>): Promise<T> {
  const failed = (failure: Failure) => toClientError(failure, { ...call, timeoutMs: settings.timeoutMs, secrets: settings.secrets(), signal });
  let answer: Answer;
  try {
    answer = await send();
  } catch (error) {
    throw failed({ kind: "thrown", error });
  }
  if (answer.status < 200 || answer.status > 299) throw failed({ kind: "status", status: answer.status, text: answer.text });
  if (answer.text === "") return undefined as T;
  try {
    return JSON.parse(answer.text) as T;
  } catch (cause) {
    throw failed({ kind: "notJson", status: answer.status, cause });
  }
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
