import { isRoman } from "./isRoman";

/** What the TT column of a row says. */
export type Label =
  | { kind: "none" }
  | { kind: "section"; code: string }
  | { kind: "item"; code: string; style: "number" | "letter" }
  | { kind: "sub"; code: string }
  | { kind: "unknown"; text: string };

// Item letters follow the Vietnamese alphabet, which has no f, j, w, z and puts đ after d.
const ITEM_LETTER = /^[abcdđeghiklmnopqrstuvxy]$/;

/** Reads a TT cell: "I", "PHẦN II" (sections); "3", "3.", "đ)", "(e)" (items); "1.2" (a criterion). */
export function parseLabel(cell: string): Label {
  const text = cell.replace(/\s+/g, " ").trim();
  if (text === "") return { kind: "none" };
  const part = /^(?:PHẦN|Phần|MỤC|Mục)\s+([IVXLC]+|\d{1,2})\s*[.:]?$/.exec(text);
  if (part?.[1]) return { kind: "section", code: part[1] };
  const bare = text.replace(/^\(/, "").replace(/[.)]$/, "");
  if (isRoman(bare)) return { kind: "section", code: bare };
  if (/^\d{1,3}$/.test(bare)) return { kind: "item", code: String(Number(bare)), style: "number" };
  if (ITEM_LETTER.test(bare)) return { kind: "item", code: bare, style: "letter" };
  if (/^\d{1,3}(\.\d{1,3})+$/.test(bare)) return { kind: "sub", code: bare };
  return { kind: "unknown", text };
}
