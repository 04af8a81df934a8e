import { ENTITIES, type EntityName } from "./entities";
import type { FieldState, MergeOptions } from "./mergeField";

/** The finalize lock of an inspection, from the merged state of its `status` field. */
export function lockHlcOf(status: FieldState | null): string | null {
  return status && status.value === "finalized" ? status.hlc : null;
}

/** How a field of an entity merges, given the lock of the inspection the row belongs to (if any). */
export function mergeOptionsFor(entity: EntityName, field: string, inspectionLock: string | null): MergeOptions {
  const def = ENTITIES[entity];
  const ranks = def.workflow && Object.hasOwn(def.workflow, field) ? def.workflow[field] : undefined;
  const lockable = def.lockedBy !== undefined && !(def.unlockedFields ?? []).includes(field);
  return { ...(ranks ? { ranks } : {}), lockHlc: lockable ? inspectionLock : null };
}

/** The id of the inspection whose lock governs a row, or null if none does. */
export function lockingInspectionId(entity: EntityName, rowId: string, row: Record<string, unknown>): string | null {
  const by = ENTITIES[entity].lockedBy;
  if (by === "self") return rowId;
  if (by === "inspectionId") return typeof row.inspectionId === "string" ? row.inspectionId : null;
  return null;
}
