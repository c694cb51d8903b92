// The instants the report reads from the API's date-times, through the client's one ISO 8601
// module: up to seven fractional digits and any offset, a day the calendar lacks refused.
import { isoMs, parseIsoDateTime } from "@vbm365/client";

/** Milliseconds since 1970 of an API date-time (a text without a zone is UTC), or NaN when it is not one. */
export function instantMs(text: string | null | undefined): number {
  const fields = text ? parseIsoDateTime(text) : undefined;
  return fields ? isoMs(fields) : NaN;
}
