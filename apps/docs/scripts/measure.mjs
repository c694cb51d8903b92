// `pnpm --filter @vbm365/docs measure`: the built page's size and how fast Chromium shows
// it. Numbers for the README and reviews, not a test: they vary with the machine.
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { launchChromium } from "@vbm365/test-support/chromium";
import { startDocsServer } from "../server.mjs";

const runs = Number(process.env.RUNS ?? 5);
const html = readFileSync(new URL("../dist/index.html", import.meta.url));
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(`dist/index.html: ${kib(html.length)} raw, ${kib(gzipSync(html).length)} gzip, ${kib(brotliCompressSync(html).length)} brotli`);

const docs = await startDocsServer({ port: 0 });
const samples = [];
try {
  for (let run = 0; run < runs; run += 1) {
    // A cold load each time: a fresh profile, deleted by close().
    const browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(docs.url, { waitUntil: "commit" });
    // The sidebar with the operations is in the server-rendered HTML, so it shows at the
    // first contentful paint. The search box says "Loading..." until Redoc has hydrated
    // the page; performance.now() counts from navigation start.
    const interactive = await page.waitForFunction(
      () => {
        const icon = document.querySelector('[data-component-name="icons/SearchIcon/SearchIcon"]');
        const box = icon?.parentElement?.textContent ?? "";
        return box.includes("Search") ? performance.now() : false;
      },
      null,
      { polling: "raf", timeout: 60_000 },
    );
    const menuShown = await page.locator('[data-component-name="Menu/MenuItem"].menu-item-type-group').first().isVisible();
    if (!menuShown) throw new Error("The operations list is not visible after hydration.");
    await page.waitForLoadState("load");
    const timings = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType("navigation");
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      return { fcp: paint?.startTime, domContentLoaded: navigation.domContentLoadedEventEnd, load: navigation.loadEventEnd };
    });
    samples.push({ interactive: await interactive.jsonValue(), ...timings });
    await browser.close();
  }
} finally {
  await docs.close();
}

const median = (key) => {
  const values = samples.map((s) => s[key]).sort((a, b) => a - b);
  return `${Math.round(values[Math.floor(values.length / 2)])} ms`;
};
console.log(`Chromium, ${runs} cold loads over loopback (median):`);
console.log(`  first contentful paint, operations list visible  ${median("fcp")}`);
console.log(`  DOMContentLoaded (Redoc's script ran)          ${median("domContentLoaded")}`);
console.log(`  search ready (page hydrated)                   ${median("interactive")}`);
console.log(`  load                                           ${median("load")}`);
