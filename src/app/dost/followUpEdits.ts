import type { FollowUpEdit } from "../../domain/followUpEdit";
import type { Edit } from "../db/Edit";

/** A follow-up step's field edits for one action; only the status edit carries the reopen flag. */
export function followUpEdits(actionId: string, step: FollowUpEdit): Edit[] {
  return Object.entries(step.fields).map(([field, value]) => ({
    entity: "action" as const,
    rowId: actionId,
    field,
    value,
    ...(field === "status" && step.reopen ? { reopen: true } : {}),
  }));
}
