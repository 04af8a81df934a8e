/** A GET on the DOST API with the session's token; throws an Error with the server's Vietnamese detail. */
export async function dostFetch<T>(token: string, path: string, fetchFn: typeof fetch = fetch): Promise<T> {
  let res: Response;
  try {
    res = await fetchFn(`/api/dost${path}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new Error("Không kết nối được máy chủ. Số liệu tổng hợp cần mạng; dữ liệu trên máy vẫn dùng được.");
  }
  if (!res.ok) {
    let detail = `Máy chủ trả lỗi ${res.status}.`;
    try {
      const body = (await res.json()) as { detail?: string };
      if (body.detail) detail = body.detail;
    } catch {
      // keep the status line
    }
    throw new Error(detail);
  }
  return (await res.json()) as T;
}
