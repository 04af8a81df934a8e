const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// Tags that end a line when a converter leaves HTML in a cell; other tags just disappear.
const BLOCK_TAG = /^(br|p|div|li|ul|ol|tr|td|th)$/i;
// Anything the slow path would change: markup, escapes, combining marks (NFC), odd or repeated whitespace.
const NEEDS_WORK = /[<&*_\t\n\r\v\f\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]|\p{M}| {2}/u;

function entity(whole: string, name: string): string {
  if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? whole;
  const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/**
 * A cell's text made clean but with its line structure kept: markup left by converters removed (HTML tags and
 * entities, `**` emphasis, OOXML `_x000D_` escapes), Unicode NFC, invisible characters dropped, whitespace
 * collapsed inside each line, empty lines dropped. Lines are joined with "\n".
 */
export function cleanCellText(raw: string): string {
  if (raw === "") return "";
  // Most cells need none of the work below: checking first makes large imports several times faster.
  if (!NEEDS_WORK.test(raw)) return raw.trim();
  let text = raw;
  if (text.includes("_x")) text = text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (text.includes("<")) text = text.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?\/?>/g, (_, tag: string) => (BLOCK_TAG.test(tag) ? "\n" : " "));
  if (text.includes("&")) text = text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, entity);
  if (text.includes("**")) text = text.replace(/\*\*/g, "");
  text = text
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/\r\n?|[\u2028\u2029\v\f]/g, "\n");
  let out = "";
  for (const line of text.split("\n")) {
    const clean = line.replace(/[\s\u00A0]+/g, " ").trim();
    if (clean !== "") out = out === "" ? clean : `${out}\n${clean}`;
  }
  return out;
}
