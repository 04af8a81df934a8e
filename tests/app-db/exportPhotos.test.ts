import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledPage } from "./bundledPage";
import type { InspectionExport } from "../../src/domain/inspectionExport";
import { tt26 } from "./fixtures";

// The export's downscaling needs createImageBitmap and a canvas, and addPhoto Web Crypto: real Chromium, from localhost.
let page: Page;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ page, close } = await bundledPage(join(import.meta.dirname, "exportPhotosEntry.ts"), "exportPhotosBundle"));
});
afterAll(async () => {
  await close?.();
});

/** Width × height from a JPEG's SOF0/SOF2 marker. */
function jpegSize(b: Uint8Array): [number, number] | null {
  let i = 2;
  while (i + 8 < b.length) {
    const marker = b[i + 1]!;
    if (marker === 0xc0 || marker === 0xc2) return [(b[i + 7]! << 8) | b[i + 8]!, (b[i + 5]! << 8) | b[i + 6]!];
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
  }
  return null;
}

describe("the app's inspection export in Chromium", () => {
  it("carries a stored 1600 px photo downscaled to the report's 1024 px, and a smaller one byte for byte; a WebP as JPEG", async () => {
    const { exp, stored } = await page.evaluate(
      (cl) => (globalThis as unknown as { exportPhotos: { run(c: unknown): Promise<{ exp: InspectionExport; stored: string[] }> } }).exportPhotos.run(cl),
      tt26(),
    );
    const [big, small, webp] = exp.attachments!;
    const bigBytes = Buffer.from(big!.data!, "base64");
    expect(jpegSize(Buffer.from(stored[0]!, "base64"))).toEqual([1600, 1200]);
    expect(jpegSize(bigBytes)).toEqual([1024, 768]);
    expect(big).toMatchObject({ caption: "Sổ theo dõi", mime: "image/jpeg", width: 1024, height: 768, bytes: bigBytes.length });
    expect(small).toMatchObject({ caption: "Bảng niêm yết", mime: "image/jpeg", width: 800, height: 600, data: stored[1] });
    // jsPDF embeds only JPEG and PNG: a stored WebP, even one needing no downscaling, is carried as a JPEG
    expect(Buffer.from(stored[2]!, "base64").subarray(8, 12).toString("latin1")).toBe("WEBP");
    const webpBytes = Buffer.from(webp!.data!, "base64");
    expect(jpegSize(webpBytes)).toEqual([800, 600]);
    expect(webp).toMatchObject({ caption: "Bảng tin", mime: "image/jpeg", width: 800, height: 600, bytes: webpBytes.length });
  });
});
