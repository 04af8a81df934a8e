import type { EntityName } from "../../domain/entities";
import { mergeField } from "../../domain/mergeField";
import { lockingInspectionId, mergeOptionsFor } from "../../domain/mergeOptionsFor";
import type { AppDb } from "./AppDb";
import type { AnyRow } from "./rowTypes";
import { rowTable } from "./rowTable";
import { TABLE_OF } from "./tableNames";

/** The finalize lock governing a row: the stamp of its inspection's `status` when that is `finalized`. */
export async function lockOf(db: AppDb, entity: EntityName, rowId: string, row: AnyRow): Promise<string | null> {
  const inspectionId = lockingInspectionId(entity, rowId, row);
  if (!inspectionId) return null;
  const insp = entity === "inspection" ? row : await db.inspections.get(inspectionId);
  return insp?.status === "finalized" ? (insp._hlc?.status ?? null) : null;
}

/** Fields of a row that have changes (a value or kept conflicts). */
function fieldsOf(row: AnyRow): string[] {
  return [...new Set([...Object.keys(row._hlc ?? {}), ...Object.keys(row._conflicts ?? {})])];
}

/** Recompute one field of `row` (in memory) from every change to it. */
async function mergeOne(db: AppDb, entity: EntityName, row: AnyRow, field: string, lock: string | null): Promise<void> {
  const changes = await db.changes.where("[entity+rowId+field]").equals([entity, row.id, field]).toArray();
  const state = mergeField(changes, mergeOptionsFor(entity, field, lock));
  const hlc = { ...row._hlc };
  const conflicts = { ...row._conflicts };
  if (!state) {
    delete row[field];
    delete hlc[field];
    delete conflicts[field];
  } else {
    row[field] = state.value;
    if (state.hlc) hlc[field] = state.hlc;
    else delete hlc[field];
    if (state.conflicts.length > 0) conflicts[field] = state.conflicts;
    else delete conflicts[field];
  }
  row._hlc = hlc;
  if (Object.keys(conflicts).length > 0) row._conflicts = conflicts;
  else delete row._conflicts;
}

/**
 * Re-merge the given fields of one row from the `changes` table and store the row. Must run inside a rw
 * transaction over every table. A row's state stays a pure function of its changes: when an inspection's lock
 * moves (finalized, reopened) its own fields, results and findings are re-merged; when a row learns which
 * inspection it belongs to, its other fields are.
 */
export async function mergeIntoRow(db: AppDb, entity: EntityName, rowId: string, fields: Iterable<string>): Promise<AnyRow> {
  const row: AnyRow = (await rowTable.get(db, entity, rowId)) ?? { id: rowId };
  const wanted = new Set(fields);
  const lockBefore = await lockOf(db, entity, rowId, row);
  const inspBefore = row.inspectionId;

  if (entity === "inspection" && wanted.has("status")) await mergeOne(db, entity, row, "status", lockBefore);
  let lock = await lockOf(db, entity, rowId, row);
  const lockMoved = entity === "inspection" && lock !== lockBefore;
  const inspMoved = entity !== "inspection" && wanted.has("inspectionId");
  if (inspMoved) {
    await mergeOne(db, entity, row, "inspectionId", lock);
    lock = await lockOf(db, entity, rowId, row);
  }
  const todo = lockMoved || (inspMoved && row.inspectionId !== inspBefore) ? new Set([...wanted, ...fieldsOf(row)]) : wanted;
  for (const f of todo) {
    if ((entity === "inspection" && f === "status") || (inspMoved && f === "inspectionId")) continue;
    await mergeOne(db, entity, row, f, lock);
  }
  await rowTable.put(db, entity, row);

  if (lockMoved) {
    for (const child of ["result", "finding"] as const) {
      const rows = await db.table<AnyRow, string>(TABLE_OF[child]!).where("inspectionId").equals(rowId).toArray();
      for (const r of rows) await mergeIntoRow(db, child, r.id, fieldsOf(r));
    }
  }
  return row;
}
