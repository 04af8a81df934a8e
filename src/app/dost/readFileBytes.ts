/** A picked file's bytes, through FileReader (works in every browser this app supports, and in jsdom). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error("Không đọc được tệp."));
    r.readAsArrayBuffer(file);
  });
}
