import type { Change } from "../../domain/change";
import type { AppDb } from "./AppDb";
import { META } from "./META";
import type { Session } from "./Session";
import { writeEdits, type WriteOptions } from "./writeEdits";
import { WriteRefusedError } from "./WriteRefusedError";

/** The team lead reopens a finalized inspection (an explicit reopen: the only way status moves back). */
export async function reopenInspection(db: AppDb, inspectionId: string, opts: WriteOptions = {}): Promise<Change[]> {
  const session = (await db.meta.get(META.session))?.value as Session | undefined;
  if (session?.user.role === "inspector") throw new WriteRefusedError("Chỉ trưởng đoàn được mở lại cuộc kiểm tra.");
  return writeEdits(db, [{ entity: "inspection", rowId: inspectionId, field: "status", value: "draft", reopen: true }], opts);
}
