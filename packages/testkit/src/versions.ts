// The REST API versions the testkit serves and what differs between them (per the facts
// in shared/reference/api-facts.md): v7 adds `errorCode` to error bodies and
// `disable_antiforgery_token` to the token request; v8 adds end-time filters and server-side
// ordering, Statistics, `eTag`, the event's related ids, Stop answering 204 and ten error codes.

export const API_VERSIONS = ["v6", "v7", "v8"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** Whether `version` has what `since` introduced. */
export function atLeast(version: ApiVersion, since: ApiVersion): boolean {
  return API_VERSIONS.indexOf(version) >= API_VERSIONS.indexOf(since);
}

/** The error body fields a version adds to `{ message }`, by status. */
export function errorFields(version: ApiVersion, status: number): Record<string, string | null> {
  if (version === "v6") return {};
  // v7 knows only ProxyOffline, which the testkit (no proxies) never has cause to send.
  if (version === "v7") return { errorCode: null };
  const code: Record<number, string> = { 400: "ParameterValidationFailure", 403: "ResourceAccessDenied", 404: "ResourceNotFound" };
  // A stack trace is never sent: it is for diagnosis and must not reach users.
  return { errorCode: code[status] ?? null, stackTrace: null };
}

/** What Stop answers with: 200 up to v7, 204 No Content from v8 on. */
export function stopStatus(version: ApiVersion): number {
  return atLeast(version, "v8") ? 204 : 200;
}
