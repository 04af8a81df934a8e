import type { Checklist } from "../../domain/checklist";
import { checklistRowId } from "../../domain/checklistRecord";
import type { AppDb } from "./AppDb";
import type { Edit } from "./Edit";
import { writeEdits, type WriteOptions } from "./writeEdits";

/** The id of the finding proposed for a criterion: derived, so two tablets proposing it make one row. */
export function proposedFindingId(inspectionId: string, criterionCode: string): string {
  return `${inspectionId}/finding/${criterionCode}`;
}

/**
 * Propose a finding for every criterion scored Không đạt (a nonconformity of the scored severity) or Đạt một phần
 * (a minor nonconformity) that has none yet. A finding the team deleted is not proposed again. Returns new ids.
 */
export async function proposeFindings(db: AppDb, inspectionId: string, opts: WriteOptions & { checklist?: Checklist } = {}): Promise<string[]> {
  const insp = await db.inspections.get(inspectionId);
  const checklist =
    opts.checklist ??
    (insp?.checklistId && insp.checklistVersion ? (await db.checklists.get(checklistRowId(insp.checklistId, insp.checklistVersion)))?.document : undefined);
  const activities = new Map<string, string>();
  for (const s of checklist?.sections ?? []) for (const it of s.items) for (const c of it.criteria) activities.set(c.code, c.activities.join("; "));
  const results = await db.results.where("inspectionId").equals(inspectionId).toArray();
  const existing = new Set((await db.findings.where("inspectionId").equals(inspectionId).toArray()).map((f) => f.criterionCode));
  const edits: Edit[] = [];
  const ids: string[] = [];
  for (const r of results.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if ((r.outcome !== "nonconform" && r.outcome !== "partial") || !r.criterionCode || existing.has(r.criterionCode)) continue;
    const id = proposedFindingId(inspectionId, r.criterionCode);
    if (await db.findings.get(id)) continue;
    const what = activities.get(r.criterionCode);
    // The gap stated once, without the code (the record prints the code and the requirement beside it): what the
    // inspector noted, else the requirement not yet met, in the law's words.
    const text = r.note?.trim() || `Chưa đáp ứng yêu cầu: ${what ?? r.criterionCode}`;
    const values = {
      inspectionId,
      criterionCode: r.criterionCode,
      kind: "nonconformity",
      severity: r.outcome === "nonconform" ? (r.severity ?? "minor") : "minor",
      text,
      deleted: false,
    };
    for (const [field, value] of Object.entries(values)) edits.push({ entity: "finding", rowId: id, field, value });
    ids.push(id);
  }
  if (edits.length > 0) await writeEdits(db, edits, opts);
  return ids;
}
