import type { ServerUser } from "../auth/ServerUser";

export type DostScope = { ok: true; province: string; year: number } | { ok: false; status: 400 | 401 | 403; detail: string };

/**
 * Who may read DOST aggregates of which province-year: `dost` within its own province, `admin` for the province it
 * names with `&province=`. Everyone else is refused.
 */
export function dostScope(user: ServerUser | null | undefined, query: (k: string) => string | undefined, needYear = true): DostScope {
  if (!user) return { ok: false, status: 401, detail: "Cần đăng nhập." };
  const raw = query("year");
  const year = raw !== undefined && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (needYear && !(year >= 2014 && year <= 2100)) {
    return { ok: false, status: 400, detail: "Tham số year phải là năm có 4 chữ số (2014–2100)." };
  }
  const asked = query("province");
  if (user.role === "dost") {
    if (!user.province) return { ok: false, status: 403, detail: "Tài khoản Sở KH&CN chưa gắn với tỉnh nào." };
    if (asked !== undefined && asked !== user.province) {
      return { ok: false, status: 403, detail: "Bạn chỉ xem được số liệu của tỉnh mình." };
    }
    return { ok: true, province: user.province, year };
  }
  if (user.role === "admin") {
    if (!asked) return { ok: false, status: 400, detail: "Quản trị viên cần chỉ rõ tỉnh bằng tham số province." };
    return { ok: true, province: asked, year };
  }
  return { ok: false, status: 403, detail: "Chỉ Sở KH&CN và quản trị viên được xem số liệu tổng hợp." };
}
