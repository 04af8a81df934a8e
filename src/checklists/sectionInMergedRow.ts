import { isRoman } from "./isRoman";

const PART = /^(?:PHẦN|Phần|MỤC|Mục)\s+([IVXLC]+|\d{1,2})\b\s*[.:–—-]?\s*([\s\S]*)$/;
const NUMBERED = /^([IVXLC]+)\s*[.:)–—-]\s*([\s\S]+)$/;

/**
 * A section written inside one merged row ("I. ÁP DỤNG …", "PHẦN II: TUÂN THỦ …", "PHẦN I\nÁP DỤNG …"):
 * its code and title, or null when the text is not a section heading.
 */
export function sectionInMergedRow(text: string): { code: string; title: string } | null {
  const flat = text.replace(/\s+/g, " ").trim();
  const part = PART.exec(flat);
  if (part?.[1]) return { code: part[1], title: (part[2] ?? "").trim() };
  const numbered = NUMBERED.exec(flat);
  if (numbered?.[1] && numbered[2] && isRoman(numbered[1])) return { code: numbered[1], title: numbered[2].trim() };
  return null;
}
