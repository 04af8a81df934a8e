import type { PdfImage } from "./PdfImage";

/** Longest side, in pixels, of a photo placed in a PDF: about 300 dpi in an 80 mm box. */
export const MAX_PHOTO_SIDE = 1024;

/** A downscaled photo, with the size it now has. */
export interface DownscaledImage extends PdfImage {
  width: number;
  height: number;
}

// The browser APIs used below, declared here: this file also runs (and is type-checked) in Node, without the DOM library.
interface Bitmap {
  width: number;
  height: number;
  close(): void;
}
interface BrowserImaging {
  createImageBitmap?: (blob: Blob) => Promise<Bitmap>;
  OffscreenCanvas?: new (width: number, height: number) => {
    width: number;
    height: number;
    getContext(kind: "2d"): { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; drawImage(b: Bitmap, x: number, y: number, w: number, h: number): void } | null;
    convertToBlob(options: { type: string; quality: number }): Promise<Blob>;
  };
}

/**
 * Re-encodes a photo as a JPEG at most MAX_PHOTO_SIDE pixels on its longest side, where the platform can
 * (browsers: createImageBitmap + OffscreenCanvas), and a WebP (which jsPDF cannot embed) as a JPEG whatever its
 * size. Returns the very same object when nothing changed: in Node (the CLI), for a JPEG or PNG already small
 * enough, or for bytes the browser cannot read. The app's export
 * (src/app/photos/exportWithReportPhotos.ts) runs this at export time, so the renderer finds every photo of
 * an app export already at the report size and embeds its bytes as they are, the same in Node and browser.
 */
export async function downscaleImage(img: PdfImage): Promise<PdfImage | DownscaledImage> {
  const g = globalThis as BrowserImaging;
  if (typeof g.createImageBitmap !== "function" || typeof g.OffscreenCanvas !== "function") return img;
  try {
    // A plain loop: Uint8Array.from with a mapping callback took ~90 ms per camera photo.
    const bin = atob(img.data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const bitmap = await g.createImageBitmap(new Blob([bytes], { type: img.mime }));
    const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
    // jsPDF embeds only JPEG and PNG: a WebP is re-encoded even when it is small enough.
    if (scale === 1 && img.mime !== "image/webp") {
      bitmap.close();
      return img;
    }
    const canvas = new g.OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
    const ctx = canvas.getContext("2d");
    if (!ctx) return img;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.82 });
    const out = new Uint8Array(await blob.arrayBuffer());
    let outBin = "";
    for (let i = 0; i < out.length; i += 0x8000) outBin += String.fromCharCode(...out.subarray(i, i + 0x8000));
    return { mime: "image/jpeg", data: btoa(outBin), width: canvas.width, height: canvas.height };
  } catch {
    return img;
  }
}
