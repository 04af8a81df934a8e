import { Hono } from "hono";
import { PUSH_ANSWER_HEADER, PushRequestSchema } from "../../domain/protocol";
import type { AppEnv } from "../AppEnv";
import { problem } from "../problem";
import { readJson } from "../readJson";
import { requireUser } from "../requireUser";
import { compactPushAnswer } from "../sync/compactPushAnswer";
import { PULL_MAX_LIMIT, pullChanges } from "../sync/pullChanges";
import { pushChanges } from "../sync/pushChanges";
import { pushItemIds } from "../sync/pushItemIds";
import { zodDetail } from "../zodDetail";
import { bundleRoute } from "./bundleRoute";

/** POST /api/sync/push, GET /api/sync/pull (docs/sync-protocol.md) and POST /api/sync/bundle (a bundle file). */
export const syncRoutes = new Hono<AppEnv>();
syncRoutes.use("*", requireUser);

syncRoutes.post("/push", async (c) => {
  const body = await readJson(c);
  if (!body.ok) return body.response;
  const parsed = PushRequestSchema.safeParse(body.value);
  if (!parsed.success) return problem(c, 400, zodDetail(parsed.error, "Gói đồng bộ"));
  // A token issued to a device pushes only as that device (c.get("device") is the token's device, null for old tokens).
  const device = c.get("device");
  if (device !== null && parsed.data.device !== device) {
    return problem(c, 403, `Phiên đăng nhập này được cấp cho thiết bị "${device}", không phải "${parsed.data.device}". Hãy đăng nhập lại trên thiết bị này.`);
  }
  const ids = pushItemIds(parsed.data.changes);
  if (typeof ids === "string") return problem(c, 400, ids);
  // DEVICE BINDING: the changes must be this device's; the body's device, which the token's device (if any) has
  // checked above, until every token is bound to a device.
  const answer = await pushChanges(c.get("storage"), c.get("user"), parsed.data.changes, ids, { via: "push", device: parsed.data.device });
  // Apps that announce it get the compact answer; older builds, which read `accepted`, the full one.
  if (c.req.header(PUSH_ANSWER_HEADER) === "compact") return c.json(compactPushAnswer(answer, parsed.data.changes, ids));
  return c.json(answer);
});

syncRoutes.get("/pull", async (c) => {
  const afterRaw = c.req.query("after") ?? "0";
  const limitRaw = c.req.query("limit") ?? "1000";
  if (!/^\d{1,18}$/.test(afterRaw)) return problem(c, 400, "Tham số after (con trỏ) phải là số nguyên không âm.");
  if (!/^\d{1,5}$/.test(limitRaw) || Number(limitRaw) < 1 || Number(limitRaw) > PULL_MAX_LIMIT) {
    return problem(c, 400, `Tham số limit phải từ 1 đến ${PULL_MAX_LIMIT}.`);
  }
  return c.json(await pullChanges(c.get("storage"), c.get("user"), BigInt(afterRaw), Number(limitRaw)));
});

syncRoutes.post("/bundle", bundleRoute);
