import { changeValueProblem, type Change } from "../../domain/change";
import { mergeOptionsFor } from "../../domain/mergeOptionsFor";
import { uuidv7 } from "../../domain/uuidv7";
import type { AppDb } from "./AppDb";
import type { Edit } from "./Edit";
import { ensureDeviceId } from "./ensureDeviceId";
import { lockOf, mergeIntoRow } from "./mergeIntoRow";
import { META } from "./META";
import { randomBytes } from "./randomBytes";
import type { AnyRow } from "./rowTypes";
import type { Session } from "./Session";
import { tablesFor } from "./tablesFor";
import { tickLocalHlc } from "./tickLocalHlc";
import { rowTable } from "./rowTable";
import { WriteRefusedError } from "./WriteRefusedError";

export interface WriteOptions {
  /** Wall clock in ms (tests and the simulation inject a skewed clock). */
  now?: number;
}

/**
 * Save edits made on this tablet. In ONE read-write transaction: stamp each edit with the hybrid logical clock,
 * store it as a change (its `prevHlc` is the stamp of the value it overwrites), re-merge the field, store the row
 * and queue the change in the outbox. Resolves only after the transaction commits; rejects, with nothing written,
 * if anything fails (the UI must then not say "Đã lưu trên máy").
 */
export async function writeEdits(db: AppDb, edits: readonly Edit[], opts: WriteOptions = {}): Promise<Change[]> {
  const now = opts.now ?? Date.now();
  return db.transaction("rw", tablesFor(edits.map((e) => e.entity)), async () => {
    const device = await ensureDeviceId(db);
    const session = (await db.meta.get(META.session))?.value as Session | undefined;
    const user = session?.user.username || "local";
    const out: Change[] = [];
    for (const e of edits) {
      const row: AnyRow = (await rowTable.get(db, e.entity, e.rowId)) ?? { id: e.rowId };
      const lock = await lockOf(db, e.entity, e.rowId, row, e.field === "inspectionId" && typeof e.value === "string" ? e.value : undefined);
      if (mergeOptionsFor(e.entity, e.field, lock).lockHlc) {
        throw new WriteRefusedError("Cuộc kiểm tra đã kết thúc (biên bản đã ký), không thể sửa. Trưởng đoàn có thể mở lại để sửa.");
      }
      const hlc = await tickLocalHlc(db, device, now);
      const change: Change = {
        id: uuidv7(now, randomBytes(10)),
        entity: e.entity,
        rowId: e.rowId,
        field: e.field,
        value: e.value,
        hlc,
        prevHlc: row._hlc?.[e.field] ?? null,
        device,
        user,
        ...(e.merges && e.merges.length > 0 ? { merges: e.merges } : {}),
        ...(e.reopen ? { reopen: true } : {}),
      };
      const problem = changeValueProblem(change);
      if (problem) throw new WriteRefusedError(problem);
      await db.changes.add(change);
      await db.outbox.add({ id: change.id, hlc, queuedAt: now });
      await mergeIntoRow(db, e.entity, e.rowId, [e.field]);
      out.push(change);
    }
    return out;
  });
}
