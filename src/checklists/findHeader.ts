import { cleanCellText } from "./cleanCellText";
import { headerRolesOf } from "./headerRolesOf";
import { isNumberingRow } from "./isNumberingRow";
import type { ColumnRole } from "./ColumnRole";
import type { RawRow, RawTable } from "./RawTable";

export interface MatrixHeader {
  /** Index in `table.rows` of the header row. */
  index: number;
  /** Index of the first row after the header (and after a sub-header or column-number row). */
  bodyStart: number;
  columns: Partial<Record<ColumnRole, number>>;
  /** Header cells the importer does not use, by column index. */
  ignored: { column: number; text: string }[];
}

function cellText(row: RawRow, col: number): string {
  const cell = row.cells[col];
  return cell && !cell.merged ? cleanCellText(cell.text) : "";
}

/**
 * The header row of an inspection matrix: the first row (of the first 30) naming a TT column and a content
 * column ("Nội dung …"), whatever the wording and order. A second header row under it (e.g. "Chủ trì" /
 * "Phối hợp" under a merged "Cơ quan") and a row of column numbers are taken in too. Null when the table is
 * not a matrix.
 */
export function findHeader(table: RawTable): MatrixHeader | null {
  const limit = Math.min(table.rows.length, 30);
  for (let i = 0; i < limit; i++) {
    const row = table.rows[i];
    if (!row) continue;
    const roles = headerRolesOf(row);
    if (!roles.includes("label") || !(roles.includes("item") || roles.includes("activities"))) continue;
    const columns: Partial<Record<ColumnRole, number>> = {};
    const ignored: { column: number; text: string }[] = [];
    const claim = (rs: (ColumnRole | null)[], r: RawRow, onlyFree: boolean): void => {
      rs.forEach((role, col) => {
        const text = cellText(r, col);
        if (role && columns[role] === undefined && !(onlyFree && Object.values(columns).includes(col))) {
          columns[role] = col;
        } else if (text !== "" && !onlyFree) ignored.push({ column: col, text });
      });
    };
    claim(roles, row, false);
    let bodyStart = i + 1;
    const next = table.rows[bodyStart];
    if (next) {
      const nextRoles = headerRolesOf(next);
      const texts = next.cells.map((_, c) => cellText(next, c)).filter((t) => t !== "");
      if (texts.length > 0 && texts.length === nextRoles.filter((r) => r !== null).length && !nextRoles.includes("label")) {
        claim(nextRoles, next, true);
        const claimedCols = new Set(Object.values(columns));
        for (let k = ignored.length - 1; k >= 0; k--) if (claimedCols.has(ignored[k]!.column)) ignored.splice(k, 1);
        bodyStart++;
      }
    }
    const afterSub = table.rows[bodyStart];
    if (afterSub && isNumberingRow(afterSub)) bodyStart++;
    return { index: i, bodyStart, columns, ignored };
  }
  return null;
}
