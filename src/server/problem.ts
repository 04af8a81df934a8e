import type { Context } from "hono";

const TITLES: Record<number, string> = {
  400: "Yêu cầu không hợp lệ",
  401: "Chưa đăng nhập",
  403: "Không có quyền",
  404: "Không tìm thấy",
  405: "Phương thức không được hỗ trợ",
  409: "Xung đột",
  413: "Dữ liệu quá lớn",
  415: "Kiểu dữ liệu không được hỗ trợ",
  422: "Dữ liệu không khớp",
  426: "Cần cập nhật ứng dụng",
  429: "Quá nhiều lần thử",
  431: "Tiêu đề yêu cầu quá lớn",
  500: "Lỗi máy chủ",
  503: "Máy chủ tạm thời không sẵn sàng",
  507: "Máy chủ hết dung lượng lưu trữ",
};

/** An RFC 9457 problem+json response with a Vietnamese `detail`. */
export function problem(c: Context, status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  const body = { type: "about:blank", title: TITLES[status] ?? "Lỗi", status, detail, ...extra };
  return c.body(JSON.stringify(body), status as 400, { "Content-Type": "application/problem+json; charset=utf-8" });
}
