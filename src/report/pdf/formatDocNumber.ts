/**
 * `Số: 12/BB-ĐKT`. `kind` is the document type code (BB, BC, KH, QĐ, TB; null for a letter, công văn) and
 * `symbol` the issuer's abbreviation. A missing number leaves `…` to be filled in when the document is registered.
 */
export function formatDocNumber(number: string, kind: string | null, symbol: string): string {
  const sym = symbol.trim().replace(/^\/+/, "");
  const code = kind && !sym.startsWith(`${kind}-`) ? (sym ? `${kind}-${sym}` : kind) : sym;
  const n = number.trim() || "…";
  return `Số: ${n}/${code}`;
}
