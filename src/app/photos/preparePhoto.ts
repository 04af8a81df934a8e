import { sha256Hex } from "../db/sha256Hex";

/** Longest side of a stored photo, in pixels. */
export const MAX_PHOTO_SIDE = 1600;

/** Most bytes a stored 1600-px photo of a printed page should take (issue 14). */
export const PHOTO_BUDGET = 250 * 1024;

/**
 * Encoder settings, picked by measurement (`npm run bench -- photos`, docs/benchmarks.md "photos"): on the 1600-px
 * photo of a printed page, WebP at 0.8 keeps the text windows at luma SSIM 0.995 in 157 KB, better than the 0.993 of
 * the JPEG at 0.85 stored before (301 KB); JPEG, for engines that cannot encode WebP, needs 0.75 to stay under the
 * budget (212 KB, SSIM 0.985, above the 0.98 legibility floor). A photo still over the budget (a noisier page) is
 * encoded once more at the second quality, which still keeps the floor on the bench's page.
 */
export const PHOTO_ENCODINGS = [
  { mime: "image/webp", qualities: [0.8, 0.7] },
  { mime: "image/jpeg", qualities: [0.75, 0.65] },
] as const;

export type PhotoMime = (typeof PHOTO_ENCODINGS)[number]["mime"];

export interface PreparedPhoto {
  /** WebP or JPEG bytes as an ArrayBuffer (Blobs stored in IndexedDB fail on iOS Safari). */
  bytes: ArrayBuffer;
  mime: PhotoMime;
  width: number;
  height: number;
  sha256: string;
}

/**
 * A camera or gallery image made ready to store: turned upright from its EXIF orientation, scaled so its long side
 * is at most 1600 px, re-encoded (which also drops EXIF location data) and hashed with SHA-256. WebP where the
 * engine encodes it (Chromium, Firefox), else JPEG (WebKit: Safari, iPad): an engine that cannot encode WebP hands
 * back PNG, so the type of a returned blob decides, not a feature list.
 * Throws a Vietnamese message when the file is not an image the browser can read.
 */
export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    throw new Error("Không đọc được ảnh này. Hãy chụp lại hoặc chọn ảnh JPEG/PNG khác.");
  }
  const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  let blob: Blob | undefined;
  let mime: PhotoMime = "image/jpeg";
  try {
    const canvas = drawn(bitmap, width, height);
    for (const enc of PHOTO_ENCODINGS) {
      if (!(await canEncode(enc.mime))) continue;
      let b = await encode(canvas, enc.mime, enc.qualities[0]);
      if (b.type !== enc.mime) continue;
      if (b.size > PHOTO_BUDGET) {
        const smaller = await encode(canvas, enc.mime, enc.qualities[1]);
        if (smaller.size < b.size) b = smaller;
      }
      blob = b;
      mime = enc.mime;
      break;
    }
  } finally {
    bitmap.close();
  }
  if (!blob) throw new Error("Không nén được ảnh.");
  const bytes = await blob.arrayBuffer();
  return { bytes, mime, width, height, sha256: await sha256Hex(bytes) };
}

type Canvas = OffscreenCanvas | HTMLCanvasElement;

const encodable = new Map<string, Promise<boolean>>();

/**
 * Whether this engine writes `mime`, tried once on a 1×1 canvas: WebKit answers a WebP request with a PNG, and
 * finding that out on the photo itself cost a 2.3 MB PNG encode (1.3 s in WebKitGTK) for every photo.
 */
function canEncode(mime: string): Promise<boolean> {
  let known = encodable.get(mime);
  if (!known) {
    const probe = drawnBlank();
    known = encode(probe, mime, 0.8).then((b) => b.type === mime, () => false);
    encodable.set(mime, known);
  }
  return known;
}

function drawnBlank(): Canvas {
  const canvas: Canvas = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(1, 1) : Object.assign(document.createElement("canvas"), { width: 1, height: 1 });
  // An OffscreenCanvas without a context refuses convertToBlob.
  canvas.getContext("2d");
  return canvas;
}

function drawn(bitmap: ImageBitmap, width: number, height: number): Canvas {
  // Safari before 16.4 has no OffscreenCanvas.
  const canvas: Canvas = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(width, height) : Object.assign(document.createElement("canvas"), { width, height });
  const ctx = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (!ctx) throw new Error("Trình duyệt không hỗ trợ xử lý ảnh.");
  ctx.drawImage(bitmap, 0, 0, width, height);
  return canvas;
}

function encode(canvas: Canvas, type: string, quality: number): Promise<Blob> {
  // Not `"toBlob" in canvas`: Firefox's OffscreenCanvas still has its old promise-returning toBlob, which ignores
  // a callback, so the photo never came back there.
  if ("convertToBlob" in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("Không nén được ảnh."))), type, quality));
}
