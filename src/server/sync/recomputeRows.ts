import { ENTITIES, ENTITY_NAMES, type EntityName } from "../../domain/entities";
import { mergeField, type FieldChange } from "../../domain/mergeField";
import { lockHlcOf, lockingInspectionId, mergeOptionsFor } from "../../domain/mergeOptionsFor";
import type { Queryable } from "../Storage";
import { mergeRow, type MergedRow } from "./mergeRow";
import { NeedsGlobalOrder } from "./pushOrder";

export interface RowKey {
  entity: EntityName;
  rowId: string;
  /** The field a change touched; without it, the whole row. */
  field?: string;
}

const LOCKED_BY_INSPECTION_ID = ENTITY_NAMES.filter((e) => ENTITIES[e].lockedBy === "inspectionId");

/** A row to merge: every field (`fields` null) or only those. */
interface Target {
  entity: EntityName;
  rowId: string;
  fields: Set<string> | null;
}

/**
 * Recomputes the current state of the rows the given changes touched, from their accepted changes, in the caller's
 * transaction. Only the touched fields are merged again (a row's other fields cannot have changed), unless the
 * row's finalize lock moved: an inspection whose status moved the lock is merged whole, and so is every result
 * and finding of it; a row whose inspectionId changed is merged whole too.
 *
 * A row is locked only by an inspection of its own province (a row pointing into another province, which push
 * refuses once that inspection exists, is not locked by it): so merging one province's rows reads and writes that
 * province's rows only, and pushes of different provinces cannot see each other half-done. `province` is the one
 * the caller's push is ordered in (null: every push is ordered against it); a row of another province to merge
 * then throws NeedsGlobalOrder.
 */
