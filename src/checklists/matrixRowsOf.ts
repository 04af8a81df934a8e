import { cleanCellText } from "./cleanCellText";
import type { ColumnRole } from "./ColumnRole";
import { columnRoleOf } from "./columnRoleOf";
import type { MatrixHeader } from "./findHeader";
import { isNumberingRow } from "./isNumberingRow";
import type { ImportWarning } from "./ImportWarning";
import type { RawTable } from "./RawTable";
import { sectionInMergedRow } from "./sectionInMergedRow";

export interface RoleCell {
  text: string;
  /** Covered by a range merged from a row above: the text is the anchor's. */
  above: boolean;
}

/** A body row of the matrix with its cells named by role; page-break continuations already joined. */
export interface MatrixRow {
  row: number;
  cells: Partial<Record<ColumnRole, RoleCell>>;
  /** A section heading written inside a merged row. */
  mergedSection?: { code: string; title: string };
}

const ROLES: ColumnRole[] = ["label", "item", "activities", "evidence", "responsible", "coordinating", "timing"];

function text(r: MatrixRow, role: ColumnRole): string {
  const cell = r.cells[role];
  return cell && !cell.above ? cell.text : "";
}

function joinContinuation(into: MatrixRow, from: MatrixRow): void {
  for (const role of ROLES) {
    const add = text(from, role);
    if (add === "") continue;
    const cell = into.cells[role];
    if (!cell || cell.text === "" || cell.above) {
      into.cells[role] = { text: add, above: false };
      continue;
    }
    // A continued list goes on as a new entry; a continued sentence just goes on.
    const sep = /^[-+•]\s/.test(add) ? "\n" : " ";
    into.cells[role] = { text: `${cell.text}${sep}${add}`, above: false };
  }
}

/**
 * The body rows of a matrix, by role. Blank rows are dropped, but remembered: a row after one, with no label,
 * that starts in lower case continues the row above across a page break. So does an unlabelled row that only
 * carries more of an item's title (no "Nội dung thực hiện" of its own). Its cells are joined to the row above, cell by cell.
 */
export function matrixRowsOf(table: RawTable, header: MatrixHeader, warnings: ImportWarning[]): MatrixRow[] {
  const out: MatrixRow[] = [];
  let blankBefore = false;
  for (const raw of table.rows.slice(header.bodyStart)) {
    const own = raw.cells.map((c) => (c.merged ? "" : cleanCellText(c.text)));
    const filled = own.filter((t) => t !== "");
    if (filled.length === 0) {
      if (!raw.cells.some((c) => c.merged)) blankBefore = true;
      continue;
    }
    // Documents converted from PDF repeat the header (and its column numbers) at the top of every page.
    const labelCol = header.columns.label;
    const labelText = labelCol === undefined ? "" : (own[labelCol] ?? "");
    if ((labelText !== "" && columnRoleOf(labelText) === "label") || isNumberingRow(raw)) {
      warnings.push({ row: raw.row, message: "repeated header row skipped", messageVi: "bỏ qua dòng tiêu đề bảng lặp lại" });
      blankBefore = false;
      continue;
    }
    const row: MatrixRow = { row: raw.row, cells: {} };
    for (const role of ROLES) {
      const col = header.columns[role];
      const cell = col === undefined ? undefined : raw.cells[col];
      if (col === undefined || !cell || cell.merged === "left") continue;
      row.cells[role] = { text: cell.merged ? cleanCellText(cell.text) : (own[col] ?? ""), above: cell.merged === "above" };
    }
    // An item's title merged across "Nội dung thực hiện" is its activity as well.
    const itemCol = header.columns.item;
    const activitiesCol = header.columns.activities;
    if (itemCol !== undefined && activitiesCol !== undefined && activitiesCol > itemCol && text(row, "item") !== "") {
      const span = raw.cells.slice(itemCol + 1, activitiesCol + 1);
      if (span.every((c) => c.merged === "left")) row.cells.activities = { text: text(row, "item"), above: false };
    }
    if (filled.length === 1) {
      const section = sectionInMergedRow(filled[0]!);
      if (section && text(row, "item") === "") row.mergedSection = section;
    }
    const prev = out[out.length - 1];
    // A label merged down from above means the row belongs to that item: a merge, not a page break.
    const unlabelled = text(row, "label") === "" && !row.cells.label?.above && !row.mergedSection;
    // Without a "Nội dung thực hiện" column an unlabelled row with text is a criterion, not a continuation.
    const onlyTitle = text(row, "item") !== "" && header.columns.activities !== undefined && text(row, "activities") === "";
    const firstText = ROLES.map((r) => text(row, r)).find((t) => t !== "") ?? "";
    const lowerAfterBreak = blankBefore && /^\p{Ll}/u.test(firstText);
    if (prev && unlabelled && (onlyTitle || lowerAfterBreak)) {
      joinContinuation(prev, row);
      warnings.push({
        row: raw.row,
        message: `row joined to row ${prev.row} above (cut by a page break)`,
        messageVi: `dòng được nối vào dòng ${prev.row} phía trên (bị ngắt trang)`,
      });
    } else {
      out.push(row);
    }
    blankBefore = false;
  }
  return out;
}
