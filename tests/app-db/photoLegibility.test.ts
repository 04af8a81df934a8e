import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledPage } from "./bundledPage";
import { LEGIBLE_TEXT_SSIM, TEXT_PAGE_RECT } from "../fixtures/photos/photoBudget";

// The app's preparePhoto on the committed camera files (tests/fixtures/photos), in real Chromium, its real encoders:
// bytes and the luma SSIM of the text against the same 1600-px resize kept lossless in the page.
let page: Page;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ page, close } = await bundledPage(join(import.meta.dirname, "../fixtures/photos/photoMeasureEntry.ts"), "photoMeasureBundle"));
});
afterAll(async () => {
  await close?.();
});

interface Prepared { mime: string; bytes: number; width: number; height: number; ssim: number; textSsim: number }

function prepared(file: string, rect?: typeof TEXT_PAGE_RECT): Promise<Prepared> {
  const b64 = readFileSync(join(import.meta.dirname, "../fixtures/photos", file)).toString("base64");
  return page.evaluate(
    ([b, r]) => (globalThis as unknown as { photoMeasure: { prepared(b: string, r?: unknown): Promise<Prepared> } }).photoMeasure.prepared(b, r ?? undefined),
    [b64, rect ?? null] as const,
  );
}

describe("a 3000×2000 photo of a printed Vietnamese page, prepared in Chromium", () => {
  it("is stored at 1600 px as WebP in at most 250 KB, with its text windows at luma SSIM ≥ the legibility floor", async () => {
    const p = await prepared("text-page.jpg", TEXT_PAGE_RECT);
    console.log(`text page: ${p.mime} ${(p.bytes / 1024).toFixed(0)} KB, text SSIM ${p.textSsim.toFixed(4)}, page SSIM ${p.ssim.toFixed(4)}`);
    expect([p.width, p.height, p.mime]).toEqual([1600, 1067, "image/webp"]);
    expect(p.bytes).toBeLessThanOrEqual(250 * 1024);
    expect(p.textSsim).toBeGreaterThanOrEqual(LEGIBLE_TEXT_SSIM);
  });

  it("a photo-like scene stays under the same budget", async () => {
    const p = await prepared("scene.jpg");
    expect(p.mime).toBe("image/webp");
    expect(p.bytes).toBeLessThanOrEqual(250 * 1024);
    expect(p.ssim).toBeGreaterThan(0.9);
  });
});
