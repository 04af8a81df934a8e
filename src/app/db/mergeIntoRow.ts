import { ENTITIES, type EntityName } from "../../domain/entities";
import { mergeField } from "../../domain/mergeField";
import { mergeOptionsFor } from "../../domain/mergeOptionsFor";
import type { AppDb } from "./AppDb";
import type { AnyRow } from "./rowTypes";
import { rowTable } from "./rowTable";

/** The finalize lock an inspection row imposes: the stamp of its `status` when that is `finalized`. */
function lockOfInspection(insp: AnyRow | undefined): string | null {
  return insp?.status === "finalized" ? (insp._hlc?.status ?? null) : null;
}

/**
 * The finalize lock governing a row. A result's or finding's inspection is `_inspectionId`, its `inspectionId`
 * field merged WITHOUT the lock (the lock needs it first; the server does the same), or `inspectionId` when an edit
 * is about to set it.
 */
export async function lockOf(db: AppDb, entity: EntityName, rowId: string, row: AnyRow, settingInspectionId?: string): Promise<string | null> {
  const by = ENTITIES[entity].lockedBy;
  if (by === "self") return lockOfInspection(row);
  if (by !== "inspectionId") return null;
  const iid = settingInspectionId ?? row._inspectionId;
  return typeof iid === "string" ? lockOfInspection(await db.inspections.get(iid)) : null;
}

/** Fields of a row that have changes (a value or kept conflicts). */
function fieldsOf(row: AnyRow): string[] {
  return [...new Set([...Object.keys(row._hlc ?? {}), ...Object.keys(row._conflicts ?? {})])];
}

function changesOf(db: AppDb, entity: EntityName, rowId: string, field: string) {
  return db.changes.where("[entity+rowId+field]").equals([entity, rowId, field]).toArray();
}

/** Recompute one field of `row` (in memory) from every change to it. */
async function mergeOne(db: AppDb, entity: EntityName, row: AnyRow, field: string, lock: string | null): Promise<void> {
  const state = mergeField(await changesOf(db, entity, row.id, field), mergeOptionsFor(entity, field, lock));
  const hlc = { ...row._hlc };
  const conflicts = { ...row._conflicts };
  // No change, or only kept (locked) edits and no applied value: the field has no value, as on the server.
  if (state?.hlc) {
    row[field] = state.value;
    hlc[field] = state.hlc;
  } else {
    delete row[field];
    delete hlc[field];
  }
  if (state && state.conflicts.length > 0) conflicts[field] = state.conflicts;
  else delete conflicts[field];
  row._hlc = hlc;
  if (Object.keys(conflicts).length > 0) row._conflicts = conflicts;
  else delete row._conflicts;
}

/**
 * Re-merge the given fields of one row from the `changes` table and store the row. Must run inside a rw
 * transaction over every table. A row's state stays a pure function of its changes: when an inspection's lock
 * moves (finalized, reopened) its own fields, results and findings are re-merged; when a row learns which
 * inspection it belongs to, all its fields are.
 */
export async function mergeIntoRow(db: AppDb, entity: EntityName, rowId: string, fields: Iterable<string>): Promise<AnyRow> {
  const row: AnyRow = (await rowTable.get(db, entity, rowId)) ?? { id: rowId };
  const wanted = new Set(fields);
  let todo: Set<string> = wanted;
  let lock: string | null = null;
  let lockMoved = false;
  if (entity === "inspection") {
    const before = lockOfInspection(row);
    if (wanted.has("status")) await mergeOne(db, entity, row, "status", null);
    lock = lockOfInspection(row);
    lockMoved = lock !== before;
    todo.delete("status");
    if (lockMoved) todo = new Set([...wanted, ...fieldsOf(row)].filter((f) => f !== "status"));
  } else if (ENTITIES[entity].lockedBy === "inspectionId") {
    const before = row._inspectionId;
    if (wanted.has("inspectionId") || before === undefined) {
      const link = mergeField(await changesOf(db, entity, rowId, "inspectionId"));
      row._inspectionId = typeof link?.value === "string" ? link.value : null;
    }
    if (row._inspectionId !== before) todo = new Set([...wanted, ...fieldsOf(row), "inspectionId"]);
    lock = await lockOf(db, entity, rowId, row);
  }
  for (const f of todo) await mergeOne(db, entity, row, f, lock);
  await rowTable.put(db, entity, row);

  if (lockMoved) {
    for (const child of ["results", "findings"] as const) {
      const rows = (await db.table(child).where("_inspectionId").equals(rowId).toArray()) as AnyRow[];
      for (const r of rows) await mergeIntoRow(db, child === "results" ? "result" : "finding", r.id, fieldsOf(r));
    }
  }
  return row;
}
