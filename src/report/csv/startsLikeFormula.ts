/**
 * True when a spreadsheet could read `text` as a formula: it starts with = + - @ (or their full-width forms,
 * which some Excel locales also accept), also after leading whitespace, which Excel and LibreOffice skip
 * before such a sign; or it starts with a tab or CR.
 */
export function startsLikeFormula(text: string): boolean {
  return /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u.test(text);
}
