import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../AppEnv";
import { hashPassword, type ScryptParams } from "../auth/hashPassword";
import { issueToken } from "../auth/issueToken";
import { listTokens } from "../auth/listTokens";
import { claimLoginAttempt, finishLoginAttempt } from "../auth/loginThrottle";
import { passwordProblem } from "../auth/passwordProblem";
import { USER_COLUMNS, userFromRow } from "../auth/userFromRow";
import { usernameKey } from "../auth/usernameKey";
import { verifyPassword } from "../auth/verifyPassword";
import { clientAddress } from "../clientAddress";
import { problem } from "../problem";
import { readJson } from "../readJson";
import { requireUser } from "../requireUser";
import { zodDetail } from "../zodDetail";

/** Made once per cost: an unknown username costs the same scrypt as a wrong password. */
const dummyHashes = new Map<string, Promise<string>>();
function dummyHash(params: ScryptParams): Promise<string> {
  const key = JSON.stringify(params);
  let h = dummyHashes.get(key);
  if (!h) dummyHashes.set(key, (h = hashPassword("không có tài khoản này", params)));
  return h;
}

const LoginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
  /** The tablet's device id: the token is issued to that device, and its pushes are bound to it. */
  device: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "mã thiết bị chỉ gồm chữ không dấu, số, _ và -").optional(),
});

const PasswordChangeSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) });

/**
 * POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password, GET /api/auth/devices.
 * Tokens and devices of other users are under /api/users (userRoutes).
 */
export const authRoutes = new Hono<AppEnv>();

authRoutes.post("/login", async (c) => {
  const body = await readJson(c);
  if (!body.ok) return body.response;
  const parsed = LoginSchema.safeParse(body.value);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return problem(c, 400, field === "device" ? zodDetail(parsed.error, "Đăng nhập") : "Cần tên đăng nhập (username) và mật khẩu (password).");
  }
  const { username, password, device } = parsed.data;
  const key = usernameKey(username);
  const db = c.get("storage");
  const now = c.get("now")();
  const address = clientAddress(c);
  const claim = await claimLoginAttempt(db, key, address, now);
  if (!claim.ok) {
    const seconds = Math.max(1, Math.ceil(claim.waitMs / 1000));
    c.header("Retry-After", String(seconds));
    return problem(c, 429, seconds < 90 ? `Đăng nhập sai nhiều lần. Hãy thử lại sau ${seconds} giây.` : `Đăng nhập sai nhiều lần. Hãy thử lại sau ${Math.ceil(seconds / 60)} phút.`, {
      retryAfterSeconds: seconds,
    });
  }
  let success = false;
  try {
    // Two accounts differing only in case can exist from before usernames were case-insensitive: the exact one wins.
    const r = await db.query(
      `select ${USER_COLUMNS}, u.password_hash, u.disabled from users u where u.username_key = $1 order by (u.username = $2) desc limit 1`,
      [key, username],
    );
    const row = r.rows[0];
    const params = c.get("hashParams");
    const check = await verifyPassword(password, row ? String(row.password_hash) : await dummyHash(params), params);
    if (!row || !check.ok) return problem(c, 401, "Sai tên đăng nhập hoặc mật khẩu.");
    success = true;
    if (row.disabled === true) return problem(c, 403, "Tài khoản này đã bị khoá. Hãy liên hệ quản trị viên hoặc Sở KH&CN.");
    const user = userFromRow(row);
    if (check.rehash) await db.query("update users set password_hash = $2 where id = $1", [user.id, await hashPassword(password, params)]);
    const token = await issueToken(db, user.id, now, { device: device ?? null, userAgent: c.req.header("user-agent") ?? "" });
    return c.json({ token, user });
  } finally {
    await finishLoginAttempt(db, key, address, now, success);
  }
});

authRoutes.post("/logout", requireUser, async (c) => {
  await c.get("storage").query("update tokens set revoked = true where left(token_hash, 16) = $1 and user_id = $2", [c.get("tokenId"), c.get("user").id]);
  return c.body(null, 204);
});

authRoutes.get("/me", requireUser, (c) => c.json({ user: c.get("user"), device: c.get("device") }));

/** Changes one's own password (the current one is checked); every other token of the account is revoked. */
authRoutes.post("/password", requireUser, async (c) => {
  const body = await readJson(c);
  if (!body.ok) return body.response;
  const parsed = PasswordChangeSchema.safeParse(body.value);
  if (!parsed.success) return problem(c, 400, "Cần mật khẩu hiện tại (currentPassword) và mật khẩu mới (newPassword).");
  const me = c.get("user");
  const db = c.get("storage");
  const now = c.get("now")();
  const key = usernameKey(me.username);
  const address = clientAddress(c);
  // The current password is guessed under the same limit as a login: a stolen token must not become an oracle.
  const claim = await claimLoginAttempt(db, key, address, now);
  if (!claim.ok) {
    c.header("Retry-After", String(Math.max(1, Math.ceil(claim.waitMs / 1000))));
    return problem(c, 429, `Nhập sai mật khẩu nhiều lần. Hãy thử lại sau ${Math.max(1, Math.ceil(claim.waitMs / 1000))} giây.`);
  }
  let success = false;
  try {
    const r = await db.query<{ password_hash: string }>("select password_hash from users where id = $1", [me.id]);
    const params = c.get("hashParams");
    const check = await verifyPassword(parsed.data.currentPassword, r.rows[0]?.password_hash ?? (await dummyHash(params)), params);
    if (!check.ok) return problem(c, 403, "Mật khẩu hiện tại không đúng.");
    success = true;
    const weak = passwordProblem(parsed.data.newPassword, me.username);
    if (weak) return problem(c, 400, `Mật khẩu mới không hợp lệ: ${weak}.`);
    const hash = await hashPassword(parsed.data.newPassword, params);
    const revoked = await db.transaction(async (tx) => {
      await tx.query("update users set password_hash = $2 where id = $1", [me.id, hash]);
      const t = await tx.query("update tokens set revoked = true where user_id = $1 and not revoked and left(token_hash, 16) <> $2 returning token_hash", [me.id, c.get("tokenId")]);
      return t.rows.length;
    });
    return c.json({ changed: true, revokedTokens: revoked });
  } finally {
    await finishLoginAttempt(db, key, address, now, success);
  }
});

/** The devices (tokens) signed in to one's own account. */
authRoutes.get("/devices", requireUser, async (c) =>
  c.json({ devices: await listTokens(c.get("storage"), c.get("user").id, c.get("now")(), c.get("tokenId")) }),
);

/** Signs one of one's own devices out (its token is refused at once). */
authRoutes.delete("/devices/:tokenId", requireUser, async (c) => {
  const r = await c.get("storage").query("update tokens set revoked = true where user_id = $1 and left(token_hash, 16) = $2 and not revoked returning token_hash", [
    c.get("user").id,
    c.req.param("tokenId"),
  ]);
  if (r.rows.length === 0) return problem(c, 404, "Không có thiết bị (phiên đăng nhập) này trong tài khoản của bạn.");
  return c.body(null, 204);
});
