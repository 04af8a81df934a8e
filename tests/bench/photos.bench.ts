/**
 * Photo benchmark, in Debian's Chromium (its real WebP and JPEG encoders): each committed camera file
 * (tests/fixtures/photos, 3000×2000 JPEG) resized to 1600 px and encoded as WebP and as JPEG over a range of
 * qualities: bytes, encode time, and luma SSIM against the same resize kept lossless in the page (for the text
 * page: over the paper, and over the windows holding text). Beside it, in the same run, the camera file and the
 * JPEG at 0.85 the app stored before; then what the app's preparePhoto stores. 2× crops of the page's small
 * print go to .tmp/bench-photos/ for anyone to look at. Then, where installed, the text page in WebKitGTK (which
 * cannot write WebP: the app's JPEG fallback) and Firefox, beside their own JPEG at 0.85.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Rollup } from "vite";
import { bundledPage } from "../app-db/bundledPage";
import type { Driver } from "../e2e/support/Driver";
import { missingFor } from "../e2e/support/engineBinaries";
import { startFirefoxDriver } from "../e2e/support/firefoxDriver";
import { startWebkitDriver } from "../e2e/support/webkitDriver";
import type { Encoded } from "../fixtures/photos/photoMeasureEntry";
import { LEGIBLE_TEXT_SSIM, TEXT_PAGE_RECT } from "../fixtures/photos/photoBudget";
import type { Rect } from "../fixtures/photos/ssimLuma";

const ROOT = process.cwd();
const FIXTURES = join(ROOT, "tests/fixtures/photos");
const OUT = join(ROOT, ".tmp/bench-photos");
const QUALITIES = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9];
const BUDGET = 250 * 1024;
const CROP = { x: 530, y: 600, w: 260, h: 120 };

interface Measure {
  measure(b64: string, s: { type: string; quality: number }[], rect?: Rect): Promise<{ width: number; height: number; results: Encoded[] }>;
  prepared(b64: string, rect?: Rect): Promise<{ mime: string; bytes: number; width: number; height: number; ssim: number; textSsim: number; ms: number }>;
  crop(b64: string, type: string, quality: number, rect: Rect): Promise<string>;
}
const api = "photoMeasure";
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

mkdirSync(OUT, { recursive: true });
const { page, close } = await bundledPage(join(FIXTURES, "photoMeasureEntry.ts"), "photoMeasureBundle");
const call = <K extends keyof Measure>(k: K, ...args: Parameters<Measure[K]>) =>
  page.evaluate(([k, a, api]) => (globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>)[api]![k]!(...a), [k, args, api] as const) as ReturnType<Measure[K]>;

try {
  for (const file of ["text-page.jpg", "scene.jpg"]) {
    const isText = file === "text-page.jpg";
    const camera = readFileSync(join(FIXTURES, file));
    const b64 = camera.toString("base64");
    const rect = isText ? TEXT_PAGE_RECT : undefined;
    const settings = [{ type: "image/jpeg", quality: 0.85 }, ...QUALITIES.flatMap((q) => [{ type: "image/webp", quality: q }, { type: "image/jpeg", quality: q }])];
    const m = await call("measure", b64, settings, rect);
    const [before, ...rest] = m.results;
    const head = isText ? "SSIM paper  SSIM text" : "SSIM";
    const row = (r: { bytes: number; ssim: number; textSsim: number; ms: number }) =>
      `${kb(r.bytes).padStart(7)}  ${r.ssim.toFixed(4)}${isText ? `     ${r.textSsim.toFixed(4)}` : ""}  ${r.ms.toFixed(0).padStart(5)} ms`;
    console.log(`\n${file}: camera file 3000×2000 JPEG ${kb(camera.length)}, stored at ${m.width}×${m.height}`);
    console.log(`${"encoding".padEnd(38)}  bytes  ${head}   encode`);
    console.log("baseline: JPEG 0.85 (stored before)".padEnd(38) + row(before!));
    for (const r of rest) {
      const ok = r.bytes <= BUDGET && (!isText || r.textSsim >= LEGIBLE_TEXT_SSIM) ? "" : "  ✗";
      console.log(`${r.asked === r.type ? r.type.slice(6).toUpperCase() : `${r.asked}→${r.type}`} ${r.quality.toFixed(2)}`.padEnd(38) + row(r) + ok);
    }
    const p = await call("prepared", b64, rect);
    console.log(
      `preparePhoto (the app): ${p.mime} ${p.width}×${p.height}`.padEnd(38) + row(p) +
        `   = ${((100 * p.bytes) / before!.bytes).toFixed(0)}% of JPEG 0.85, ${((100 * p.bytes) / camera.length).toFixed(1)}% of the camera file`,
    );
    if (isText) {
      for (const [t, q] of [["reference", 0], ["image/jpeg", 0.85], ["image/jpeg", 0.5], ["image/jpeg", 0.75], ["image/webp", 0.8]] as const) {
        const png = await call("crop", b64, t, q, CROP);
        writeFileSync(join(OUT, `text-${t.replace("image/", "")}${q ? `-${q}` : ""}.png`), Buffer.from(png, "base64"));
      }
    }
  }
  console.log(`\n✗: over ${kb(BUDGET)} or (text page) text SSIM under ${LEGIBLE_TEXT_SSIM}. Crops of the small print: ${OUT}`);
} finally {
  await close();
}

// --- the other engines, through the e2e drivers, on the same bundle served from localhost (Web Crypto needs it)
const out = (await build({
  configFile: false,
  logLevel: "silent",
  build: { write: false, minify: false, lib: { entry: join(FIXTURES, "photoMeasureEntry.ts"), formats: ["iife"], name: "photoMeasureBundle" } },
})) as Rollup.RollupOutput[];
const js = out[0]!.output[0].code;
const textPage = readFileSync(join(FIXTURES, "text-page.jpg"));
const server = createServer((req, res) => {
  if (req.url === "/bundle.js") res.writeHead(200, { "Content-Type": "text/javascript" }).end(js);
  else if (req.url === "/text-page.jpg") res.writeHead(200, { "Content-Type": "image/jpeg" }).end(textPage);
  else res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end('<!doctype html><meta charset=utf-8><script src="/bundle.js"></script>');
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
// Written as text: the drivers serialize the function, and tsx's helpers do not exist in the page.
const inPage = new Function(
  "a",
  `return (async () => {
    const b = new Uint8Array(await (await fetch("/text-page.jpg")).arrayBuffer());
    let bin = "";
    for (let i = 0; i < b.length; i += 0x8000) bin += String.fromCharCode(...b.subarray(i, i + 0x8000));
    const m = await globalThis.photoMeasure.measure(btoa(bin), [{ type: "image/jpeg", quality: 0.85 }, { type: "image/webp", quality: 0.8 }], a.rect, a.ssim);
    const p = await globalThis.photoMeasure.prepared(btoa(bin), a.rect, a.ssim);
    return { results: m.results, prepared: p };
  })()`,
) as (a: { rect: Rect; ssim: boolean }) => Promise<{ results: Encoded[]; prepared: Encoded & { mime: string } }>;
try {
  for (const engine of ["webkit", "firefox"] as const) {
    const missing = missingFor(engine);
    if (missing) {
      console.log(`\n${engine}: not measured. ${missing}`);
      continue;
    }
    let d: Driver | undefined;
    try {
      d = engine === "webkit" ? await startWebkitDriver() : await startFirefoxDriver(mkdtempSync(join(tmpdir(), "bench-photos-")));
      await d.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const r = await d.evaluate(inPage, { rect: TEXT_PAGE_RECT, ssim: true });
      const [before, webp] = r.results;
      const row = (x: { bytes: number; ssim: number; textSsim: number; ms: number }) => `${kb(x.bytes).padStart(7)}  ${x.ssim.toFixed(4).padStart(6)}     ${x.textSsim.toFixed(4).padStart(6)}  ${x.ms.toFixed(0).padStart(5)} ms`;
      console.log(`\ntext-page.jpg in ${engine}`);
      console.log("baseline: JPEG 0.85 (stored before)".padEnd(38) + row(before!));
      console.log(`WebP 0.80 asked: ${webp!.type} returned`.padEnd(38) + row(webp!));
      console.log(`preparePhoto (the app): ${r.prepared.mime}`.padEnd(38) + row(r.prepared));
    } catch (e) {
      console.log(`\n${engine}: not measured (${String(e).split("\n")[0]})`);
    } finally {
      await d?.close().catch(() => undefined);
    }
  }
} finally {
  server.close();
}

