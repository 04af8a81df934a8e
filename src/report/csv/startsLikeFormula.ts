/** True when a spreadsheet would read `text` as a formula: it starts with = + - @, or a tab or CR Excel skips. */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/u.test(text);
}
