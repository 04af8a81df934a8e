import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../AppEnv";
import { sha256Hex } from "../auth/sha256Hex";
import { problem } from "../problem";
import { readJson } from "../readJson";
import { sniffMime } from "../sniffMime";
import { storeBlob } from "../storeBlob";
import { pushChanges } from "../sync/pushChanges";
import { pushItemIds } from "../sync/pushItemIds";
import { zodDetail } from "../zodDetail";
import { MAX_BLOB_BYTES } from "./blobRoutes";

const MAX_BUNDLE_CHANGES = 50_000;

const BundleEnvelopeSchema = z.object({
  format: z.literal("htqlcl-bundle/1"),
  changes: z.array(z.unknown()).max(MAX_BUNDLE_CHANGES),
  blobs: z.record(z.string().regex(/^[0-9a-f]{64}$/, "khóa ảnh phải là SHA-256"), z.string()).default({}),
  province: z.string().nullable().optional(),
});

/**
 * POST /api/sync/bundle: imports a sync bundle file (`htqlcl-bundle/1`) carried from a tablet that never got a
 * link, under the push rules (each change once, checked on its own), its photos with it, in one transaction. A
 * photo whose bytes do not match its hash refuses the whole bundle: the file is damaged; so does a bundle that says
 * it was exported in another province.
 */
export async function bundleRoute(c: Context<AppEnv>): Promise<Response> {
  const body = await readJson(c);
  if (body === undefined) return problem(c, 400, "Tệp gói đồng bộ không phải JSON hợp lệ.");
  const parsed = BundleEnvelopeSchema.safeParse(body);
  if (!parsed.success) return problem(c, 400, zodDetail(parsed.error, "Tệp gói đồng bộ (htqlcl-bundle/1)"));
  const ids = pushItemIds(parsed.data.changes);
  if (typeof ids === "string") return problem(c, 400, ids);
  const user = c.get("user");
  const from = parsed.data.province;
  if (typeof from === "string" && user.role !== "admin" && from !== user.province) {
    return problem(c, 422, `Gói đồng bộ này được xuất ở tỉnh "${from}", không phải tỉnh của bạn ("${user.province ?? ""}"); không nhập gì.`);
  }
  const blobs: { sha: string; bytes: Uint8Array }[] = [];
  for (const [sha, b64] of Object.entries(parsed.data.blobs)) {
    const bytes = new Uint8Array(Buffer.from(b64, "base64"));
    if (bytes.length === 0 || bytes.length > MAX_BLOB_BYTES || sha256Hex(bytes) !== sha) {
      return problem(c, 422, `Ảnh ${sha.slice(0, 12)}… trong gói bị hỏng (không khớp mã SHA-256 hoặc quá ${MAX_BLOB_BYTES / 1024 / 1024} MB). Hãy xuất lại gói.`);
    }
    blobs.push({ sha, bytes });
  }
  const result = await pushChanges(c.get("storage"), user, parsed.data.changes, ids, async (tx) => {
    for (const b of blobs) await storeBlob(tx, b.sha, b.bytes, sniffMime(b.bytes), user);
  });
  return c.json({ ...result, blobs: blobs.length });
}
