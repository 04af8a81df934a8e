import { ENTITIES, ENTITY_NAMES, type EntityName } from "../../domain/entities";
import { mergeField, type FieldChange } from "../../domain/mergeField";
import { lockHlcOf, lockingInspectionId, mergeOptionsFor } from "../../domain/mergeOptionsFor";
import type { Queryable } from "../Storage";
import { mergeRow, type MergedRow } from "./mergeRow";

export interface RowKey {
  entity: EntityName;
  rowId: string;
}

const LOCKED_BY_INSPECTION_ID = ENTITY_NAMES.filter((e) => ENTITIES[e].lockedBy === "inspectionId");

/**
 * Recomputes the current state of the given rows from their accepted changes, in the caller's transaction.
 * Inspections come first: when one's finalize lock moves, every result and finding of it is recomputed too.
 */
export async function recomputeRows(tx: Queryable, keys: readonly RowKey[], seq: number): Promise<void> {
  const inspections = uniq(keys.filter((k) => k.entity === "inspection"));
  const oldLocks = await storedLocks(tx, inspections.map((k) => k.rowId));
  const locks = new Map<string, string | null>();
  const merged = new Map<string, { key: RowKey; row: MergedRow; inspectionId: string | null }>();

  const inspChanges = await loadChanges(tx, inspections);
  for (const k of inspections) {
    const byField = inspChanges.get(keyOf(k)) ?? new Map<string, FieldChange[]>();
    const lock = lockHlcOf(mergeField(byField.get("status") ?? [], mergeOptionsFor("inspection", "status", null)));
    locks.set(k.rowId, lock);
    merged.set(keyOf(k), { key: k, row: mergeRow("inspection", byField, lock), inspectionId: k.rowId });
  }

  const moved = inspections.filter((k) => (oldLocks.get(k.rowId) ?? null) !== locks.get(k.rowId)).map((k) => k.rowId);
  const others = keys.filter((k) => k.entity !== "inspection");
  if (moved.length > 0) {
    const dep = await tx.query<{ entity: EntityName; row_id: string }>(
      `select entity, row_id from rows where inspection_id in (select jsonb_array_elements_text($1::jsonb))
       and entity in (select jsonb_array_elements_text($2::jsonb))`,
      [JSON.stringify(moved), JSON.stringify(LOCKED_BY_INSPECTION_ID)],
    );
    for (const r of dep.rows) others.push({ entity: r.entity, rowId: r.row_id });
  }
  const rest = uniq(others);
  const restChanges = await loadChanges(tx, rest);
  const pending: { key: RowKey; byField: Map<string, FieldChange[]>; inspectionId: string | null }[] = [];
  for (const k of rest) {
    const byField = restChanges.get(keyOf(k)) ?? new Map<string, FieldChange[]>();
    // The row's inspection comes from its own inspectionId field, merged without a lock (the lock needs it first).
    const iid = mergeField(byField.get("inspectionId") ?? [], {})?.value;
    const inspectionId = lockingInspectionId(k.entity, k.rowId, { inspectionId: iid });
    const plainId = typeof iid === "string" ? iid : inspectionId;
    pending.push({ key: k, byField, inspectionId: plainId });
  }
  const need = pending
    .filter((p) => ENTITIES[p.key.entity].lockedBy === "inspectionId" && p.inspectionId !== null && !locks.has(p.inspectionId))
    .map((p) => p.inspectionId!);
  for (const [id, lock] of await storedLocks(tx, need)) locks.set(id, lock);
  for (const p of pending) {
    const lock = ENTITIES[p.key.entity].lockedBy === "inspectionId" && p.inspectionId ? (locks.get(p.inspectionId) ?? null) : null;
    merged.set(keyOf(p.key), { key: p.key, row: mergeRow(p.key.entity, p.byField, lock), inspectionId: p.inspectionId });
  }
  if (merged.size === 0) return;
  const payload = [...merged.values()].map((m) => ({
    entity: m.key.entity,
    row_id: m.key.rowId,
    data: m.row.data,
    meta: m.row.meta,
    conflicts: m.row.conflicts,
    conflict_count: m.row.conflictCount,
    inspection_id: m.inspectionId,
  }));
  await tx.query(
    `update rows r set data = x.data, meta = x.meta, conflicts = x.conflicts, conflict_count = x.conflict_count,
       inspection_id = x.inspection_id, updated_seq = $2
     from jsonb_to_recordset($1::jsonb) as x(entity text, row_id text, data jsonb, meta jsonb, conflicts jsonb,
       conflict_count integer, inspection_id text)
     where r.entity = x.entity and r.row_id = x.row_id`,
    [JSON.stringify(payload), seq],
  );
}

function keyOf(k: RowKey): string {
  return `${k.entity}\u0000${k.rowId}`;
}

function uniq(keys: readonly RowKey[]): RowKey[] {
  const m = new Map<string, RowKey>();
  for (const k of keys) m.set(keyOf(k), k);
  return [...m.values()];
}

/** The finalize lock stored for each inspection (null if not finalized). */
async function storedLocks(tx: Queryable, ids: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (ids.length === 0) return out;
  const r = await tx.query<{ row_id: string; status: unknown; hlc: string | null }>(
    `select row_id, data->'status' as status, meta->'status'->>'hlc' as hlc from rows
     where entity = 'inspection' and row_id in (select jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify([...new Set(ids)])],
  );
  for (const row of r.rows) out.set(row.row_id, row.status === "finalized" && row.hlc ? row.hlc : null);
  return out;
}

/** Accepted changes of the rows, grouped by row then field. */
async function loadChanges(tx: Queryable, keys: readonly RowKey[]): Promise<Map<string, Map<string, FieldChange[]>>> {
  const out = new Map<string, Map<string, FieldChange[]>>();
  if (keys.length === 0) return out;
  const r = await tx.query<{
    entity: EntityName; row_id: string; field: string; id: string; hlc: string; prev_hlc: string | null;
    value: unknown; device: string; user: string; merges: string[] | null; reopen: boolean;
  }>(
    `select c.entity, c.row_id, c.field, c.id, c.hlc, c.prev_hlc, c.value, c.device, c."user", c.merges, c.reopen
     from changes c join jsonb_to_recordset($1::jsonb) as k(entity text, row_id text)
       on c.entity = k.entity and c.row_id = k.row_id
     where c.status = 'accepted'`,
    [JSON.stringify(keys.map((k) => ({ entity: k.entity, row_id: k.rowId })))],
  );
  for (const c of r.rows) {
    const rk = keyOf({ entity: c.entity, rowId: c.row_id });
    let byField = out.get(rk);
    if (!byField) out.set(rk, (byField = new Map()));
    let list = byField.get(c.field);
    if (!list) byField.set(c.field, (list = []));
    list.push({
      id: c.id, hlc: c.hlc, prevHlc: c.prev_hlc, value: c.value, device: c.device, user: c.user,
      ...(c.merges ? { merges: c.merges } : {}), ...(c.reopen ? { reopen: true } : {}),
    });
  }
  return out;
}
