import { PullResponseSchema } from "../../domain/protocol";
import { applyRemoteChanges } from "../db/applyRemoteChanges";
import { META } from "../db/META";
import { noteEpoch } from "./noteEpoch";
import { requestJson } from "./requestJson";
import type { SyncContext } from "./SyncContext";
import { SyncHttpError } from "./SyncHttpError";

/** Pull every change after the stored cursor, page by page; each page and its cursor are applied in one transaction. */
export async function pullAll(ctx: SyncContext): Promise<{ received: number } | "epoch"> {
  const { db } = ctx;
  let received = 0;
  ctx.report({ phase: "pulling", done: 0, total: 0 });
  for (;;) {
    const cursor = String((await db.meta.get(META.pullCursor))?.value ?? "0");
    const raw = await requestJson(ctx.fetch, `${ctx.baseUrl}/api/sync/pull?after=${encodeURIComponent(cursor)}&limit=${ctx.pullLimit}`, {
      token: ctx.token,
    });
    const parsed = PullResponseSchema.safeParse(raw);
    if (!parsed.success) throw new SyncHttpError(502, "Máy chủ trả dữ liệu nhận về không đúng định dạng. Sẽ tự thử lại.");
    const page = parsed.data;
    if (await noteEpoch(db, page.epoch, ctx.now())) return "epoch";
    await applyRemoteChanges(db, page.changes, page.cursor, { now: ctx.now() });
    received += page.changes.length;
    ctx.report({ done: received, total: received + (page.more ? ctx.pullLimit : 0) });
    if (!page.more || page.cursor === cursor) return { received };
  }
}
