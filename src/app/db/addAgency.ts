import type { Agency } from "../../domain/agency";
import type { AppDb } from "./AppDb";
import type { Edit } from "./Edit";
import { newId } from "./newId";
import { writeEdits, type WriteOptions } from "./writeEdits";

export type NewAgency = Pick<Agency, "name" | "kind" | "province"> & Partial<Pick<Agency, "parentId">>;

/** An agency missing from the registry, added on the spot by an inspector; marked for DOST review. */
export async function addAgency(db: AppDb, a: NewAgency, opts: WriteOptions = {}): Promise<string> {
  const now = opts.now ?? Date.now();
  const id = newId(now);
  const values: Omit<Agency, "id"> = {
    name: a.name.normalize("NFC").trim(),
    kind: a.kind,
    parentId: a.parentId ?? null,
    province: a.province,
    validFrom: null,
    validTo: null,
    successorId: null,
    successorKind: null,
    needsReview: true,
  };
  const edits: Edit[] = Object.entries(values).map(([field, value]) => ({ entity: "agency", rowId: id, field, value }));
  await writeEdits(db, edits, { now });
  return id;
}
