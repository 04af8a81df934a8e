import { SyncHttpError } from "./SyncHttpError";
import { PROTOCOL_VERSION, SCHEMA_VERSION } from "../../domain/protocol";

export interface RequestInitLite {
  method?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  token?: string | null;
  /** How long to wait for the answer's headers before giving the request up (default 90 s). */
  stallMs?: number;
}

/**
 * A connection that neither answers nor fails (a captive portal, a dropped mobile link) would hold the sync run and
 * every later "Đồng bộ ngay" behind it forever: past this long without headers, the request counts as a network failure.
 */
const STALL_MS = 90_000;

/** One HTTP exchange with the sync server. Network failure → SyncHttpError(0); problem+json → its Vietnamese detail. */
export async function request(fetchFn: typeof fetch, url: string, init: RequestInitLite = {}): Promise<Response> {
  const headers: Record<string, string> = { "X-Protocol-Version": String(PROTOCOL_VERSION), "X-Schema-Version": String(SCHEMA_VERSION), ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let res: Response;
  const stall = new AbortController();
  const timer = setTimeout(() => stall.abort(), init.stallMs ?? STALL_MS);
  try {
    res = await fetchFn(url, { method: init.method ?? "GET", headers, signal: stall.signal, ...(init.body !== undefined ? { body: init.body } : {}) });
  } catch {
    throw new SyncHttpError(0, "Không kết nối được máy chủ. Dữ liệu vẫn an toàn trên máy; sẽ tự thử lại.");
  } finally {
    clearTimeout(timer);
  }
  if (res.ok) return res;
  let detail = "";
  let body: { detail?: unknown } | undefined;
  try {
    body = (await res.json()) as { detail?: unknown };
    if (typeof body.detail === "string") detail = body.detail;
  } catch {
    // not JSON: keep the generic message below
  }
  throw new SyncHttpError(res.status, detail || `Máy chủ trả lỗi ${res.status}. Sẽ tự thử lại.`, body);
}

