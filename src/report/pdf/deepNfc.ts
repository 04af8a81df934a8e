/** A copy of a JSON-like value with every string (keys included) normalised to NFC. */
export function deepNfc<T>(value: T): T {
  if (typeof value === "string") return value.normalize("NFC") as T;
  if (Array.isArray(value)) return value.map((v) => deepNfc(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k.normalize("NFC")] = deepNfc(v);
    return out as T;
  }
  return value;
}
