import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../AppEnv";
import { sha256Hex } from "../auth/sha256Hex";
import type { ServerUser } from "../auth/ServerUser";
import { problem } from "../problem";
import { requireUser } from "../requireUser";
import { storeBlob } from "../storeBlob";

export const MAX_BLOB_BYTES = 10 * 1024 * 1024;
const SHA = /^[0-9a-f]{64}$/;
const MIMES = new Set(["image/jpeg", "image/png", "image/webp", "application/pdf", "application/octet-stream"]);

function readableSql(u: ServerUser): { sql: string; params: unknown[] } {
  if (u.role === "admin") return { sql: "true", params: [] };
  if (u.role === "dost") return { sql: "o.province = $2", params: [u.province] };
  return { sql: "o.province = $2 and o.team in ($3, '')", params: [u.province, u.team] };
}

/** PUT / GET / HEAD /api/blobs/<sha256>: photos addressed by their hash, readable within the uploader's scope. */
export const blobRoutes = new Hono<AppEnv>();
blobRoutes.use("*", requireUser);

blobRoutes.put(
  "/:sha256",
  bodyLimit({ maxSize: MAX_BLOB_BYTES, onError: (c) => problem(c, 413, `Tệp vượt quá ${MAX_BLOB_BYTES / 1024 / 1024} MB.`) }),
  async (c) => {
    const sha = c.req.param("sha256");
    if (!SHA.test(sha)) return problem(c, 400, "Mã SHA-256 phải gồm 64 chữ số hex viết thường.");
    const mime = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!MIMES.has(mime)) return problem(c, 415, "Chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF.");
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) return problem(c, 400, "Tệp rỗng.");
    if (bytes.length > MAX_BLOB_BYTES) return problem(c, 413, `Tệp vượt quá ${MAX_BLOB_BYTES / 1024 / 1024} MB.`);
    if (sha256Hex(bytes) !== sha) return problem(c, 422, "Nội dung tệp không khớp mã SHA-256; hãy tải lên lại.");
    const created = await c.get("storage").transaction((tx) => storeBlob(tx, sha, bytes, mime, c.get("user")));
    return c.json({ sha256: sha, size: bytes.length }, created ? 201 : 200);
  },
);

blobRoutes.on(["GET", "HEAD"], "/:sha256", async (c) => {
  const sha = c.req.param("sha256");
  if (!SHA.test(sha)) return problem(c, 400, "Mã SHA-256 phải gồm 64 chữ số hex viết thường.");
  const scope = readableSql(c.get("user"));
  const head = c.req.method === "HEAD";
  const r = await c.get("storage").query<{ bytes?: Uint8Array; size: number; mime: string }>(
    `select ${head ? "" : "b.bytes, "}b.size, b.mime from blobs b where b.sha256 = $1
     and exists (select 1 from blob_owners o where o.sha256 = b.sha256 and ${scope.sql})`,
    [sha, ...scope.params],
  );
  const row = r.rows[0];
  if (!row) return head ? c.body(null, 404) : problem(c, 404, "Không có tệp này trên máy chủ (hoặc bạn không có quyền xem).");
  const headers = { "Content-Type": row.mime, "Content-Length": String(row.size), "Cache-Control": "private, max-age=31536000, immutable", ETag: `"${sha}"` };
  if (head) return c.body(null, 200, headers);
  return c.body(Uint8Array.from(row.bytes!), 200, headers);
});
