import { Hono, type Context } from "hono";
import type { AppEnv } from "../AppEnv";
import { AccountPatchSchema } from "../auth/AccountPatchSchema";
import { createUser } from "../auth/createUser";
import { generatePassword } from "../auth/generatePassword";
import { hashPassword } from "../auth/hashPassword";
import { listTokens } from "../auth/listTokens";
import { NewUserSchema } from "../auth/NewUserSchema";
import type { ServerUser } from "../auth/ServerUser";
import { teamProvince } from "../auth/teamProvince";
import { USER_COLUMNS, userFromRow } from "../auth/userFromRow";
import { problem } from "../problem";
import { readJson } from "../readJson";
import { requireUser } from "../requireUser";
import { zodDetail } from "../zodDetail";

/**
 * Accounts: POST /api/users (admin; dost within its province), GET /api/users (the accounts one may manage), and
 * their lifecycle: POST /api/users/:id/disable and /enable, GET /api/users/:id/tokens (devices), DELETE
 * /api/users/:id/tokens (all) and /api/users/:id/tokens/:tokenId (one); PATCH /api/users/:id (full name, role, team)
 * and POST /api/users/:id/password (a new password, answered once). Admin manages every account; a DOST
 * account the non-admin accounts of its province; anyone their own tokens. Documented in docs/api.md.
 */
export const userRoutes = new Hono<AppEnv>();
userRoutes.use("*", requireUser);

const LISTED_COLUMNS = `${USER_COLUMNS}, u.disabled`;

function listed(row: Record<string, unknown>) {
  return { ...userFromRow(row), disabled: row.disabled === true };
}

userRoutes.post("/", async (c) => {
  const me = c.get("user");
  if (me.role !== "admin" && me.role !== "dost") return problem(c, 403, "Chỉ quản trị viên hoặc Sở KH&CN được tạo tài khoản.");
  const body = await readJson(c);
  if (!body.ok) return body.response;
  const parsed = NewUserSchema.safeParse(body.value);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return problem(c, 400, zodDetail(parsed.error, "Tài khoản"), { code: field === "password" ? "weak-password" : "invalid", field });
  }
  const u = parsed.data;
  if (me.role === "dost" && (u.role === "admin" || u.province !== me.province)) {
    return problem(c, 403, "Sở KH&CN chỉ tạo được tài khoản trong tỉnh của mình (không tạo quản trị viên).", { code: "other-province" });
  }
  const teamProblem = await teamOutsideProvince(c, u.role === "lead" || u.role === "inspector" ? (u.team ?? null) : null, u.province ?? null);
  if (teamProblem) return teamProblem;
  const created = await createUser(c.get("storage"), u, c.get("hashParams"));
  if (!created) return problem(c, 409, `Tên đăng nhập "${u.username}" đã có (không phân biệt chữ hoa, chữ thường).`, { code: "username-taken" });
  return c.json({ user: { ...created, disabled: false } }, 201);
});

/** A team id whose team record belongs to another province than the account's: the problem to answer, else null. */
async function teamOutsideProvince(c: Context<AppEnv>, team: string | null, province: string | null): Promise<Response | null> {
  if (!team) return null;
  const of = await teamProvince(c.get("storage"), team);
  if (of === null || of === province) return null;
  return problem(c, 400, `Đoàn "${team}" thuộc tỉnh khác (${of}); tài khoản chỉ vào được đoàn của tỉnh mình.`, { code: "team-other-province", field: "team" });
}

userRoutes.get("/", async (c) => {
  const me = c.get("user");
  if (me.role !== "admin" && me.role !== "dost") return problem(c, 403, "Chỉ quản trị viên hoặc Sở KH&CN xem được danh sách tài khoản.");
  const r =
    me.role === "admin"
      ? await c.get("storage").query(`select ${LISTED_COLUMNS} from users u order by u.username`)
      : await c.get("storage").query(`select ${LISTED_COLUMNS} from users u where u.province = $1 order by u.username`, [me.province]);
  return c.json({ users: r.rows.map(listed) });
});

/**
 * The account `:id` if the caller may manage it (`self` also lets a user reach their own account), else the
 * problem to answer: 403 for a role that manages no accounts, 404 for an account unknown or outside one's scope.
 */
async function target(c: Context<AppEnv>, self: boolean): Promise<{ user: ServerUser & { disabled: boolean } } | { response: Response }> {
  const me = c.get("user");
  const id = c.req.param("id") ?? "";
  if (!(self && id === me.id) && me.role !== "admin" && me.role !== "dost") {
    return { response: problem(c, 403, "Chỉ quản trị viên hoặc Sở KH&CN quản lý được tài khoản của người khác.") };
  }
  const r = await c.get("storage").query(`select ${LISTED_COLUMNS} from users u where u.id = $1`, [id.slice(0, 100)]);
  const row = r.rows[0];
  const user = row ? listed(row) : null;
  const inScope = user && (user.id === me.id ? self || me.role === "admin" || me.role === "dost" : me.role === "admin" || (me.role === "dost" && user.role !== "admin" && user.province === me.province));
  if (!user || !inScope) return { response: problem(c, 404, "Không có tài khoản này (hoặc bạn không có quyền quản lý nó).") };
  return { user };
}

