/** A failed IndexedDB write in plain Vietnamese words (the technical name kept for support). */
export function describeError(err: unknown): string {
  const name = err instanceof Error || (typeof err === "object" && err !== null && "name" in err) ? String((err as { name: unknown }).name) : "";
  const inner = typeof err === "object" && err !== null && "inner" in err ? (err as { inner?: { name?: string } }).inner?.name ?? "" : "";
  const all = `${name} ${inner}`;
  // The data layer's own refusals are already in Vietnamese.
  if (name === "WriteRefusedError" && err instanceof Error) return err.message;
  if (/Quota/i.test(all)) return "bộ nhớ của máy đã đầy (QuotaExceededError)";
  if (/DatabaseClosed|InvalidState|TransactionInactive/i.test(all)) return "trình duyệt đã đóng kết nối cơ sở dữ liệu";
  if (/Abort/i.test(all)) return "trình duyệt đã huỷ giao dịch ghi";
  if (/Constraint|Validation|DataError/i.test(all)) return "dữ liệu không hợp lệ";
  const msg = err instanceof Error ? err.message : String(err);
  return msg.length > 160 ? `${msg.slice(0, 160)}…` : msg || "lỗi không rõ";
}
