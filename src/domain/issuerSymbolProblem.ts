import { foldVietnamese } from "./foldVietnamese";

/** The kind code (NĐ 30/2020 Phụ lục III) before the issuer's abbreviation; null: a công văn, which has none. */
export const SYMBOL_KIND_CODES = { record: "BB", letter: null, plan: "KH", notice: "TB", report: "BC" } as const;

/** The initials of a body's name, folded ("SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "skhvcn"); an abbreviated word such as
 * "KH&CN" gives each of its letters. */
function initialsOf(body: string): string {
  return foldVietnamese(body)
    .split(/[\s,.()/-]+/u)
    .filter(Boolean)
    .map((w) => (w.includes("&") ? w.replace(/[^a-z]/gu, "") : w.replace(/[^a-z0-9]/gu, "").slice(0, 1)))
    .join("");
}

/**
 * Whether `abbr` abbreviates `body`: its letters are initials of the body's words, in order, starting with the first
 * word; words may be left out ("SKHCN" for "Sở Khoa học và Công nghệ", "CCTĐC" for "Chi cục Tiêu chuẩn Đo lường
 * Chất lượng"). NĐ 30 says only that the symbol holds the abbreviation of the issuing body's name; this is the
 * reading that accepts the abbreviations in use and refuses another body's ("ĐKT" under the Sở).
 */
export function abbreviates(abbr: string, body: string): boolean {
  const a = foldVietnamese(abbr).replace(/[^a-z0-9]/gu, "");
  const initials = initialsOf(body);
  if (a.length < 2 || initials.length === 0 || a[0] !== initials[0]) return false;
  let i = 0;
  for (const ch of initials) if (ch === a[i]) i++;
  return i === a.length;
}

/** The abbreviation a body's name suggests: its initials without "và" ("SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "SKHCN"). */
export function suggestedAbbreviation(body: string): string {
  return body
    .normalize("NFC")
    .split(/\s+/u)
    .filter((w) => w && foldVietnamese(w) !== "va")
    .map((w) => (w.includes("&") ? w.replace(/[^\p{L}]/gu, "") : [...w][0]!))
    .join("")
    .toUpperCase();
}

/**
 * Why `symbol` ("BB-SKHCN", or a number typed in full, "05/BB-SKHCN") cannot be the number symbol of a document of
 * `kind` issued by `issuingBody`, in Vietnamese; null when it can. NĐ 30/2020 Phụ lục I: the symbol of a document is
 * its kind's abbreviation then the issuing body's ("BB-SKHCN"); a công văn's is the issuing body's abbreviation then
 * the drafting unit's ("SKHCN-TĐC"). An empty symbol or body is not judged here (it is a gap, not an error).
 */
export function issuerSymbolProblem(kind: keyof typeof SYMBOL_KIND_CODES, issuingBody: string, symbol: string, draftingUnit = ""): string | null {
  const sym = symbol.normalize("NFC").trim().replace(/^Số:?\s*/iu, "").replace(/^[^/]*\//u, "");
  const body = issuingBody.normalize("NFC").trim();
  if (!sym || !body) return null;
  const parts = sym.split("-").map((p) => p.trim());
  const code = SYMBOL_KIND_CODES[kind];
  const suggestion = suggestedAbbreviation(body);
  const law = "(Nghị định 30/2020/NĐ-CP, Phụ lục I)";
  if (code !== null) {
    if (parts[0] !== code) return `Ký hiệu "${sym}" phải bắt đầu bằng "${code}-" (chữ viết tắt tên loại văn bản) ${law}.`;
    const abbr = parts[1] ?? "";
    if (!abbreviates(abbr, body)) {
      return `Ký hiệu "${sym}" không khớp cơ quan ban hành "${body}": sau "${code}-" phải là chữ viết tắt tên cơ quan ban hành, ví dụ "${code}-${suggestion}" ${law}.`;
    }
    return null;
  }
  if (!abbreviates(parts[0] ?? "", body)) {
    return `Ký hiệu công văn "${sym}" không khớp cơ quan ban hành "${body}": phải bắt đầu bằng chữ viết tắt tên cơ quan ban hành, ví dụ "${suggestion}-${draftingUnit.trim() || "TĐC"}" ${law}.`;
  }
  const unit = draftingUnit.normalize("NFC").trim();
  if (unit && parts.length > 1 && parts.slice(1).join("-") !== unit) {
    return `Ký hiệu công văn "${sym}" phải kết thúc bằng đơn vị soạn thảo "${unit}" ${law}.`;
  }
  return null;
}
