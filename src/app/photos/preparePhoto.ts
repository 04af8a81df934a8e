import { sha256Hex } from "../db/sha256Hex";

/** Longest side of a stored photo, in pixels. */
export const MAX_PHOTO_SIDE = 1600;

export interface PreparedPhoto {
  /** JPEG bytes as an ArrayBuffer (Blobs stored in IndexedDB fail on iOS Safari). */
  bytes: ArrayBuffer;
  mime: "image/jpeg";
  width: number;
  height: number;
  sha256: string;
}

/**
 * A camera or gallery image made ready to store: turned upright from its EXIF orientation, scaled so its long side
 * is at most 1600 px, re-encoded as JPEG (which also drops EXIF location data) and hashed with SHA-256.
 * Throws a Vietnamese message when the file is not an image the browser can read.
 */
export async function preparePhoto(file: Blob, quality = 0.85): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    throw new Error("Không đọc được ảnh này. Hãy chụp lại hoặc chọn ảnh JPEG/PNG khác.");
  }
  const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  let blob: Blob;
  try {
    blob = await encode(bitmap, width, height, quality);
  } finally {
    bitmap.close();
  }
  const bytes = await blob.arrayBuffer();
  return { bytes, mime: "image/jpeg", width, height, sha256: await sha256Hex(bytes) };
}

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== "undefined") {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("Trình duyệt không hỗ trợ xử lý ảnh.");
    ctx.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: "image/jpeg", quality });
  }
  // Safari before 16.4 has no OffscreenCanvas.
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("Trình duyệt không hỗ trợ xử lý ảnh.");
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("Không nén được ảnh."))), "image/jpeg", quality),
  );
}
