/** A 0-based column index as the source shows it: "A", "AB" for spreadsheets, "1", "28" otherwise. */
export function columnName(index: number, style: "letter" | "number"): string {
  if (style === "number") return String(index + 1);
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
