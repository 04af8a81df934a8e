import { gunzipSync } from "node:zlib";
import type { Context } from "hono";

/** Largest body after gunzip: a small compressed body must not expand into gigabytes. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * The request body parsed as JSON, or undefined when it is not JSON. A body sent with `Content-Encoding: gzip`
 * (the app compresses big pushes) is inflated first.
 */
export async function readJson(c: Context): Promise<unknown> {
  try {
    const encoding = (c.req.header("content-encoding") ?? "").trim().toLowerCase();
    let text: string;
    if (encoding === "gzip") {
      const raw = Buffer.from(await c.req.arrayBuffer());
      text = gunzipSync(raw, { maxOutputLength: MAX_INFLATED_BYTES }).toString("utf8");
    } else if (encoding === "" || encoding === "identity") text = await c.req.text();
    else return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
