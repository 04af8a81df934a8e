/**
 * Browser entry for tests/bench/report.bench.ts and tests/report/browser.test.ts: bundled by vite into .tmp/,
 * loaded in Chromium. Exposes the
 * app's renderer and a generator of the benchmark's records (60 criteria, optionally with camera-sized photos).
 */
import { InspectionExportSchema } from "../../../src/domain/inspectionExport";
import { renderInspectionRecord } from "../../../src/report/renderInspectionRecord";
import { sampleExport } from "../fixtures/sampleExport";

async function makePhoto(seed: number, w = 2048, h = 1536): Promise<{ mime: "image/jpeg"; data: string; width: number; height: number }> {
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext("2d")!;
  let s = seed * 7919 + 1;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const g = ctx.createLinearGradient(0, 0, w, h);
  g.addColorStop(0, `hsl(${seed * 37}, 40%, 70%)`);
  g.addColorStop(1, `hsl(${seed * 37 + 90}, 30%, 30%)`);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
  for (let i = 0; i < 400; i++) {
    ctx.fillStyle = `hsla(${rnd() * 360}, 50%, ${30 + rnd() * 50}%, 0.5)`;
    ctx.fillRect(rnd() * w, rnd() * h, rnd() * 300, rnd() * 200);
  }
  // Sensor-like noise, so the JPEG is as large as a real photo of a paper register.
  const img = ctx.getImageData(0, 0, w, h);
  for (let i = 0; i < img.data.length; i += 4) {
    const n = (rnd() - 0.5) * 40;
    img.data[i] = img.data[i]! + n;
    img.data[i + 1] = img.data[i + 1]! + n;
    img.data[i + 2] = img.data[i + 2]! + n;
  }
  ctx.putImageData(img, 0, 0);
  const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.9 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { mime: "image/jpeg", data: btoa(bin), width: w, height: h };
}

const cache = new Map<string, ReturnType<typeof sampleExport>>();

/** `size`: the photos' width × height (default a 2048 × 1536 camera photo). */
async function prepare(key: string, criteria: number, photos: number, size?: [number, number]): Promise<number> {
  const ps = await Promise.all(Array.from({ length: photos }, (_, i) => makePhoto(i + 1, ...(size ?? []))));
  const exp = InspectionExportSchema.parse(sampleExport({ criteria, photos: ps }));
  cache.set(key, exp);
  return ps.reduce((n, p) => n + Math.floor((p.data.length * 3) / 4), 0);
}

async function render(key: string, font: "tinos" | "helvetica"): Promise<{ ms: number; bytes: number }> {
  const exp = cache.get(key);
  if (!exp) throw new Error(`not prepared: ${key}`);
  const t = performance.now();
  const pdf = await renderInspectionRecord(exp, { font });
  return { ms: performance.now() - t, bytes: pdf.length };
}

/** The PDF itself (base64) and the export it came from, for the browser test to read back with poppler. */
async function renderBase64(key: string): Promise<{ pdf: string; exportJson: string }> {
  const exp = cache.get(key);
  if (!exp) throw new Error(`not prepared: ${key}`);
  const pdf = await renderInspectionRecord(exp);
  let bin = "";
  for (let i = 0; i < pdf.length; i += 0x8000) bin += String.fromCharCode(...pdf.subarray(i, i + 0x8000));
  return { pdf: btoa(bin), exportJson: JSON.stringify(exp) };
}

(globalThis as unknown as { reportBench: unknown }).reportBench = { prepare, render, renderBase64 };
