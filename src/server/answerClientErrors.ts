import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import { CONTENT_SECURITY_POLICY } from "./securityHeaders";

const ANSWERS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "Tiêu đề yêu cầu quá lớn", "Phần tiêu đề (header) của yêu cầu quá lớn; hãy xoá cookie của trang hoặc thử lại."],
  HPE_REQUEST_TIMEOUT: [408, "Request Timeout", "Hết thời gian chờ", "Yêu cầu gửi quá chậm nên máy chủ đã ngừng chờ; hãy thử lại."],
};
const BAD: [number, string, string, string] = [400, "Bad Request", "Yêu cầu không hợp lệ", "Yêu cầu HTTP không đúng định dạng."];

/**
 * Requests Node's HTTP parser refuses before any route sees them (headers too large, malformed, too slow) are
 * answered as problem+json too, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, title, detail] = ANSWERS[err.code ?? ""] ?? BAD;
    const body = JSON.stringify({ type: "about:blank", title, status, detail });
    socket.end(
      [
        `HTTP/1.1 ${status} ${reason}`,
        "Content-Type: application/problem+json; charset=utf-8",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "X-Content-Type-Options: nosniff",
        `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
        "Cache-Control: no-store",
        "Connection: close",
        "",
        body,
      ].join("\r\n"),
    );
  });
}
