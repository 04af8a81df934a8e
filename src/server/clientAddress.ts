import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The client's address. Behind reverse proxies (TRUST_PROXY=<number of proxies>, `1` for one), the address the
 * nearest trusted proxy added to X-Forwarded-For, counted from the right: the entries to its left were written by
 * the client and can say anything.
 */
export function clientAddress(c: Context): string {
  const hops = Number(process.env.TRUST_PROXY ?? 0);
  if (Number.isInteger(hops) && hops > 0) {
    const entries = (c.req.header("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
    const added = entries[entries.length - hops];
    if (added) return added.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
}
