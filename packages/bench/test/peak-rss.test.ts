import { describe, expect, it } from "vitest";
import { MB, peakRssBytes } from "../src/peak-rss.js";

describe("peakRssBytes", () => {
  it("reports in bytes a high-water mark at least as high as the memory held now", () => {
    const held = Buffer.alloc(200 * MB, 1); // filled, so its pages are resident
    const residentNow = process.memoryUsage().rss;
    expect(residentNow).toBeGreaterThan(200 * MB);
    expect(peakRssBytes()).toBeGreaterThanOrEqual(residentNow);
    expect(held[held.length - 1]).toBe(1);
  });
});
