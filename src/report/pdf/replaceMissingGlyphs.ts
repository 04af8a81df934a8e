/** Readable stand-ins for symbols people type into notes that the Latin + Vietnamese font subset lacks. */
const STAND_INS: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "≠": "<>",
  "≈": "~",
  "√": "x",
  "✓": "x",
  "✔": "x",
  "☑": "x",
  "☒": "x",
  "⩾": ">=",
  "⩽": "<=",
};

/**
 * `text` with every character the font cannot draw replaced: a font draws a missing glyph as nothing at all,
 * so "≥ 80%" would print as " 80%" and the PDF would silently say something else. Known symbols get a
 * stand-in ("≥" → ">=", a tick → "x" as Vietnamese forms mark a box), other spaces become a space, invisible
 * format characters (emoji joiners, variation selectors, skin tones) are dropped, and anything else becomes "?".
 */
export function replaceMissingGlyphs(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x0a || cp === 0x0d || hasGlyph(cp)) out += ch;
    else if (STAND_INS[ch]) out += STAND_INS[ch];
    else if (/\s/u.test(ch)) out += " ";
    else if (/\p{Cf}|\p{Mn}|\p{Emoji_Modifier}|[\uFE00-\uFE0F]/u.test(ch)) continue;
    else out += "?";
  }
  return out;
}