export async function recomputeRows(tx: Queryable, keys: readonly RowKey[], seq: number, province: string | null = null): Promise<void> {
  const targets = group(keys);
  const inspections = [...targets.values()].filter((t) => t.entity === "inspection");
  const stored = await storedLocks(tx, inspections.map((t) => t.rowId));
  const oldLocks = new Map([...stored].map(([id, l]) => [id, l.lock]));
  const inspectionProvince = new Map([...stored].map(([id, l]) => [id, l.province]));
  if (province !== null && inspections.some((t) => inspectionProvince.get(t.rowId) !== province)) throw new NeedsGlobalOrder("an inspection of another province to merge");
  const locks = new Map<string, string | null>();
  const merged = new Map<string, { t: Target; row: MergedRow; inspectionId: string | null }>();

  // Inspections: the status decides the lock; a moved lock means every field merges again.
  const withStatus = inspections.map((t) => ({ ...t, fields: t.fields ? new Set([...t.fields, "status"]) : null }));
  const inspChanges = await loadChanges(tx, withStatus);
  const moved: string[] = [];
  for (const t of inspections) {
    const byField = inspChanges.get(keyOf(t)) ?? new Map<string, FieldChange[]>();
    // The status merges as a workflow field (forward only), exactly as mergeRow will merge it.
    const lock = lockHlcOf(mergeField(byField.get("status") ?? [], mergeOptionsFor("inspection", "status", null)));
    locks.set(t.rowId, lock);
    if ((oldLocks.get(t.rowId) ?? null) !== lock) moved.push(t.rowId);
  }
  const wholeInspections = inspections.filter((t) => t.fields !== null && moved.includes(t.rowId)).map((t) => ({ ...t, fields: null }));
  const reloaded = await loadChanges(tx, wholeInspections);
  for (const t of inspections) {
    const whole = t.fields === null || moved.includes(t.rowId);
    const byField = (whole ? (reloaded.get(keyOf(t)) ?? inspChanges.get(keyOf(t))) : only(inspChanges.get(keyOf(t)), t.fields)) ?? new Map();
    merged.set(keyOf(t), { t: { ...t, fields: whole ? null : t.fields }, row: mergeRow("inspection", byField, locks.get(t.rowId)!), inspectionId: t.rowId });
  }

  const others = [...targets.values()].filter((t) => t.entity !== "inspection");
  if (moved.length > 0) {
    const dep = await tx.query<{ entity: EntityName; row_id: string; inspection_id: string; province: string | null }>(
      `select entity, row_id, inspection_id, province from rows where inspection_id in (select jsonb_array_elements_text($1::jsonb))
       and entity in (select jsonb_array_elements_text($2::jsonb))`,
      [JSON.stringify(moved), JSON.stringify(LOCKED_BY_INSPECTION_ID)],
    );
    const seen = new Map(others.map((t) => [keyOf(t), t]));
    for (const r of dep.rows) {
      if (r.province !== (inspectionProvince.get(r.inspection_id) ?? null)) continue; // not locked by another province's inspection
      const t = seen.get(keyOf({ entity: r.entity, rowId: r.row_id }));
      if (t) t.fields = null;
      else others.push({ entity: r.entity, rowId: r.row_id, fields: null });
    }
  }
  for (const t of others) if (t.fields?.has("inspectionId")) t.fields = null;
  // Rows merged in part keep their stored inspection; rows merged whole take it from their own inspectionId.
  const rowInfo = await storedRowInfo(tx, others);
  if (province !== null && [...rowInfo.values()].some((r) => r.province !== province)) throw new NeedsGlobalOrder("a row of another province to merge");
  const restChanges = await loadChanges(tx, others);
  const pending: { t: Target; byField: Map<string, FieldChange[]>; inspectionId: string | null }[] = [];
  for (const t of others) {
    const byField = restChanges.get(keyOf(t)) ?? new Map<string, FieldChange[]>();
    let inspectionId: string | null;
    if (t.fields === null) {
      // Merged without a lock first: the lock depends on it.
      const iid = mergeField(byField.get("inspectionId") ?? [], {})?.value;
      inspectionId = typeof iid === "string" ? iid : lockingInspectionId(t.entity, t.rowId, {});
    } else inspectionId = rowInfo.get(keyOf(t))?.inspectionId ?? null;
    pending.push({ t, byField, inspectionId });
  }
  const lockable = (p: (typeof pending)[number]) => ENTITIES[p.t.entity].lockedBy === "inspectionId" && p.inspectionId !== null;
  const need = pending.filter((p) => lockable(p) && !locks.has(p.inspectionId!)).map((p) => p.inspectionId!);
  for (const [id, l] of await storedLocks(tx, need)) {
    locks.set(id, l.lock);
    inspectionProvince.set(id, l.province);
  }
  for (const p of pending) {
    const own = (rowInfo.get(keyOf(p.t))?.province ?? null) === (inspectionProvince.get(p.inspectionId!) ?? null);
    const lock = lockable(p) && own ? (locks.get(p.inspectionId!) ?? null) : null;
    merged.set(keyOf(p.t), { t: p.t, row: mergeRow(p.t.entity, p.byField, lock), inspectionId: p.inspectionId });
  }
  if (merged.size === 0) return;
  const payload = [...merged.values()].map((m) => ({
    entity: m.t.entity,
    row_id: m.t.rowId,
    fields: m.t.fields ? [...m.t.fields] : null,
    data: m.row.data,
    meta: m.row.meta,
    conflicts: m.row.conflicts,
    inspection_id: m.inspectionId,
  }));
  // Whole rows are replaced; partial rows replace only their fields (`jsonb - text[]` drops them, `||` adds back).
  const patch = (col: string) => `case when x.fields is null then x.${col} else (r.${col} - array(select jsonb_array_elements_text(x.fields))) || x.${col} end`;
  await tx.query(
    `update rows r set data = ${patch("data")}, meta = ${patch("meta")}, conflicts = ${patch("conflicts")},
       conflict_count = (select coalesce(sum(jsonb_array_length(e.value)), 0)::int from jsonb_each(${patch("conflicts")}) e),
       inspection_id = x.inspection_id, updated_seq = $2
     from jsonb_to_recordset($1::jsonb) as x(entity text, row_id text, fields jsonb, data jsonb, meta jsonb, conflicts jsonb,
       inspection_id text)
     where r.entity = x.entity and r.row_id = x.row_id`,
    [JSON.stringify(payload), seq],
  );
}

