const HAS_BULLET = /[-+•·▪◦*–]/;
const BULLET_START = /^[-+•·▪◦*–]\s+/;
const INLINE_BULLET = /\s+[-+•·▪◦–]\s+/;
// A list that starts after a lead-in: "… các nội dung: - A; - B."
const LEAD_IN = /([:;])\s+[-+•·▪◦–]\s+/;

/**
 * The list entries of a cleaned cell: every line is an entry, and a line that starts with a bullet
 * (-, +, •) or reaches one after a colon or semicolon is split at each further bullet, which is how text
 * pasted from Word flattens a bulleted cell. Bullets themselves are dropped.
 */
export function splitListEntries(cell: string): string[] {
  const entries: string[] = [];
  for (const line of cell.split("\n")) {
    if (!HAS_BULLET.test(line)) {
      entries.push(line);
      continue;
    }
    if (BULLET_START.test(line)) {
      entries.push(...line.replace(BULLET_START, "").split(INLINE_BULLET));
      continue;
    }
    const lead = LEAD_IN.exec(line);
    if (lead) {
      entries.push(line.slice(0, lead.index + 1));
      entries.push(...line.slice(lead.index + lead[0].length).split(INLINE_BULLET));
      continue;
    }
    entries.push(line);
  }
  return entries.map((e) => e.trim()).filter((e) => e !== "");
}
