import { SyncHttpError } from "./SyncHttpError";
import { PROTOCOL_VERSION, SCHEMA_VERSION } from "../../domain/protocol";

export interface RequestInitLite {
  method?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  token?: string | null;
}

/** One HTTP exchange with the sync server. Network failure → SyncHttpError(0); problem+json → its Vietnamese detail. */
export async function request(fetchFn: typeof fetch, url: string, init: RequestInitLite = {}): Promise<Response> {
  const headers: Record<string, string> = { "X-Protocol-Version": String(PROTOCOL_VERSION), "X-Schema-Version": String(SCHEMA_VERSION), ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let res: Response;
  try {
    res = await fetchFn(url, { method: init.method ?? "GET", headers, ...(init.body !== undefined ? { body: init.body } : {}) });
  } catch {
    throw new SyncHttpError(0, "Không kết nối được máy chủ. Dữ liệu vẫn an toàn trên máy; sẽ tự thử lại.");
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

