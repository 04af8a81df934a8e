import type { SyncContext } from "./SyncContext";
import { request } from "./request";
import { SyncHttpError } from "./SyncHttpError";

/**
 * Upload photo bytes not yet on the server, one request per photo, marking each as uploaded as soon as the server
 * has it: an interrupted sync resumes with the photos still left. A photo the server refuses for good (type, size)
 * stays on the tablet, unmarked, and is counted in the result.
 */
export async function uploadBlobs(ctx: SyncContext): Promise<{ uploaded: number; refused: number }> {
  const todo = await ctx.db.blobs.where("uploaded").equals(0).primaryKeys();
  let uploaded = 0;
  let refused = 0;
  if (todo.length === 0) return { uploaded, refused };
  ctx.report({ phase: "uploading", done: 0, total: todo.length });
  for (const sha of todo) {
    const blob = await ctx.db.blobs.get(sha);
    if (!blob || blob.uploaded) continue;
    try {
      // Already there (an earlier upload whose answer was lost, or another tablet's copy): skip the bytes.
      const head = await ctx.fetch(`${ctx.baseUrl}/api/blobs/${sha}`, { method: "HEAD", headers: { Authorization: `Bearer ${ctx.token}` } }).catch(() => null);
      if (head?.ok) {
        await ctx.db.blobs.update(sha, { uploaded: 1 });
        uploaded++;
        ctx.report({ done: uploaded + refused });
        continue;
      }
      await request(ctx.fetch, `${ctx.baseUrl}/api/blobs/${sha}`, {
        method: "PUT",
        token: ctx.token,
        headers: { "Content-Type": blob.mime },
        body: new Uint8Array(blob.bytes),
      });
      await ctx.db.blobs.update(sha, { uploaded: 1 });
      uploaded++;
    } catch (e) {
      if (e instanceof SyncHttpError && [400, 413, 415, 422].includes(e.status)) refused++;
      else throw e;
    }
    ctx.report({ done: uploaded + refused });
  }
  return { uploaded, refused };
}
