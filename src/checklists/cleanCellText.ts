const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// Tags that end a line when a converter leaves HTML in a cell; other tags just disappear.
const BLOCK_TAG = /^(br|p|div|li|ul|ol|tr|td|th)$/i;

/**
 * A cell's text made clean but with its line structure kept: markup left by converters removed (HTML tags and
 * entities, `**` emphasis, OOXML `_x000D_` escapes), Unicode NFC, invisible characters dropped, whitespace
 * collapsed inside each line, empty lines dropped. Lines are joined with "\n".
 */
export function cleanCellText(raw: string): string {
  if (raw === "") return "";
  const text = raw
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?\/?>/g, (_, tag: string) => (BLOCK_TAG.test(tag) ? "\n" : " "))
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
      if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\*\*/g, "")
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/\r\n?|[\u2028\u2029\v\f]/g, "\n");
  return text
    .split("\n")
    .map((line) => line.replace(/[\s\u00A0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
