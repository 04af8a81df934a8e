import { PROTOCOL_VERSION, SCHEMA_VERSION } from "../../domain/protocol";

/** The server's answer to a bundle import: accepted ids (`already` of them it had before), refusals, photos stored. */
export type BundleImportOutcome =
  | { ok: true; accepted: string[]; already: number; rejected: { id: string; reason: string }[]; blobs: number }
  | { ok: false; detail: string; rejected: { id: string; reason: string }[] };

/** POST /api/sync/bundle with the session's token; every failure comes back as a Vietnamese `detail`, never thrown. */
export async function postBundle(token: string, json: string, fetchFn: typeof fetch = fetch): Promise<BundleImportOutcome> {
  let res: Response;
  try {
    res = await fetchFn("/api/sync/bundle", {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "X-Protocol-Version": String(PROTOCOL_VERSION),
        "X-Schema-Version": String(SCHEMA_VERSION),
      },
      body: json,
    });
  } catch {
    return { ok: false, detail: "Không kết nối được máy chủ; gói chưa được nhập. Hãy thử lại khi có mạng.", rejected: [] };
  }
  let body: { detail?: string; accepted?: string[]; already?: number; rejected?: { id: string; reason: string }[]; blobs?: number } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // keep the status line below
  }
  if (!res.ok) return { ok: false, detail: body.detail ?? `Máy chủ trả lỗi ${res.status}; gói chưa được nhập.`, rejected: body.rejected ?? [] };
  return { ok: true, accepted: body.accepted ?? [], already: body.already ?? 0, rejected: body.rejected ?? [], blobs: body.blobs ?? 0 };
}