async function setDisabled(c: Context<AppEnv>, disabled: boolean): Promise<Response> {
  const t = await target(c, false);
  if ("response" in t) return t.response;
  if (t.user.id === c.get("user").id) return problem(c, 409, "Không thể tự khoá hoặc mở khoá tài khoản của chính mình.");
  await c.get("storage").query("update users set disabled = $2 where id = $1", [t.user.id, disabled]);
  return c.json({ user: { ...t.user, disabled } });
}

userRoutes.post("/:id/disable", (c) => setDisabled(c, true));
userRoutes.post("/:id/enable", (c) => setDisabled(c, false));

userRoutes.get("/:id/tokens", async (c) => {
  const t = await target(c, true);
  if ("response" in t) return t.response;
  return c.json({ tokens: await listTokens(c.get("storage"), t.user.id, c.get("now")(), c.get("tokenId")) });
});

userRoutes.delete("/:id/tokens", async (c) => {
  const t = await target(c, true);
  if ("response" in t) return t.response;
  const r = await c.get("storage").query("update tokens set revoked = true where user_id = $1 and not revoked returning token_hash", [t.user.id]);
  return c.json({ revoked: r.rows.length });
});

userRoutes.delete("/:id/tokens/:tokenId", async (c) => {
  const t = await target(c, true);
  if ("response" in t) return t.response;
  const r = await c.get("storage").query("update tokens set revoked = true where user_id = $1 and left(token_hash, 16) = $2 and not revoked returning token_hash", [
    t.user.id,
    c.req.param("tokenId").slice(0, 100),
  ]);
  if (r.rows.length === 0) return problem(c, 404, "Không có phiên đăng nhập (thiết bị) này của tài khoản, hoặc nó đã bị thu hồi.");
  return c.json({ revoked: 1 });
});

/** Changes an account's full name, role or team; its tokens stay valid (the new role applies to their next request). */
userRoutes.patch("/:id", async (c) => {
  const t = await target(c, false);
  if ("response" in t) return t.response;
  const me = c.get("user");
  const body = await readJson(c);
  if (!body.ok) return body.response;
  const parsed = AccountPatchSchema.safeParse(body.value);
  if (!parsed.success) return problem(c, 400, zodDetail(parsed.error, "Tài khoản"), { code: "invalid", field: parsed.error.issues[0]?.path[0] });
  const p = parsed.data;
  const role = p.role ?? t.user.role;
  if (t.user.id === me.id && role !== t.user.role) return problem(c, 409, "Không thể tự đổi vai trò của chính mình.", { code: "own-role" });
  if (me.role === "dost" && role === "admin") return problem(c, 403, "Sở KH&CN không cấp được quyền quản trị viên.", { code: "other-province" });
  if (role === "admin" && t.user.province !== null) return problem(c, 400, "Quản trị viên không thuộc tỉnh nào: hãy tạo tài khoản quản trị riêng.", { code: "invalid", field: "role" });
  if (role !== "admin" && t.user.province === null) return problem(c, 400, "Tài khoản quản trị không có tỉnh, nên không đổi được sang vai trò khác.", { code: "invalid", field: "role" });
  const inTeam = role === "lead" || role === "inspector";
  const team = inTeam ? (p.team !== undefined ? p.team : t.user.team) : null;
  if (inTeam && !team) return problem(c, 400, "Trưởng đoàn và thành viên đoàn cần thuộc một đoàn (team).", { code: "team-required", field: "team" });
  const teamProblem = await teamOutsideProvince(c, team, t.user.province);
  if (teamProblem) return teamProblem;
  const displayName = p.displayName !== undefined ? p.displayName.normalize("NFC") : t.user.displayName;
  await c.get("storage").query("update users set display_name = $2, role = $3, team = $4 where id = $1", [t.user.id, displayName, role, team]);
  return c.json({ user: { ...t.user, displayName, role, team } });
});

/**
 * Resets an account's password to a new random one, answered once (the server keeps only its hash), and signs the
 * account out everywhere: whoever knew the old password or held a token must not stay in.
 */
userRoutes.post("/:id/password", async (c) => {
  const t = await target(c, false);
  if ("response" in t) return t.response;
  if (t.user.id === c.get("user").id) return problem(c, 409, "Đổi mật khẩu của chính mình trong Cài đặt (cần mật khẩu hiện tại).", { code: "own-password" });
  const password = generatePassword();
  const hash = await hashPassword(password, c.get("hashParams"));
  const revoked = await c.get("storage").transaction(async (tx) => {
    await tx.query("update users set password_hash = $2 where id = $1", [t.user.id, hash]);
    return (await tx.query("update tokens set revoked = true where user_id = $1 and not revoked returning token_hash", [t.user.id])).rows.length;
  });
  return c.json({ password, revokedTokens: revoked });
});
