/**
 * `Số: 12/BB-ĐKT`. `kind` is the document type code (BB, BC, KH, QĐ, TB; null for a letter, công văn) and
 * `symbol` the issuer's abbreviation. Decree 30/2020 writes numbers below 10 with a leading zero (`Số: 05/…`).
 * A missing number leaves `…` to be filled in when the document is registered.
 */
export function formatDocNumber(number: string, kind: string | null, symbol: string): string {
  const sym = symbol.trim().replace(/^\/+/, "");
  const code = kind && !sym.startsWith(`${kind}-`) ? (sym ? `${kind}-${sym}` : kind) : sym;
  const raw = number.trim().replace(/^Số:?\s*/iu, "");
  const n = raw.replace(/^([1-9])(?=\/|$)/u, "0$1") || "…";
  // A number typed in full ("12/BB-ĐKT") is kept as typed rather than given a second symbol.
  return n.includes("/") ? `Số: ${n}` : `Số: ${n}/${code}`;
}
