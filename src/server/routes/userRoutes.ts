import { Hono, type Context } from "hono";
import type { AppEnv } from "../AppEnv";
import { createUser } from "../auth/createUser";
import { listTokens } from "../auth/listTokens";
import { NewUserSchema } from "../auth/NewUserSchema";
import type { ServerUser } from "../auth/ServerUser";
import { USER_COLUMNS, userFromRow } from "../auth/userFromRow";
import { problem } from "../problem";
import { readJson } from "../readJson";
import { requireUser } from "../requireUser";
import { zodDetail } from "../zodDetail";

/**
 * Accounts: POST /api/users (admin; dost within its province), GET /api/users (the accounts one may manage), and
 * their lifecycle: POST /api/users/:id/disable and /enable, GET /api/users/:id/tokens (devices), DELETE
 * /api/users/:id/tokens (all) and /api/users/:id/tokens/:tokenId (one). Admin manages every account; a DOST
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
  if (!parsed.success) return problem(c, 400, zodDetail(parsed.error, "Tài khoản"));
  const u = parsed.data;
  if (me.role === "dost" && (u.role === "admin" || u.province !== me.province)) {
    return problem(c, 403, "Sở KH&CN chỉ tạo được tài khoản trong tỉnh của mình (không tạo quản trị viên).");
  }
  const created = await createUser(c.get("storage"), u, c.get("hashParams"));
  if (!created) return problem(c, 409, `Tên đăng nhập "${u.username}" đã có (không phân biệt chữ hoa, chữ thường).`);
  return c.json({ user: { ...created, disabled: false } }, 201);
});

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
