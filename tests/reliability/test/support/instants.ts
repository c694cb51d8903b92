// Instants as .NET ticks (100 ns since the Unix epoch, BigInt), written the ways a caller
// may write them: any offset, 0 to 7 fractional digits. Independent of the client's and
// the server's own parsers, so a round trip through both can be checked against it.
export const TICKS_PER_MS = 10_000n;

/** Ticks of `2022-02-22T15:51:15.1754625Z` (a UTC string with up to 7 digits, as the server writes). */
export function ticksOfUtc(text: string): bigint {
  // The whole seconds through Date.parse, the fraction as digits: no parser of the code under test.
  const [seconds = "", fraction = ""] = text.endsWith("Z") ? text.slice(0, -1).split(".") : [];
  const wholeMs = Date.parse(`${seconds}Z`);
  if (seconds.length !== 19 || Number.isNaN(wholeMs) || fraction.length > 7 || !/^\d*$/.test(fraction)) {
    throw new Error(`not a UTC date-time with up to 7 digits: ${text}`);
  }
  return BigInt(wholeMs) * TICKS_PER_MS + BigInt(fraction.padEnd(7, "0"));
}

/** One unit of the last digit of a time written with `digits` fractional digits, in ticks. */
export function unitOf(digits: number): bigint {
  return 10n ** BigInt(7 - digits);
}

/** The instant rounded down to what `digits` fractional digits can write. */
export function alignDown(ticks: bigint, digits: number): bigint {
  const unit = unitOf(digits);
  return ticks - (((ticks % unit) + unit) % unit);
}

/** `ticks` as local time at `offsetMinutes` with `digits` fractional digits (exact only for aligned ticks). */
export function writeInstant(ticks: bigint, offsetMinutes: number, digits: number, separator = "T", zeroAsZ = true): string {
  const ms = ticks / TICKS_PER_MS;
  const subMs = ticks % TICKS_PER_MS;
  const local = new Date(Number(ms) + offsetMinutes * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const seven = `${local.slice(20, 23)}${subMs.toString().padStart(4, "0")}`;
  const fraction = digits === 0 ? "" : `.${seven.slice(0, digits)}`;
  const abs = Math.abs(offsetMinutes);
  const zone =
    offsetMinutes === 0 && zeroAsZ
      ? "Z"
      : `${offsetMinutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${local.slice(0, 10)}${separator}${local.slice(11, 19)}${fraction}${zone}`;
}

/** UTC with seven digits: what the server's own test data API takes. */
export function utc7(ticks: bigint): string {
  return writeInstant(ticks, 0, 7);
}
