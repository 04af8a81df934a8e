import type { AgencyKind } from "./agency";

/** One row of an agency list: the TT column, the agency and its parent unit (empty rows inherit the one above). */
export interface AgencyListRow {
  line: number;
  tt: string;
  name: string;
  parentName: string;
  /** The cohort year of the list heading the row sits under ("1. Năm 2022 (32 đơn vị)"), if any. */
  cohortYear: number | null;
  /** From a table's optional "Loại" column; otherwise the kind is guessed from the name. */
  kind?: AgencyKind;
  /** From a table's optional "Hiệu lực từ" / "Hiệu lực đến" columns (the 2025 reorganisation). */
  validFrom?: string;
  validTo?: string;
}

export interface AgencyListParse {
  rows: AgencyListRow[];
  warnings: string[];
}

const TT_RE = /^\d{1,4}\.?$/;
const YEAR_HEADING_RE = /^\s*\d+\.\s*Năm\s+(\d{4})\b/u;

/**
 * Reads a list shaped like the appendix of a provincial plan (seed 003): after a header row "TT / Tên đơn vị / Tên
 * đơn vị chủ quản", each agency is a TT cell, its name and its parent unit, one cell per line (often tab-indented),
 * with the parent left blank while it stays the same. Text before the first header row is ignored.
 */
export function parseAgencyList(text: string): AgencyListParse {
  const lines = text.normalize("NFC").replace(/\r\n?/g, "\n").split("\n");
  const rows: AgencyListRow[] = [];
  const warnings: string[] = [];
  let inTable = false;
  let cohortYear: number | null = null;
  let parent = "";
  let i = 0;
  const cell = (k: number): string => (lines[k] ?? "").replace(/\s+/g, " ").trim();
  while (i < lines.length) {
    const raw = lines[i] ?? "";
    const year = YEAR_HEADING_RE.exec(raw);
    if (year && !raw.startsWith("\t")) {
      cohortYear = Number(year[1]);
      parent = "";
      i++;
      continue;
    }
    const c = cell(i);
    if (c === "TT" || c === "STT") {
      inTable = true;
      parent = "";
      i += 3;
      continue;
    }
    if (inTable && TT_RE.test(c) && raw.startsWith("\t")) {
      const name = cell(i + 1);
      const parentLine = lines[i + 2] ?? "";
      const parentCell = cell(i + 2);
      const parentIsCell = parentLine.startsWith("\t") && !TT_RE.test(parentCell);
      if (parentIsCell && parentCell !== "") parent = parentCell;
      if (!name) warnings.push(`Dòng ${i + 2}: thiếu tên đơn vị ở số thứ tự ${c}.`);
      else {
        if (!parent) warnings.push(`Dòng ${i + 2}: "${name}" chưa có đơn vị chủ quản.`);
        rows.push({ line: i + 2, tt: c.replace(/\.$/, ""), name, parentName: parent, cohortYear });
      }
      i += parentIsCell ? 3 : 2;
      continue;
    }
    i++;
  }
  if (rows.length === 0) warnings.push("Không tìm thấy bảng danh sách đơn vị (cột TT, tên đơn vị, đơn vị chủ quản).");
  return { rows, warnings };
}
