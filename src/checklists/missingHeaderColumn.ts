import { headerRolesOf } from "./headerRolesOf";
import type { RawTable } from "./RawTable";

/**
 * For a table with no matrix header: the first row (of the first 30) that names at least two matrix columns
 * but lacks the TT column or a content column, so the refusal can say which one is missing. Null when no row
 * looks like a matrix header at all.
 */
export function missingHeaderColumn(table: RawTable): { row: number; missing: "label" | "content" } | null {
  for (const raw of table.rows.slice(0, 30)) {
    const roles = new Set(headerRolesOf(raw).filter((r) => r !== null));
    if (roles.size < 2) continue;
    if (!roles.has("label")) return { row: raw.row, missing: "label" };
    if (!roles.has("item") && !roles.has("activities")) return { row: raw.row, missing: "content" };
  }
  return null;
}
