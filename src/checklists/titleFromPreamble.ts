/**
 * A title for a matrix from the lines above it ("Phụ lục I", "NỘI DUNG THỰC HIỆN", "(Kèm theo Kế hoạch …)"):
 * the plain lines joined with " – ", and the bracketed ones as a note.
 */
export function titleFromPreamble(lines: string[]): { title: string; note: string } {
  const clean = lines.map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l !== "");
  const bracketed = clean.filter((l) => /^\(.*\)$/.test(l));
  const plain = clean.filter((l) => !/^\(.*\)$/.test(l)).slice(-3);
  return { title: plain.join(" – "), note: bracketed.join(" ") };
}
