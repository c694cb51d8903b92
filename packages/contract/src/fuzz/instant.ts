// Instants as the API writes them (ISO 8601 with up to seven fractional digits and a `Z`
// or an offset), compared exactly: JavaScript dates stop at the millisecond, and a filter
// bound that falls between two sessions a few hundred nanoseconds apart must not blur.
// Read by the client's one ISO 8601 parser.
import { isoTicks, parseIsoDateTime } from "@vbm365/client";

/** 100-nanosecond ticks since 1970 (negative before) of a date-time with a zone, or undefined for other text. */
export function ticksOf(text: string): bigint | undefined {
  const fields = parseIsoDateTime(text);
  return fields?.hasTime && fields.offsetMinutes !== undefined ? isoTicks(fields) : undefined;
}
