/**
 * Report benchmark, in Debian's Chromium: the inspection record renderer bundled for the browser (vite library
 * build into .tmp/), a 60-criterion record without photos and with 10 camera-sized photos (2048×1536 JPEG,
 * downscaled by the renderer), at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate): render time (median)
 * and PDF bytes, beside the same document drawn with jsPDF's built-in Helvetica in the same run, which is what
 * the embedded Tinos costs. Also the gzip size of the renderer bundle (what the app downloads lazily).
 */
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { buildReportBundle } from "../report/bench/buildReportBundle";

const ROOT = process.cwd();
const OUT = join(ROOT, ".tmp/bench-report");
const CRITERIA = 60;
const PHOTOS = 10;
const RUNS: Record<number, number> = { 1: 5, 4: 3 };

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const signed = (n: number, d = 0) => `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(d)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bundle = await buildReportBundle(OUT);
console.log(`renderer bundle (jsPDF, autotable, Tinos ×4, zod, and the bench's sample generator): ${kb(bundle.length)}, gzip ${kb(gzipSync(bundle, { level: 9 }).length)}`);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  await page.setContent("<!doctype html><meta charset=utf-8><title>report bench</title>");
  await page.addScriptTag({ content: bundle });
  type Bench = { prepare(k: string, c: number, p: number): Promise<number>; render(k: string, f: string): Promise<{ ms: number; bytes: number }> };
  const photoBytes = await page.evaluate(
    async ([c, p]) => {
      const b = (globalThis as unknown as { reportBench: Bench }).reportBench;
      await b.prepare("plain", c, 0);
      return b.prepare("photos", c, p);
    },
    [CRITERIA, PHOTOS] as const,
  );
  console.log(`${PHOTOS} source photos: 2048×1536 JPEG, ${kb(photoBytes)} in total`);
  const cdp = await page.context().newCDPSession(page);
  console.log("\nrecord          CPU  Tinos (embedded)          Helvetica (built-in, baseline)   cost of Tinos");
  for (const rate of [1, 4]) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    for (const key of ["plain", "photos"]) {
      const fonts = ["tinos", "helvetica"] as const;
      const res: Record<string, { ms: number[]; bytes: number }> = { tinos: { ms: [], bytes: 0 }, helvetica: { ms: [], bytes: 0 } };
      const run = (f: string) => page.evaluate(([k, font]) => (globalThis as unknown as { reportBench: Bench }).reportBench.render(k, font), [key, f] as const);
      // One warm-up run each (JIT, font parsing), then measured runs alternating the two fonts so drift in a
      // shared machine's load hits both alike.
      for (const f of fonts) await run(f);
      for (let i = 0; i < RUNS[rate]!; i++)
        for (const f of fonts) {
          const r = await run(f);
          res[f]!.ms.push(r.ms);
          res[f]!.bytes = r.bytes;
        }
      const t = res.tinos!;
      const h = res.helvetica!;
      const label = key === "plain" ? `${CRITERIA} criteria      ` : `${CRITERIA} crit.+${PHOTOS} photos`;
      console.log(
        `${label}  ${rate}×   ${median(t.ms).toFixed(0).padStart(5)} ms ${kb(t.bytes).padStart(10)}     ${median(h.ms).toFixed(0).padStart(5)} ms ${kb(h.bytes).padStart(10)}          ${signed(median(t.ms) - median(h.ms))} ms, ${signed((t.bytes - h.bytes) / 1024, 1)} KB`,
      );
    }
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
} finally {
  await browser.close();
}
