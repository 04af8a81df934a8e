import { Hono } from "hono";
import type { AppEnv } from "../AppEnv";
import { createUser } from "../auth/createUser";
import { NewUserSchema } from "../auth/NewUserSchema";
import { USER_COLUMNS, userFromRow } from "../auth/userFromRow";
import { problem } from "../problem";
import { readJson } from "../readJson";
import { requireUser } from "../requireUser";
import { zodDetail } from "../zodDetail";

/** POST /api/users (admin; dost within its province) and GET /api/users (the accounts one may manage). */
export const userRoutes = new Hono<AppEnv>();
userRoutes.use("*", requireUser);

userRoutes.post("/", async (c) => {
  const me = c.get("user");
  if (me.role !== "admin" && me.role !== "dost") return problem(c, 403, "Chỉ quản trị viên hoặc Sở KH&CN được tạo tài khoản.");
  const parsed = NewUserSchema.safeParse(await readJson(c));
  if (!parsed.success) return problem(c, 400, zodDetail(parsed.error, "Tài khoản"));
  const u = parsed.data;
  if (me.role === "dost" && (u.role === "admin" || u.province !== me.province)) {
    return problem(c, 403, "Sở KH&CN chỉ tạo được tài khoản trong tỉnh của mình (không tạo quản trị viên).");
  }
  const created = await createUser(c.get("storage"), u);
  if (!created) return problem(c, 409, `Tên đăng nhập "${u.username}" đã có.`);
  return c.json({ user: created }, 201);
});

userRoutes.get("/", async (c) => {
  const me = c.get("user");
  if (me.role !== "admin" && me.role !== "dost") return problem(c, 403, "Chỉ quản trị viên hoặc Sở KH&CN xem được danh sách tài khoản.");
  const r =
    me.role === "admin"
      ? await c.get("storage").query(`select ${USER_COLUMNS} from users u order by u.username`)
      : await c.get("storage").query(`select ${USER_COLUMNS} from users u where u.province = $1 order by u.username`, [me.province]);
  return c.json({ users: r.rows.map(userFromRow) });
});
