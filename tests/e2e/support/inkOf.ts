import type { Page } from "playwright-core";

/**
 * Decodes a PNG data URL in the page and tells its size and where it has ink: the share of opaque dark pixels in
 * its left and right halves.
 */
export async function inkOf(page: Page, dataUrl: string): Promise<{ width: number; height: number; left: number; right: number }> {
  return page.evaluate(async (url) => {
    // an <img> decodes it (the app's CSP lets images, not fetch, read data: URLs)
    const img = new Image();
    img.src = url;
    await img.decode();
    const bmp = await createImageBitmap(img);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext("2d")!;
    g.drawImage(bmp, 0, 0);
    const { data } = g.getImageData(0, 0, bmp.width, bmp.height);
    let left = 0;
    let right = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 128 || data[i]! > 100) continue;
      if ((i / 4) % bmp.width < bmp.width / 2) left++;
      else right++;
    }
    const half = (bmp.width * bmp.height) / 2;
    return { width: bmp.width, height: bmp.height, left: left / half, right: right / half };
  }, dataUrl);
}
