/** `n` bytes from the platform's secure random source (browser and Node 20 both have globalThis.crypto). */
export function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  crypto.getRandomValues(b);
  return b;
}
