import { foldVietnamese } from "./foldVietnamese";
import type { AgencyListParse, AgencyListRow } from "./parseAgencyList";

/**
 * Agency rows from a table already read from CSV or XLSX (cells as text): finds the header row (TT / tên đơn vị /
 * đơn vị chủ quản, optional năm), then reads one agency per row; a blank parent cell inherits the row above.
 */
export function agencyRowsFromTable(table: readonly (readonly unknown[])[]): AgencyListParse {
  const warnings: string[] = [];
  const rows: AgencyListRow[] = [];
  const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v)).normalize("NFC").replace(/\s+/g, " ").trim();
  let header = -1;
  let cols = { tt: -1, name: -1, parent: -1, year: -1 };
  for (let r = 0; r < Math.min(table.length, 30) && header < 0; r++) {
    const cells = (table[r] ?? []).map((v) => foldVietnamese(text(v)));
    const name = cells.findIndex((c) => c.startsWith("ten") && !c.includes("chu quan"));
    const parent = cells.findIndex((c) => c.includes("chu quan") || c.includes("cap tren") || c === "parent");
    if (name >= 0 && parent >= 0) {
      header = r;
      cols = {
        tt: cells.findIndex((c) => c === "tt" || c === "stt"),
        name,
        parent,
        year: cells.findIndex((c) => c.startsWith("nam") || c === "year"),
      };
    }
  }
  if (header < 0) {
    return { rows, warnings: ["Không tìm thấy dòng tiêu đề có cột tên đơn vị và đơn vị chủ quản."] };
  }
  let parent = "";
  for (let r = header + 1; r < table.length; r++) {
    const row = table[r] ?? [];
    const name = text(row[cols.name]);
    const parentCell = text(row[cols.parent]);
    if (parentCell) parent = parentCell;
    if (!name) continue;
    const yearCell = cols.year >= 0 ? text(row[cols.year]) : "";
    const year = /^\d{4}$/.test(yearCell) ? Number(yearCell) : null;
    if (yearCell && year === null) warnings.push(`Dòng ${r + 1}: năm "${yearCell}" không hợp lệ, bỏ qua.`);
    if (!parent) warnings.push(`Dòng ${r + 1}: "${name}" chưa có đơn vị chủ quản.`);
    rows.push({ line: r + 1, tt: cols.tt >= 0 ? text(row[cols.tt]) : String(rows.length + 1), name, parentName: parent, cohortYear: year });
  }
  if (rows.length === 0) warnings.push("Bảng không có dòng đơn vị nào.");
  return { rows, warnings };
}
