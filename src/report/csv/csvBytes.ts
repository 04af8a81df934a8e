/** A CSV string (BOM included) as UTF-8 bytes for a download or a file. */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv);
}
