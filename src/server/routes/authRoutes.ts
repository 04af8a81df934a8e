import { getConnInfo } from "@hono/node-server/conninfo";
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../AppEnv";
import { issueToken } from "../auth/issueToken";
import { loginRetryAfter } from "../auth/loginRetryAfter";
import { recordLoginFailure } from "../auth/recordLoginFailure";
import { sha256Hex } from "../auth/sha256Hex";
import { USER_COLUMNS, userFromRow } from "../auth/userFromRow";
import { verifyPassword } from "../auth/verifyPassword";
import { problem } from "../problem";
import { readJson } from "../readJson";
import { requireUser } from "../requireUser";

const DUMMY_HASH = `scrypt$16384$${"A".repeat(22)}$${"A".repeat(43)}`;

const LoginSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });

/** The client's address; behind a reverse proxy (TRUST_PROXY=1) the first X-Forwarded-For entry. */
function clientIp(c: Context): string {
  if (process.env.TRUST_PROXY === "1") {
    const fwd = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (fwd) return fwd.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
}

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
export const authRoutes = new Hono<AppEnv>();

authRoutes.post("/login", async (c) => {
  const parsed = LoginSchema.safeParse(await readJson(c));
  if (!parsed.success) return problem(c, 400, "Cần tên đăng nhập (username) và mật khẩu (password).");
  const { username, password } = parsed.data;
  const db = c.get("storage");
  const now = c.get("now")();
  const ip = clientIp(c);
  const wait = await loginRetryAfter(db, username, ip, now);
  if (wait > 0) {
    c.header("Retry-After", String(Math.ceil(wait / 1000)));
    return problem(c, 429, `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${Math.ceil(wait / 60000)} phút.`);
  }
  const r = await db.query(`select ${USER_COLUMNS}, u.password_hash from users u where u.username = $1`, [username]);
  const row = r.rows[0];
  // An unknown username costs the same scrypt as a wrong password, so timing does not tell which names exist.
  const ok = await verifyPassword(password, row ? String(row.password_hash) : DUMMY_HASH);
  if (!row || !ok) {
    await recordLoginFailure(db, username, ip, now);
    return problem(c, 401, "Sai tên đăng nhập hoặc mật khẩu.");
  }
  const user = userFromRow(row);
  const token = await issueToken(db, user.id, now);
  return c.json({ token, user });
});

authRoutes.post("/logout", requireUser, async (c) => {
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
  await c.get("storage").query("update tokens set revoked = true where token_hash = $1", [sha256Hex(token)]);
  return c.body(null, 204);
});

authRoutes.get("/me", requireUser, (c) => c.json({ user: c.get("user") }));
