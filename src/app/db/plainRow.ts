/** A merged row without its bookkeeping (`_hlc`, `_conflicts`), over defaults for fields not yet written. */
export function plainRow<T>(row: Record<string, unknown>, defaults: Partial<T>): T {
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(row)) if (!k.startsWith("_") && v !== undefined) out[k] = v;
  return out as T;
}
