import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledPage } from "./bundledPage";

// preparePhoto needs createImageBitmap, a canvas and Web Crypto: it runs in real Chromium, bundled as the app bundles it.
let page: Page;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ page, close } = await bundledPage(join(import.meta.dirname, "../../src/app/photos/preparePhoto.ts"), "photos"));
});
afterAll(async () => {
  await close?.();
});

interface Prepared { width: number; height: number; mime: string; sha256: string; bytes: number[] }

/** Draws a w×h test picture in the page, encodes it as `type`, and runs preparePhoto on it. */
function prepare(w: number, h: number, type = "image/png"): Promise<Prepared> {
  return page.evaluate(
    async ([w, h, type]) => {
      const c = new OffscreenCanvas(w, h);
      const ctx = c.getContext("2d")!;
      for (let y = 0; y < h; y += 50) for (let x = 0; x < w; x += 50) {
        ctx.fillStyle = `rgb(${(x * 7) % 256},${(y * 3) % 256},${(x + y) % 256})`;
        ctx.fillRect(x, y, 50, 50);
      }
      const blob = await c.convertToBlob({ type });
      const p = await (globalThis as unknown as { photos: { preparePhoto(b: Blob): Promise<{ bytes: ArrayBuffer; mime: string; width: number; height: number; sha256: string }> } }).photos.preparePhoto(blob);
      return { width: p.width, height: p.height, mime: p.mime, sha256: p.sha256, bytes: Array.from(new Uint8Array(p.bytes)) };
    },
    [w, h, type] as const,
  );
}

/** Width × height from a WebP's first chunk: VP8 (lossy key frame) or VP8X (extended). */
function webpSize(b: number[]): [number, number] | null {
  const chunk = String.fromCharCode(...b.slice(12, 16));
  if (chunk === "VP8 ") return [((b[27]! << 8) | b[26]!) & 0x3fff, ((b[29]! << 8) | b[28]!) & 0x3fff];
  if (chunk === "VP8X") return [1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16))];
  return null;
}

describe("preparePhoto in Chromium", () => {
  it("scales a large landscape photo to 1600 px on the long side, as WebP bytes (Chromium encodes WebP) with their SHA-256", async () => {
    const p = await prepare(4000, 3000);
    expect([p.width, p.height]).toEqual([1600, 1200]);
    expect(p.mime).toBe("image/webp");
    expect(String.fromCharCode(...p.bytes.slice(0, 4), ...p.bytes.slice(8, 12))).toBe("RIFFWEBP");
    expect(p.sha256).toBe(createHash("sha256").update(Uint8Array.from(p.bytes)).digest("hex"));
    // the stored WebP really is 1600×1200: read its VP8 (lossy) or VP8X frame header
    expect(webpSize(p.bytes)).toEqual([1600, 1200]);
  });

  it("scales a portrait photo by its long side and leaves a small one at its size", async () => {
    const portrait = await prepare(1200, 2400, "image/jpeg");
    expect([portrait.width, portrait.height]).toEqual([800, 1600]);
    const small = await prepare(640, 480);
    expect([small.width, small.height]).toEqual([640, 480]);
  });

  it("a file that is not an image gives a plain Vietnamese message", async () => {
    const msg = await page.evaluate(async () => {
      try {
        await (globalThis as unknown as { photos: { preparePhoto(b: Blob): Promise<unknown> } }).photos.preparePhoto(new Blob(["không phải ảnh"], { type: "image/jpeg" }));
        return "resolved";
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(msg).toMatch(/^Không đọc được ảnh này/);
  });
});
