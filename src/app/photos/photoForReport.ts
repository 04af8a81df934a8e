interface Photo {
  mime: string;
  data: string;
}

/**
 * A stored photo as the PDF record embeds it: downscaled by the report's own downscaler (1024 px, JPEG), and a WebP
 * the downscaler left as it was (already small enough) re-encoded as JPEG at its size, because jsPDF embeds only
 * JPEG and PNG. Runs in this browser at export time, offline like the rest of the app.
 */
export async function photoForReport(photo: Photo): Promise<Photo & { width?: number; height?: number }> {
  // The report's own downscaler (a small module without jsPDF), loaded lazily like the rest of the report code.
  const { downscaleImage } = await import("../../report/pdf/downscaleImage");
  const shrunk = await downscaleImage(photo);
  if (shrunk.mime !== "image/webp") return shrunk;
  try {
    const bin = atob(shrunk.data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/webp" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d");
    if (!ctx) return shrunk;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.82 });
    const out = new Uint8Array(await blob.arrayBuffer());
    let outBin = "";
    for (let i = 0; i < out.length; i += 0x8000) outBin += String.fromCharCode(...out.subarray(i, i + 0x8000));
    return { mime: "image/jpeg", data: btoa(outBin), width: canvas.width, height: canvas.height };
  } catch {
    return shrunk;
  }
}
