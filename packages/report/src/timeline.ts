// Actions over time, by action type and by service. Counted per hour while streaming (a
// year is under 9,000 hours), then shown per hour for a short period and per day otherwise.
import type { TimelineBucket } from "./types.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Up to this span the chart shows hours; beyond it, days. */
const HOURLY_UP_TO = 3 * DAY;

interface Counts {
  byActionType: Map<string, number>;
  byService: Map<string, number>;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export class Timeline {
  private readonly hours = new Map<number, Counts>();
  private first = Infinity;
  private last = -Infinity;

  add(timeMs: number, actionType: string, service: string): void {
    const hour = Math.floor(timeMs / HOUR) * HOUR;
    let counts = this.hours.get(hour);
    if (!counts) {
      counts = { byActionType: new Map(), byService: new Map() };
      this.hours.set(hour, counts);
    }
    bump(counts.byActionType, actionType);
    bump(counts.byService, service);
    this.first = Math.min(this.first, timeMs);
    this.last = Math.max(this.last, timeMs);
  }

  get firstMs(): number | null {
    return Number.isFinite(this.first) ? this.first : null;
  }

  get lastMs(): number | null {
    return Number.isFinite(this.last) ? this.last : null;
  }

  /** Buckets in time order; hours or days (UTC) depending on the span of the data. */
  buckets(): { unit: "hour" | "day"; buckets: TimelineBucket[] } {
    const span = this.last - this.first;
    const unit = span <= HOURLY_UP_TO ? "hour" : "day";
    const merged = new Map<number, Counts>();
    for (const [hour, counts] of this.hours) {
      const start = unit === "hour" ? hour : Math.floor(hour / DAY) * DAY;
      let target = merged.get(start);
      if (!target) {
        target = { byActionType: new Map(), byService: new Map() };
        merged.set(start, target);
      }
      for (const [key, n] of counts.byActionType) target.byActionType.set(key, (target.byActionType.get(key) ?? 0) + n);
      for (const [key, n] of counts.byService) target.byService.set(key, (target.byService.get(key) ?? 0) + n);
    }
    const buckets = [...merged]
      .sort(([a], [b]) => a - b)
      .map(([start, counts]) => ({
        start: new Date(start).toISOString(),
        byActionType: Object.fromEntries(counts.byActionType),
        byService: Object.fromEntries(counts.byService),
      }));
    return { unit, buckets };
  }
}
