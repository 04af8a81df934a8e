/**
 * Tablet data layer benchmark, in Debian's Chromium: tap-to-saved latency of scoring one criterion (scoreCriterion →
 * writeEdits: stamp, change, merge, row, outbox in one strict-durability IndexedDB transaction, resolved after
 * commit) with 10,000 results already stored, at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate), beside a raw
 * IndexedDB put of one record in its own strict transaction measured in the same run, interleaved.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { build } from "vite";

const ROOT = process.cwd();
const OUT = join(ROOT, ".tmp/bench-app-db");
const RESULTS = 10_000;
const TAPS: Record<number, number> = { 1: 200, 4: 80 };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(1).padStart(6)} ms`;

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
await build({
  configFile: false,
  logLevel: "warn",
  root: ROOT,
  build: {
    outDir: OUT,
    emptyOutDir: true,
    minify: true,
    lib: { entry: join(ROOT, "tests/app-db/bench/appDbBenchEntry.ts"), formats: ["iife"], name: "appDbBenchBundle", fileName: () => "app-db.js" },
  },
});
const js = readFileSync(join(OUT, "app-db.js"));
// IndexedDB needs a real origin, so the page comes from a tiny local server rather than about:blank.
const server = createServer((req, res) => {
  if (req.url === "/app-db.js") res.writeHead(200, { "Content-Type": "text/javascript" }).end(js);
  else res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end('<!doctype html><meta charset=utf-8><title>app-db bench</title><script src="/app-db.js"></script>');
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  type Bench = { seed(n: number): Promise<number>; score(i: number): Promise<number>; rawPut(i: number): Promise<number> };
  const stored = await page.evaluate((n) => (globalThis as unknown as { appDbBench: Bench }).appDbBench.seed(n), RESULTS);
  console.log(`results stored before measuring: ${stored}`);
  const cdp = await page.context().newCDPSession(page);
  console.log("\nCPU  taps  tap-to-saved (scoreCriterion)   raw IndexedDB put, own tx (baseline)   overhead p50");
  console.log("          p50        p95                   p50        p95");
  for (const rate of [1, 4]) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    const n = TAPS[rate]!;
    const { taps, puts } = await page.evaluate(async (count) => {
      const b = (globalThis as unknown as { appDbBench: Bench }).appDbBench;
      for (let i = 0; i < 10; i++) {
        await b.score(i);
        await b.rawPut(i);
      }
      const taps: number[] = [];
      const puts: number[] = [];
      // interleaved, so load changes on a shared machine hit both alike
      for (let i = 0; i < count; i++) {
        taps.push(await b.score(i));
        puts.push(await b.rawPut(i));
      }
      return { taps, puts };
    }, n);
    console.log(
      `${String(rate).padStart(2)}×  ${String(n).padStart(4)}  ${ms(pct(taps, 50))}  ${ms(pct(taps, 95))}             ${ms(pct(puts, 50))}  ${ms(pct(puts, 95))}          ×${(pct(taps, 50) / pct(puts, 50)).toFixed(1)}`,
    );
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
} finally {
  await browser.close();
  server.close();
}
