import { request, type RequestInitLite } from "./request";
import { SyncHttpError } from "./SyncHttpError";

/** The JSON body of a successful request. */
export async function requestJson<T>(fetchFn: typeof fetch, url: string, init: RequestInitLite = {}): Promise<T> {
  const res = await request(fetchFn, url, init);
  try {
    return (await res.json()) as T;
  } catch {
    throw new SyncHttpError(502, "Máy chủ trả dữ liệu không đọc được. Sẽ tự thử lại.");
  }
}
