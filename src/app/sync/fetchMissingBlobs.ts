import { sha256Hex } from "../db/sha256Hex";
import type { SyncContext } from "./SyncContext";
import { request } from "./request";
import { SyncHttpError } from "./SyncHttpError";

/** Download photos of attachments synced from other tablets (at most `max` per run); each is checked against its hash. */
export async function fetchMissingBlobs(ctx: SyncContext, max = 50): Promise<number> {
  const { db } = ctx;
  const wanted = new Map<string, string>();
  await db.attachments.each((a) => {
    if (a.sha256 && !a.deleted && a.mime) wanted.set(a.sha256, a.mime);
  });
  const have = new Set(await db.blobs.bulkGet([...wanted.keys()]).then((b) => b.flatMap((x) => (x ? [x.sha256] : []))));
  let got = 0;
  for (const [sha, mime] of wanted) {
    if (have.has(sha) || got >= max) continue;
    try {
      const res = await request(ctx.fetch, `${ctx.baseUrl}/api/blobs/${sha}`, { token: ctx.token });
      const bytes = await res.arrayBuffer();
      if ((await sha256Hex(bytes)) !== sha) continue;
      await db.blobs.put({ sha256: sha, bytes, mime: res.headers.get("content-type") ?? mime, uploaded: 1 });
      got++;
    } catch (e) {
      // Not uploaded yet by its tablet, or out of scope: try again next run.
      if (!(e instanceof SyncHttpError) || e.status === 0) throw e;
    }
  }
  return got;
}
