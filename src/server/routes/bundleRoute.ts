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

/** Every change of the bundle was refused: the transaction is rolled back and the file answered 422. */
class BundleRefused extends Error {
  constructor(readonly rejected: { id: string; reason: string }[]) {
    super("bundle refused");
  }
}

/**
 * POST /api/sync/bundle: imports a sync bundle file (`htqlcl-bundle/1`) carried from a tablet that never got a
 * link, under the push rules (each change once, checked on its own), its photos with it, in one transaction. A
 * photo whose bytes do not match its hash refuses the whole bundle: the file is damaged; so does a bundle that says
 * it was exported in another province, and one whose every change is refused (nothing of it is written, not even the
 * refusals). A photo is stored only for an accepted attachment of the bundle, readable in that attachment's scope.
 */
export async function bundleRoute(c: Context<AppEnv>): Promise<Response> {
  const body = await readJson(c, "Tệp gói đồng bộ không phải JSON hợp lệ (tệp hỏng hoặc chưa chép hết).");
  if (!body.ok) return body.response;
  const parsed = BundleEnvelopeSchema.safeParse(body.value);
  if (!parsed.success) return problem(c, 400, zodDetail(parsed.error, "Tệp gói đồng bộ (htqlcl-bundle/1)"));
  const ids = pushItemIds(parsed.data.changes);
  if (typeof ids === "string") return problem(c, 400, ids);
  const user = c.get("user");
  const from = parsed.data.province;
  if (typeof from === "string" && user.role !== "admin" && from !== user.province) {
    return problem(c, 422, `Gói đồng bộ này được xuất ở tỉnh "${from}", không phải tỉnh của bạn ("${user.province ?? ""}"); không nhập gì.`);
  }
  const blobs = new Map<string, Uint8Array>();
  for (const [sha, b64] of Object.entries(parsed.data.blobs)) {
    const bytes = new Uint8Array(Buffer.from(b64, "base64"));
    if (bytes.length === 0 || bytes.length > MAX_BLOB_BYTES || sha256Hex(bytes) !== sha) {
      return problem(c, 422, `Ảnh ${sha.slice(0, 12)}… trong gói bị hỏng (không khớp mã SHA-256 hoặc quá ${MAX_BLOB_BYTES / 1024 / 1024} MB). Hãy xuất lại gói.`);
    }
    blobs.set(sha, bytes);
  }
  // attachment row → the photo its sha256 change names, for the changes of the bundle
  const photoOf = new Map<string, { rowId: string; sha: string }>();
  for (const [i, item] of parsed.data.changes.entries()) {
    const ch = item as { entity?: unknown; field?: unknown; rowId?: unknown; value?: unknown };
    if (ch.entity === "attachment" && ch.field === "sha256" && typeof ch.rowId === "string" && typeof ch.value === "string" && blobs.has(ch.value)) {
      photoOf.set(ids[i]!, { rowId: ch.rowId, sha: ch.value });
    }
  }
  let stored = 0;
  let already = 0;
  try {
    const result = await pushChanges(c.get("storage"), user, parsed.data.changes, ids, { via: "bundle" }, async (tx, answer) => {
      if (ids.length > 0 && answer.accepted.length === 0) throw new BundleRefused(answer.rejected);
      already = answer.already.size;
      const wanted = answer.accepted.flatMap((id) => photoOf.get(id) ?? []);
      if (wanted.length === 0) return;
      const scopes = await tx.query<{ row_id: string; province: string | null; team: string | null }>(
        "select row_id, province, team from rows where entity = 'attachment' and row_id in (select jsonb_array_elements_text($1::jsonb))",
        [JSON.stringify([...new Set(wanted.map((w) => w.rowId))])],
      );
      const scopeOf = new Map(scopes.rows.map((r) => [r.row_id, r]));
      const done = new Set<string>();
      for (const w of wanted) {
        const scope = scopeOf.get(w.rowId);
        if (!scope) continue;
        const bytes = blobs.get(w.sha)!;
        await storeBlob(tx, w.sha, bytes, sniffMime(bytes), scope);
        done.add(w.sha);
      }
      stored = done.size;
    });
    return c.json({ ...result, blobs: stored, already });
  } catch (err) {
    if (!(err instanceof BundleRefused)) throw err;
    const reasons = [...new Set(err.rejected.map((r) => r.reason))];
    return problem(
      c,
      422,
      `Máy chủ từ chối cả ${err.rejected.length} thay đổi trong gói nên không nhập gì (kể cả ảnh). Lý do: ${reasons.slice(0, 3).join(" ")}${reasons.length > 3 ? ` (và ${reasons.length - 3} lý do khác)` : ""}`,
      { rejected: err.rejected },
    );
  }
}
