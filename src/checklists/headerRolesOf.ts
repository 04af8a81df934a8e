import { cleanCellText } from "./cleanCellText";
import type { ColumnRole } from "./ColumnRole";
import { columnRoleOf } from "./columnRoleOf";
import type { RawRow } from "./RawTable";

/** The column role each cell of a row names if it were a header row (null for an empty or unknown cell). */
export function headerRolesOf(row: RawRow): (ColumnRole | null)[] {
  return row.cells.map((cell) => {
    const text = cell.merged ? "" : cleanCellText(cell.text);
    return text === "" ? null : columnRoleOf(text);
  });
}
