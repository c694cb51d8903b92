// Peak resident memory of the current process, as the kernel counts it (ru_maxrss):
// the high-water mark over the process's whole life, not a sample that could miss a spike.

/** Bytes; Node reports ru_maxrss in kilobytes. */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Megabyte as in the target (10^6 bytes, the stricter reading of "150 MB"). */
export const MB = 1_000_000;
