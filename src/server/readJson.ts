import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { Context } from "hono";
import type { AppEnv } from "./AppEnv";
import { jsonTooDeep, MAX_JSON_DEPTH } from "./jsonTooDeep";
import { parseJsonOffThread } from "./parseJsonOffThread";
import { problem } from "./problem";
import { jsonIsStorable } from "./sync/jsonIsStorable";

const gunzipAsync = promisify(gunzip);

/** Bodies longer than this are parsed in a worker thread; shorter ones parse faster than a worker starts. */
const OFF_THREAD_CHARS = 256 * 1024;

/** How a route reads its JSON body (set per route in createApp). */
export interface BodyRule {
  /** Largest body in bytes, after inflating a compressed one. */
  limit: number;
  /** Whether `Content-Encoding: gzip` is accepted (the app compresses big pushes; never on auth or user routes). */
  gzip: boolean;
  /**
   * Whether every string of the body must be storable (no NUL, no lone surrogate). Pushes and bundles check
   * each change on its own instead, so one bad change is refused alone and the tablet's other changes go through.
   */
  wholeBodyStrings: boolean;
}

export const DEFAULT_BODY_RULE: BodyRule = { limit: 256 * 1024, gzip: false, wholeBodyStrings: true };

/** The parsed body, or the problem answer to send instead (400, 413, 415). */
export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * The request body parsed as JSON under the route's rule: compressed bytes are inflated with the route's own limit,
 * nesting deeper than MAX_JSON_DEPTH is refused before parsing, big bodies are parsed off the event loop.
 */
export async function readJson(c: Context<AppEnv>, notJson = "Nội dung gửi lên không phải JSON hợp lệ."): Promise<JsonBody> {
  const rule = c.get("bodyRule") ?? DEFAULT_BODY_RULE;
  const fail = (status: number, detail: string): JsonBody => ({ ok: false, response: problem(c, status, detail) });
  const tooBig = () => fail(413, `Dữ liệu gửi lên vượt quá ${Math.round(rule.limit / 1024)} KB.`);
  const encoding = (c.req.header("content-encoding") ?? "").trim().toLowerCase();
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await c.req.arrayBuffer());
    if (encoding === "gzip") {
      if (!rule.gzip) return fail(415, "Đường dẫn này không nhận dữ liệu nén (Content-Encoding: gzip); hãy gửi JSON không nén.");
      bytes = await gunzipAsync(bytes, { maxOutputLength: rule.limit });
    } else if (encoding !== "" && encoding !== "identity") {
      return fail(415, `Không nhận kiểu nén "${encoding.slice(0, 40)}"; chỉ nhận gzip hoặc không nén.`);
    }
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) return tooBig();
    return fail(400, "Dữ liệu nén (gzip) bị hỏng.");
  }
  if (bytes.length > rule.limit) return tooBig();
  const text = bytes.toString("utf8");
  if (jsonTooDeep(text)) return fail(400, `Dữ liệu JSON lồng nhau quá ${MAX_JSON_DEPTH} cấp.`);
  let value: unknown;
  if (text.length > OFF_THREAD_CHARS) {
    const r = await parseJsonOffThread(text);
    if (!r.ok) return r.reason === "memory" ? tooBig() : fail(400, notJson);
    value = r.value;
  } else {
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return fail(400, notJson);
    }
  }
  if (rule.wholeBodyStrings && !jsonIsStorable(value)) {
    return fail(400, "Dữ liệu chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lẻ).");
  }
  return { ok: true, value };
}
