import { cleanCellText } from "./cleanCellText";
import type { RawRow } from "./RawTable";

/** A row of column numbers under a header: "(1) (2) (3) …" or "1 2 3 …". */
export function isNumberingRow(row: RawRow): boolean {
  const texts = row.cells.map((c) => (c.merged ? "" : cleanCellText(c.text))).filter((t) => t !== "");
  return texts.length >= 3 && texts.every((t) => /^\(?\d{1,2}\)?$/.test(t));
}
