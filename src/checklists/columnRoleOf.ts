import { foldVietnamese } from "../domain/foldVietnamese";
import type { ColumnRole } from "./ColumnRole";

// Tried in order on the folded header text, so "Nội dung thực hiện" is claimed before "Nội dung".
const PATTERNS: [ColumnRole, RegExp][] = [
  ["label", /^(s?tt|so tt|so thu tu|thu tu)$/],
  ["activities", /^(noi dung (cong viec |can )?thuc hien|hoat dong thuc hien|cong viec thuc hien|noi dung cong viec|cac hoat dong)\b/],
  ["item", /^(noi dung|yeu cau|tieu chi|hang muc)\b/],
  ["evidence", /^(ket qua|san pham|ho so|minh chung|tai lieu|bang chung)\b/],
  ["coordinating", /^((co quan|don vi)( don vi)? )?phoi hop\b/],
  ["responsible", /^((co quan|don vi)( don vi)? (thuc hien|chu tri)|chu tri|trach nhiem|nguoi thuc hien)\b/],
  ["timing", /^(thoi gian|thoi han|tien do)\b/],
];

/** The role a header cell names, or null for a column the importer does not use. */
export function columnRoleOf(header: string): ColumnRole | null {
  const folded = foldVietnamese(header)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (folded === "") return null;
  for (const [role, pattern] of PATTERNS) if (pattern.test(folded)) return role;
  return null;
}
