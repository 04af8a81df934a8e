import type { EntityName } from "../../domain/entities";
import { mergeField, type FieldChange, type FieldConflict } from "../../domain/mergeField";
import { mergeOptionsFor } from "../../domain/mergeOptionsFor";

export interface MergedRow {
  data: Record<string, unknown>;
  meta: Record<string, { hlc: string; changeId: string }>;
  conflicts: Record<string, FieldConflict[]>;
  conflictCount: number;
}

/** A row's state from the accepted changes of each of its fields, under the finalize lock of its inspection. */
export function mergeRow(entity: EntityName, byField: Map<string, FieldChange[]>, lock: string | null): MergedRow {
  const out: MergedRow = { data: {}, meta: {}, conflicts: {}, conflictCount: 0 };
  for (const [field, changes] of byField) {
    const state = mergeField(changes, mergeOptionsFor(entity, field, lock));
    if (!state) continue;
    if (state.hlc !== "") {
      out.data[field] = state.value;
      out.meta[field] = { hlc: state.hlc, changeId: state.changeId };
    }
    if (state.conflicts.length > 0) {
      out.conflicts[field] = state.conflicts;
      out.conflictCount += state.conflicts.length;
    }
  }
  return out;
}
