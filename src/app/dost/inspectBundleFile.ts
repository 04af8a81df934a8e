import { gunzipSync, strFromU8 } from "fflate";

/** What the console learned from a picked sync bundle file before sending it, or why it cannot be sent. */
export type BundleFileCheck =
  | { ok: true; json: string; changes: number; photos: number; province: string | null; team: string | null; exportedAt: string | null }
  | { ok: false; problem: string };

/**
 * Reads a picked `htqlcl-bundle/1` file (plain or gzipped JSON) on the DOST computer, so a damaged or truncated copy
 * is named in plain words before anything is sent; the server still checks every change and photo itself.
 */
export function inspectBundleFile(bytes: Uint8Array): BundleFileCheck {
  if (bytes.length === 0) return { ok: false, problem: "Tệp rỗng: đây không phải gói đồng bộ. Hãy chép lại tệp từ máy tính bảng." };
  let doc: unknown;
  try {
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    doc = JSON.parse(strFromU8(raw));
  } catch {
    return { ok: false, problem: "Tệp gói đồng bộ bị hỏng hoặc chưa chép hết (không đọc được nội dung). Không gửi gì lên máy chủ; hãy chép lại tệp từ máy tính bảng." };
  }
  const d = doc as { format?: unknown; changes?: unknown; blobs?: unknown; province?: unknown; team?: unknown; exportedAt?: unknown } | null;
  if (!d || typeof d !== "object" || d.format !== "htqlcl-bundle/1") {
    return { ok: false, problem: "Tệp này không phải gói đồng bộ của ứng dụng (htqlcl-bundle/1). Gói đồng bộ được xuất ở mục Cài đặt của máy tính bảng." };
  }
  if (!Array.isArray(d.changes)) return { ok: false, problem: "Gói đồng bộ bị hỏng: thiếu danh sách thay đổi." };
  const photos = d.blobs && typeof d.blobs === "object" ? Object.keys(d.blobs).length : 0;
  return {
    ok: true,
    json: JSON.stringify(d),
    changes: d.changes.length,
    photos,
    province: typeof d.province === "string" ? d.province : null,
    team: typeof d.team === "string" ? d.team : null,
    exportedAt: typeof d.exportedAt === "string" ? d.exportedAt : null,
  };
}
