import type { Checklist } from "../../domain/checklist";
import { checklistRowId } from "../../domain/checklistRecord";
import { EMPTY_INSPECTION_FIELDS, type Inspection } from "../../domain/inspection";
import type { AppDb } from "./AppDb";
import type { Edit } from "./Edit";
import { newId } from "./newId";
import { writeEdits, type WriteOptions } from "./writeEdits";

export type NewInspection = Pick<Inspection, "agencyId" | "checklistId" | "checklistVersion" | "mode" | "teamId" | "province" | "startedOn"> &
  Partial<Omit<Inspection, "status">>;

/**
 * Start an inspection: every field written at once (status `draft`), in one transaction. Passing the checklist
 * keeps a copy of that version on the tablet, pinned for the life of the inspection.
 */
export async function createInspection(db: AppDb, input: NewInspection, opts: WriteOptions & { checklist?: Checklist } = {}): Promise<string> {
  const now = opts.now ?? Date.now();
  const id = input.id ?? newId(now);
  const values: Omit<Inspection, "id"> = {
    ...EMPTY_INSPECTION_FIELDS,
    members: [],
    agencyMembers: [],
    decisionIssuer: "",
    decisionSubject: "",
    startTime: "",
    endTime: "",
    conclusion: "",
    recommendations: "",
    ...stripId(input),
    status: "draft",
  };
  const edits: Edit[] = Object.entries(values).map(([field, value]) => ({ entity: "inspection", rowId: id, field, value }));
  if (opts.checklist) {
    const cl = opts.checklist;
    const rowId = checklistRowId(cl.id, cl.version);
    await db.transaction("rw", db.checklists, async () => {
      if (!(await db.checklists.get(rowId))) await db.checklists.put({ id: rowId, document: cl });
    });
  }
  await writeEdits(db, edits, { now });
  return id;
}

function stripId<T extends { id?: string }>(o: T): Omit<T, "id"> {
  const { id: _id, ...rest } = o;
  return rest;
}
