import type { Change } from "../../domain/change";
import { resultId, type Result } from "../../domain/result";
import type { AppDb } from "./AppDb";
import type { Edit } from "./Edit";
import { tablesFor } from "./tablesFor";
import { writeEdits, type WriteOptions } from "./writeEdits";

export type ScoreInput = { inspectionId: string; criterionCode: string } & Partial<
  Pick<Result, "outcome" | "severity" | "note" | "evidence" | "documents" | "naReason">
>;

/**
 * Score one criterion (any subset of outcome, severity, note, evidence seen, documents, N/A reason). The result's
 * id is derived from inspection and criterion, so two tablets scoring it edit the same row. An outcome other
 * than Không đạt clears a severity left from before. The stored row is read in the writing transaction, so the
 * rule holds whatever the screen last rendered (the scoring screen calls this, not a copy of it).
 */
export async function scoreCriterion(db: AppDb, input: ScoreInput, opts: WriteOptions = {}): Promise<Change[]> {
  const id = resultId(input.inspectionId, input.criterionCode);
  return db.transaction("rw", tablesFor(["result"]), async () => {
    const row = await db.results.get(id);
    const edits: Edit[] = [];
    const put = (field: string, value: unknown) => edits.push({ entity: "result", rowId: id, field, value });
    if (row?.inspectionId === undefined) put("inspectionId", input.inspectionId);
    if (row?.criterionCode === undefined) put("criterionCode", input.criterionCode);
    for (const f of ["outcome", "severity", "note", "evidence", "documents", "naReason"] as const) {
      if (input[f] !== undefined) put(f, input[f]);
    }
    if (input.outcome !== undefined && input.outcome !== "nonconform" && input.severity === undefined && row?.severity) put("severity", null);
    return writeEdits(db, edits, opts);
  });
}
