import { AGENCY_KIND_LABELS_VI, AGENCY_KINDS, type AgencyKind } from "./agency";
import { foldVietnamese } from "./foldVietnamese";
import { IsoDateSchema } from "./isoDate";
import type { AgencyListParse, AgencyListRow } from "./parseAgencyList";

/** A kind cell: the code or the Vietnamese label, with or without diacritics ("UBND phường", "ward_committee"). */
function kindOf(cell: string): AgencyKind | undefined {
  const f = foldVietnamese(cell);
  return AGENCY_KINDS.find((k) => k === cell.trim() || foldVietnamese(AGENCY_KIND_LABELS_VI[k]) === f);
}

/** A date cell typed dd/mm/yyyy (as Vietnamese spreadsheets and the XLSX reader give it) or yyyy-mm-dd. */
function dateOf(cell: string): string | undefined {
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell);
  const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : cell;
  return IsoDateSchema.safeParse(iso).success ? iso : undefined;
}

/**
 * Agency rows from a table already read from CSV or XLSX (cells as text): finds the header row (TT / tên đơn vị /
 * đơn vị chủ quản, optional năm, loại, hiệu lực từ, hiệu lực đến), then reads one agency per row; a blank parent
 * cell inherits the row above.
 */
export function agencyRowsFromTable(table: readonly (readonly unknown[])[]): AgencyListParse {
  const warnings: string[] = [];
  const rows: AgencyListRow[] = [];
  const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v)).normalize("NFC").replace(/\s+/g, " ").trim();
  let header = -1;
  let cols = { tt: -1, name: -1, parent: -1, year: -1, kind: -1, from: -1, to: -1 };
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
        kind: cells.findIndex((c) => c.startsWith("loai") || c === "kind"),
        from: cells.findIndex((c) => /^(hieu luc )?tu ngay\b|^hieu luc tu\b|^valid ?from$/.test(c)),
        to: cells.findIndex((c) => /^(hieu luc )?den ngay\b|^hieu luc den\b|^(ngay )?ket thuc\b|^valid ?to$/.test(c)),
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
    const extra: Pick<AgencyListRow, "kind" | "validFrom" | "validTo"> = {};
    const kindCell = cols.kind >= 0 ? text(row[cols.kind]) : "";
    if (kindCell) {
      const k = kindOf(kindCell);
      if (k) extra.kind = k;
      else warnings.push(`Dòng ${r + 1}: loại cơ quan "${kindCell}" không có trong danh mục loại; đoán theo tên.`);
    }
    for (const [col, key, label] of [[cols.from, "validFrom", "hiệu lực từ"], [cols.to, "validTo", "hiệu lực đến"]] as const) {
      const cell = col >= 0 ? text(row[col]) : "";
      if (!cell) continue;
      const d = dateOf(cell);
      if (d) extra[key] = d;
      else warnings.push(`Dòng ${r + 1}: ngày ${label} "${cell}" không hợp lệ (cần dd/mm/yyyy), bỏ qua.`);
    }
    if (extra.validFrom && extra.validTo && extra.validFrom > extra.validTo) {
      warnings.push(`Dòng ${r + 1}: "${name}" hết hiệu lực trước khi bắt đầu; bỏ qua hai ngày này.`);
      delete extra.validFrom;
      delete extra.validTo;
    }
    rows.push({ line: r + 1, tt: cols.tt >= 0 ? text(row[cols.tt]) : String(rows.length + 1), name, parentName: parent, cohortYear: year, ...extra });
  }
  if (rows.length === 0) warnings.push("Bảng không có dòng đơn vị nào.");
  return { rows, warnings };
}
