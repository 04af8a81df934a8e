import type { Change } from "../../src/domain/change";
import { mergeField, type FieldConflict } from "../../src/domain/mergeField";
import { lockHlcOf, mergeOptionsFor } from "../../src/domain/mergeOptionsFor";

/** The state every replica must reach, straight from the domain's merge: row → {data, conflicts}. */
export function referenceState(changes: readonly Change[]): Map<string, { data: Record<string, unknown>; conflicts: Record<string, FieldConflict[]> }> {
  const rows = new Map<string, Map<string, Change[]>>();
  for (const c of changes) {
    const k = `${c.entity}/${c.rowId}`;
    const byField = rows.get(k) ?? new Map<string, Change[]>();
    byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
    rows.set(k, byField);
  }
  const lockOf = (inspectionId: unknown) => {
    const status = rows.get(`inspection/${String(inspectionId)}`)?.get("status") ?? [];
    return lockHlcOf(mergeField(status, mergeOptionsFor("inspection", "status", null)));
  };
  const out = new Map<string, { data: Record<string, unknown>; conflicts: Record<string, FieldConflict[]> }>();
  for (const [k, byField] of rows) {
    const cut = k.indexOf("/");
    const entity = k.slice(0, cut) as Change["entity"];
    const rowId = k.slice(cut + 1);
    const lock = entity === "inspection" ? lockOf(rowId) : lockOf(mergeField(byField.get("inspectionId") ?? [], {})?.value);
    const row = { data: {} as Record<string, unknown>, conflicts: {} as Record<string, FieldConflict[]> };
    for (const [field, list] of byField) {
      const st = mergeField(list, mergeOptionsFor(entity, field, lock))!;
      if (st.hlc !== "") row.data[field] = st.value;
      if (st.conflicts.length > 0) row.conflicts[field] = st.conflicts;
    }
    out.set(k, row);
  }
  return out;
}
