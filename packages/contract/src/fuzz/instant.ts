// Instants as the API writes them (ISO 8601 with up to seven fractional digits and a `Z`
// or an offset), compared exactly: JavaScript dates stop at the millisecond, and a filter
// bound that falls between two sessions a few hundred nanoseconds apart must not blur.
const iso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i;

/** 100-nanosecond ticks since 1970 (negative before), or undefined for other text. */
export function ticksOf(text: string): bigint | undefined {
  const m = iso.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  if (Number.isNaN(ms)) return undefined;
  const fraction = BigInt((m[7] ?? "").slice(0, 7).padEnd(7, "0"));
  const zone = m[8]!.toUpperCase();
  const offsetMinutes = zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return (BigInt(ms) - BigInt(offsetMinutes) * 60_000n) * 10_000n + fraction;
}

/**
 * Writes ticks as ISO 8601 with `digits` fractional digits (0 to 7; the digits cut off are
 * dropped, so the text is at or just before the instant), in UTC as `Z` or at an offset
 * in minutes east of UTC (0 gives `+00:00`).
 */
export function formatTicks(ticks: bigint, zone: "Z" | number, digits: number): string {
  const offsetMinutes = zone === "Z" ? 0 : zone;
  const local = ticks + BigInt(offsetMinutes) * 60n * 10_000_000n;
  const ms = Number(local / 10_000n - (local % 10_000n < 0n ? 1n : 0n));
  const subMs = ((local % 10_000n) + 10_000n) % 10_000n;
  const date = new Date(ms).toISOString(); // 2022-03-12T15:55:20.855Z
  const fraction = `${date.slice(20, 23)}${String(subMs).padStart(4, "0")}`.slice(0, digits);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const suffix = zone === "Z" ? "Z" : `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${date.slice(0, 19)}${digits > 0 ? `.${fraction}` : ""}${suffix}`;
}
