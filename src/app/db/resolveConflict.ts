import type { Change } from "../../domain/change";
import type { EntityName } from "../../domain/entities";
import type { AppDb } from "./AppDb";
import { rowTable } from "./rowTable";
import { writeEdits, type WriteOptions } from "./writeEdits";
import { WriteRefusedError } from "./WriteRefusedError";

/**
 * The team lead's choice for a field with conflicts: one edit that overwrites the shown value and every value kept
 * beside it (`merges`), so the field has one value again on every replica that receives it.
 */
export async function resolveConflict(
  db: AppDb,
  entity: EntityName,
  rowId: string,
  field: string,
  value: unknown,
  opts: WriteOptions = {},
): Promise<Change[]> {
  const row = await rowTable.get(db, entity, rowId);
  if (!row) throw new WriteRefusedError("Không tìm thấy bản ghi cần xử lý.");
  const merges = (row._conflicts?.[field] ?? []).filter((c) => c.reason !== "locked").map((c) => c.hlc);
  return writeEdits(db, [{ entity, rowId, field, value, merges }], opts);
}
