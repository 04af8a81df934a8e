import type { EntityName } from "../../domain/entities";
import type { Edit } from "../db/Edit";
import type { StoredRow } from "../db/rowTypes";

/**
 * The edits that bring a stored row to `next`: one per field whose value differs (compared as JSON), so publishing
 * the same record twice writes nothing and a re-import touches only what changed.
 */
export function rowEdits<T extends { id: string }>(entity: EntityName, next: T, current?: StoredRow<T> | Record<string, unknown>): Edit[] {
  const out: Edit[] = [];
  for (const [field, value] of Object.entries(next)) {
    if (field === "id" || value === undefined) continue;
    const old = current ? (current as Record<string, unknown>)[field] : undefined;
    if (old !== undefined && JSON.stringify(old) === JSON.stringify(value)) continue;
    out.push({ entity, rowId: next.id, field, value });
  }
  return out;
}
