import { neutraliseFormula } from "./neutraliseFormula";

export type CsvCell = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so Excel reads Vietnamese right), CRLF line ends, NFC text, and
 * text cells that look like formulas neutralised. Numbers are written as numbers.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  const lines = rows.map((row) => row.map(cell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function cell(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const s = neutraliseFormula(v.normalize("NFC"));
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}
