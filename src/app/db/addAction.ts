import type { Action } from "../../domain/action";
import { addMonths } from "../../domain/isoDate";
import type { AppDb } from "./AppDb";
import type { Edit } from "./Edit";
import { newId } from "./newId";
import { writeEdits, type WriteOptions } from "./writeEdits";
import { WriteRefusedError } from "./WriteRefusedError";

export type NewAction = Pick<Action, "findingId" | "description" | "owner"> & Partial<Pick<Action, "dueOn" | "inspectionId">>;

/**
 * A corrective action for a finding, status `open`. Its due date defaults to two months after the record is signed
 * (TT 26/2014 Art. 37); before signing it stays empty and finalizeInspection fills it in.
 */
export async function addAction(db: AppDb, a: NewAction, opts: WriteOptions = {}): Promise<string> {
  const now = opts.now ?? Date.now();
  const finding = await db.findings.get(a.findingId);
  const inspectionId = a.inspectionId ?? finding?.inspectionId;
  if (!inspectionId) throw new WriteRefusedError("Không tìm thấy điểm không phù hợp của hành động khắc phục này.");
  const insp = await db.inspections.get(inspectionId);
  const id = newId(now);
  const values: Omit<Action, "id"> = {
    findingId: a.findingId,
    inspectionId,
    description: a.description,
    owner: a.owner,
    dueOn: a.dueOn ?? (insp?.signedOn ? addMonths(insp.signedOn, 2) : null),
    status: "open",
    agencyReport: "",
    reportedOn: null,
    reportNumber: "",
    decisionNote: "",
    noticeNumber: "",
    verifiedOn: null,
    deleted: false,
  };
  const edits: Edit[] = Object.entries(values).map(([field, value]) => ({ entity: "action", rowId: id, field, value }));
  await writeEdits(db, edits, { now });
  return id;
}
