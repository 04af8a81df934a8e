import type { Handler } from "hono";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../AppEnv";
import { problem } from "../problem";
import type { ChangeHub } from "./ChangeHub";

export interface LiveOptions {
  /** A comment line this often keeps proxies and the tablet's radio from dropping an idle stream (default 25 s). */
  heartbeatMs?: number;
  /** The stream ends after this many heartbeats (default 24, about 10 minutes): the client reconnects, and its token is checked again. */
  heartbeats?: number;
}

/**
 * GET /api/sync/live (behind requireUser): a text/event-stream that says `changes` within moments of an accepted
 * push in the account's province (every province for admin), so the app pulls at once instead of at its next timer.
 * It carries no data: what changed is read through the pull, with its scope rules.
 */
export function liveRoute(hub: ChangeHub, opts: LiveOptions = {}): Handler<AppEnv> {
  const heartbeatMs = opts.heartbeatMs ?? 25_000;
  const heartbeats = opts.heartbeats ?? 24;
  return (c) => {
    const user = c.get("user");
    const refused = hub.refusal(user.id);
    if (refused) {
      c.header("Retry-After", "60");
      return refused === "user"
        ? problem(c, 429, "Tài khoản này đang mở quá nhiều luồng cập nhật trực tiếp. Ứng dụng vẫn tự đồng bộ định kỳ.")
        : problem(c, 503, "Máy chủ đang phục vụ quá nhiều luồng cập nhật trực tiếp. Ứng dụng vẫn tự đồng bộ định kỳ.");
    }
    c.header("Cache-Control", "no-store");
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, async (stream) => {
      let pending = false;
      let wake: (() => void) | null = null;
      const unsubscribe = hub.subscribe(user.id, { province: user.province, all: user.role === "admin" }, () => {
        pending = true;
        wake?.();
      });
      stream.onAbort(() => wake?.());
      try {
        await stream.writeSSE({ event: "ready", data: "{}", retry: 5000 });
        for (let beat = 0; beat < heartbeats && !stream.aborted; ) {
          if (!pending) {
            const timedOut = await new Promise<boolean>((done) => {
              const timer = setTimeout(() => done(true), heartbeatMs);
              wake = () => {
                clearTimeout(timer);
                done(false);
              };
            });
            wake = null;
            if (stream.aborted) break;
            if (timedOut) {
              beat++;
              await stream.write(": ping\n\n");
              continue;
            }
          }
          pending = false;
          await stream.writeSSE({ event: "changes", data: "{}" });
        }
      } finally {
        unsubscribe();
      }
    });
  };
}
