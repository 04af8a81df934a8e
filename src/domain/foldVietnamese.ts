/**
 * Lower-case text with Vietnamese diacritics removed and whitespace collapsed, for searching:
 * "UBND xã Mường Lý" → "ubnd xa muong ly". đ/Đ has no combining mark, so it is mapped to d explicitly.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