function keyOf(k: { entity: string; rowId: string }): string {
  return `${k.entity}\u0000${k.rowId}`;
}

function group(keys: readonly RowKey[]): Map<string, Target> {
  const m = new Map<string, Target>();
  for (const k of keys) {
    const t = m.get(keyOf(k)) ?? { entity: k.entity, rowId: k.rowId, fields: new Set<string>() };
    if (k.field === undefined) t.fields = null;
    else t.fields?.add(k.field);
    m.set(keyOf(k), t);
  }
  return m;
}

function only(byField: Map<string, FieldChange[]> | undefined, fields: Set<string> | null): Map<string, FieldChange[]> | undefined {
  if (!byField || !fields) return byField;
  return new Map([...byField].filter(([f]) => fields.has(f)));
}

/** The finalize lock stored for each inspection (null if not finalized), and the inspection's province. */
async function storedLocks(tx: Queryable, ids: readonly string[]): Promise<Map<string, { lock: string | null; province: string | null }>> {
  const out = new Map<string, { lock: string | null; province: string | null }>();
  if (ids.length === 0) return out;
  const r = await tx.query<{ row_id: string; status: unknown; hlc: string | null; province: string | null }>(
    `select row_id, data->'status' as status, meta->'status'->>'hlc' as hlc, province from rows
     where entity = 'inspection' and row_id in (select jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify([...new Set(ids)])],
  );
  for (const row of r.rows) out.set(row.row_id, { lock: row.status === "finalized" && row.hlc ? row.hlc : null, province: row.province });
  return out;
}

/** The stored inspection and the province of each target row. */
async function storedRowInfo(tx: Queryable, targets: readonly Target[]): Promise<Map<string, { inspectionId: string | null; province: string | null }>> {
  const out = new Map<string, { inspectionId: string | null; province: string | null }>();
  if (targets.length === 0) return out;
  const r = await tx.query<{ entity: string; row_id: string; inspection_id: string | null; province: string | null }>(
    `select r.entity, r.row_id, r.inspection_id, r.province from rows r
     join jsonb_to_recordset($1::jsonb) as k(entity text, row_id text) on r.entity = k.entity and r.row_id = k.row_id`,
    [JSON.stringify(targets.map((t) => ({ entity: t.entity, row_id: t.rowId })))],
  );
  for (const row of r.rows) out.set(keyOf({ entity: row.entity, rowId: row.row_id }), { inspectionId: row.inspection_id, province: row.province });
  return out;
}

/** Accepted changes of the targets (all fields, or only the targeted ones), grouped by row then field. */
async function loadChanges(tx: Queryable, targets: readonly Target[]): Promise<Map<string, Map<string, FieldChange[]>>> {
  const out = new Map<string, Map<string, FieldChange[]>>();
  if (targets.length === 0) return out;
  const r = await tx.query<{
    entity: EntityName; row_id: string; field: string; id: string; hlc: string; prev_hlc: string | null;
    value: unknown; device: string; user: string; merges: string[] | null; reopen: boolean;
  }>(
    `select c.entity, c.row_id, c.field, c.id, c.hlc, c.prev_hlc, c.value, c.device, c."user", c.merges, c.reopen
     from changes c join jsonb_to_recordset($1::jsonb) as k(entity text, row_id text, fields jsonb)
       on c.entity = k.entity and c.row_id = k.row_id
     where c.status = 'accepted' and (k.fields is null or c.field in (select jsonb_array_elements_text(k.fields)))`,
    [JSON.stringify(targets.map((t) => ({ entity: t.entity, row_id: t.rowId, fields: t.fields ? [...t.fields] : null })))],
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
