import { Hono } from "hono";
import type { AppEnv } from "../AppEnv";
import { problem } from "../problem";
import { agencyHistoryQuery } from "./agencyHistoryQuery";
import { dashboardQuery } from "./dashboardQuery";
import { dostScope } from "./dostScope";
import { InspectionFilterSchema, inspectionsQuery } from "./inspectionsQuery";
import { summaryQuery } from "./summaryQuery";

const todayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * DOST console routes, mounted under /api/dost behind requireUser: aggregates over the current-state table, in SQL,
 * for `dost` within its province and `admin` with `&province=`.
 */
export const dostRoutes = new Hono<AppEnv>();

dostRoutes.get("/summary", async (c) => {
  const s = dostScope(c.get("user"), (k) => c.req.query(k));
  if (!s.ok) return problem(c, s.status, s.detail);
  return c.json(await summaryQuery(c.get("storage"), s.province, s.year, todayOf(c.get("nowMs"))));
});

dostRoutes.get("/dashboard", async (c) => {
  const s = dostScope(c.get("user"), (k) => c.req.query(k));
  if (!s.ok) return problem(c, s.status, s.detail);
  return c.json(await dashboardQuery(c.get("storage"), s.province, s.year, todayOf(c.get("nowMs"))));
});

dostRoutes.get("/inspections", async (c) => {
  const s = dostScope(c.get("user"), (k) => c.req.query(k));
  if (!s.ok) return problem(c, s.status, s.detail);
  const { year: _y, province: _p, ...rest } = c.req.query();
  const f = InspectionFilterSchema.strict().safeParse(rest);
  if (!f.success) return problem(c, 400, `Bộ lọc không hợp lệ: ${f.error.issues[0]?.path.join(".") || "tham số lạ"}.`);
  return c.json({ inspections: await inspectionsQuery(c.get("storage"), s.province, s.year, f.data, todayOf(c.get("nowMs"))) });
});

dostRoutes.get("/agencies/:id/history", async (c) => {
  const s = dostScope(c.get("user"), (k) => c.req.query(k), false);
  if (!s.ok) return problem(c, s.status, s.detail);
  const history = await agencyHistoryQuery(c.get("storage"), s.province, c.req.param("id"));
  if (!history) return problem(c, 404, "Không có cơ quan này trong danh mục của tỉnh.");
  return c.json(history);
});
