import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./AppEnv";
import { userForToken } from "./auth/userForToken";
import { problem } from "./problem";

/**
 * Lets a request through only with a valid `Authorization: Bearer <token>`, and sets `c.get("user")`, the token's
 * id (`tokenId`) and the device the token was issued to (`device`).
 */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  const session = m ? await userForToken(c.get("storage"), m[1]!, c.get("now")()) : null;
  if (!session) return problem(c, 401, "Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Hãy đăng nhập lại.");
  c.set("user", session.user);
  c.set("tokenId", session.tokenId);
  c.set("device", session.device);
  await next();
};
