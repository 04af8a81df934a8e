import { foldVietnamese } from "../domain/foldVietnamese";

/**
 * True when a section's title describes the inspection itself ("Kiểm tra, đánh giá kết quả thực hiện …",
 * "Tổ chức kiểm tra …") rather than a requirement. "Kiểm tra việc …" (Art. 36's own wording for what is
 * checked) is a requirement and stays scored.
 */
export function isInspectionSection(title: string): boolean {
  const folded = foldVietnamese(title).replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
  if (/^(to chuc |thuc hien |cong tac )*kiem tra (viec|su)\b/.test(folded)) return false;
  return /^(to chuc |thuc hien |cong tac )*kiem tra\b/.test(folded) || /\b(doan kiem tra|tong hop ket qua kiem tra)\b/.test(folded);
}
