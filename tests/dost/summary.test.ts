import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DostSummarySchema } from "../../src/domain/dostSummary";
import { createApp } from "../../src/server/createApp";
import type { DostDashboard } from "../../src/domain/dostDashboard";
import { openStorage } from "../../src/server/openStorage";
import type { Storage } from "../../src/server/Storage";
import { startPostgres, type TestPostgres } from "../support/postgres";
import { expectedFigures } from "./support/expectedFigures";
import { OTHER_PROVINCE, PROVINCE, provinceFixture, YEAR } from "./support/provinceFixture";
import { pushFixture } from "./support/pushFixture";

const SEED = Number(process.env.DOST_SEED ?? 20261115);
const NOW = Date.UTC(2026, 10, 15, 3);
const TODAY = "2026-11-15";
const fx = provinceFixture(SEED);
const exp = expectedFigures(fx, TODAY);

describe.each(["pglite", "postgres"] as const)(`DOST summary and dashboard on %s (fixture seed ${SEED})`, (kind) => {
  let pg: TestPostgres | null = null;
  let storage: Storage;
  let app: ReturnType<typeof createApp>;
  let tokens: Map<string, string>;
  const get = async (path: string, user = "dost-th") => {
    const res = await app.request(path, { headers: { authorization: `Bearer ${tokens.get(user)}` } });
    return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    if (kind === "postgres") {
      pg = await startPostgres();
      storage = await openStorage({ databaseUrl: await pg.createDatabase("dost"), poolSize: 4 });
    } else storage = await openStorage({ memory: true });
    app = createApp({ storage, now: () => NOW });
    const pushed = await pushFixture(app, storage, fx, NOW);
    tokens = pushed.tokens;
    expect(pushed.rejected, `seed ${SEED}`).toEqual([]);
  });
  afterAll(async () => {
    await storage?.close();
    await pg?.stop();
  });

  it("the fixture is realistic: 92 communes, departments, three teams, conflicts and a second province", () => {
    expect(fx.model.agencies.filter((a) => a.kind === "commune_committee").length).toBeGreaterThanOrEqual(92);
    expect(fx.model.agencies.filter((a) => a.kind === "province_department").length).toBeGreaterThanOrEqual(10);
    expect(new Set(exp.insp.map((i) => i.teamId))).toEqual(new Set(["t1", "t2", "t3"]));
    expect(exp.conflictRows.length, `seed ${SEED}`).toBeGreaterThan(5);
    expect(exp.actions.overdue + exp.actions.not_accepted, `seed ${SEED}`).toBeGreaterThan(0);
    expect(fx.model.inspections.some((i) => i.province === OTHER_PROVINCE)).toBe(true);
  });

  it("GET /api/dost/summary matches an independent computation over the fixture", async () => {
    const r = await get(`/api/dost/summary?year=${YEAR}`);
    expect(r.status).toBe(200);
    const s = DostSummarySchema.parse(r.body);
    expect(s.year).toBe(YEAR);
    expect(s.province).toBe(PROVINCE);
    expect(s.inspections, `seed ${SEED}`).toEqual(exp.inspections);
    expect(s.actions, `seed ${SEED}`).toEqual(exp.actions);
    expect(Object.fromEntries(s.criteria.map(({ code, ...t }) => [code, t])), `seed ${SEED}`).toEqual(Object.fromEntries(exp.criteria));
    // Reading order of criterion codes: I.a … I.g before II.
    expect(s.criteria.map((c) => c.code)).toEqual([...s.criteria.map((c) => c.code)].sort((a, b) => a.localeCompare(b, "vi", { numeric: true })));
  });

  it("GET /api/dost/dashboard: coverage, form × status, compliance by kind and parent, actions, notices, conflicts", async () => {
    const r = await get(`/api/dost/dashboard?year=${YEAR}`);
    expect(r.status).toBe(200);
    const d = r.body as unknown as DostDashboard;
    expect(d.coverage, `seed ${SEED}`).toEqual(exp.coverage);
    const fs = new Map<string, number>();
    for (const i of exp.insp) fs.set(`${i.mode}|${i.status}`, (fs.get(`${i.mode}|${i.status}`) ?? 0) + 1);
    expect(Object.fromEntries(d.byFormStatus.map((x) => [`${x.mode}|${x.status}`, x.count]))).toEqual(Object.fromEntries(fs));
    const group = (rows: DostDashboard["byKind"]) => {
      const out = new Map<string, Record<string, number>>();
      for (const { code: _c, group: g, groupName: _n, ...t } of rows) {
        const cur = out.get(g) ?? { conform: 0, partial: 0, nonconform: 0, observation: 0, na: 0 };
        for (const [k, v] of Object.entries(t)) cur[k] = (cur[k] ?? 0) + v;
        out.set(g, cur);
      }
      return Object.fromEntries(out);
    };
    expect(group(d.byKind), `seed ${SEED}`).toEqual(Object.fromEntries(exp.byKind));
    expect(group(d.byParent), `seed ${SEED}`).toEqual(Object.fromEntries(exp.byParent));
    const { overdue: _o, ...byStatus } = exp.actions;
    expect(d.actionsByStatus).toEqual(byStatus);
    expect(d.overdue.map((a) => a.actionId).sort()).toEqual(exp.overdueIds);
    expect(d.overdue.every((a) => a.dueOn !== null && a.dueOn < TODAY)).toBe(true);
    expect(d.notices.map((a) => a.actionId).sort()).toEqual(exp.noticeIds);
    expect(d.notices.every((a) => a.noticeNumber.endsWith("/TB-TĐC"))).toBe(true);
    expect(d.conflicts.map((c) => `${c.entity}|${c.rowId}`).sort(), `seed ${SEED}`).toEqual(exp.conflictRows);
    // Each waiting conflict names the agency it concerns: the inspected one, or the agency row itself (the winner).
    const agencyName = new Map(fx.model.agencies.map((a) => [a.id, a.name]));
    const inspAgency = new Map(fx.model.inspections.map((i) => [i.id, i.agencyId]));
    for (const c of d.conflicts) {
      const want = c.entity === "agency" ? agencyName.get(c.rowId) : agencyName.get(inspAgency.get(c.inspectionId ?? "") ?? "");
      expect(c.agencyName, `${c.entity}|${c.rowId}`).toBe(want);
    }
  });

  it("every number opens the inspections behind it", async () => {
    const list = async (q: string) => ((await get(`/api/dost/inspections?year=${YEAR}&${q}`)).body.inspections as { id: string }[]).map((i) => i.id).sort();
    expect(await list("mode=onsite")).toEqual(exp.insp.filter((i) => i.mode === "onsite").map((i) => i.id).sort());
    expect(await list("status=draft")).toEqual(exp.insp.filter((i) => i.status === "draft").map((i) => i.id).sort());
    const code = exp.results.find((x) => x.outcome === "nonconform")!.code;
    expect(await list(`criterion=${encodeURIComponent(code)}&outcome=nonconform`)).toEqual(
      [...new Set(exp.results.filter((x) => x.code === code && x.outcome === "nonconform").map((x) => x.inspectionId))].sort(),
    );
    // One row per overdue action, as the overdue figure counts actions.
    expect(await list("overdue=true")).toEqual(exp.overdueActionInspections);
    // Coverage: the plan entries carried out (once each), and the inspections outside the plan.
    expect((await list("plan=in")).length).toBe(exp.coverage.started);
    expect((await list("plan=in&status=finalized")).length).toBe(exp.coverage.finalized);
    expect((await list("plan=out")).length).toBe(exp.coverage.unplanned);
    const bad = await get(`/api/dost/inspections?year=${YEAR}&drop=table`);
    expect(bad.status).toBe(400);
    expect(bad.type).toContain("application/problem+json");
  });

  it("an agency's history stays whole across the 2025 merger", async () => {
    const { successorId, sources } = fx.model.mergedInto;
    const r = await get(`/api/dost/agencies/${successorId}/history`);
    expect(r.status).toBe(200);
    const h = r.body as { agencyIds: string[]; years: { year: number; inspections: { agencyId: string }[] }[] };
    expect(h.agencyIds.sort()).toEqual([successorId, ...sources].sort());
    const want = fx.model.inspections.filter((i) => h.agencyIds.includes(i.agencyId));
    expect(h.years.flatMap((y) => y.inspections).length).toBe(want.length);
    expect(h.years.map((y) => y.year)).toEqual([...new Set(want.map((i) => Number(i.startedOn.slice(0, 4))))].sort());
    expect(h.years[0]!.inspections.map((i) => i.agencyId).sort()).toEqual(sources.sort());
    // An agency the province does not have is a clean 404, also for another province's agency.
    const unknown = await get(`/api/dost/agencies/khong-co/history`);
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain("application/problem+json");
    expect((unknown.body as { detail: string }).detail).toBe("Không có cơ quan này trong danh mục của tỉnh.");
    const foreign = fx.model.inspections.find((i) => i.province === OTHER_PROVINCE)!.agencyId;
    expect((await get(`/api/dost/agencies/${foreign}/history`)).status).toBe(404);
  });

  it("teams receive the plan (their assignments) by sync", async () => {
    for (const team of ["t1", "t2"]) {
      const changes: { entity: string; rowId: string; field: string; value: unknown }[] = [];
      let after = "0";
      for (;;) {
        const r = await app.request(`/api/sync/pull?after=${after}&limit=5000`, { headers: { authorization: `Bearer ${tokens.get(`lead-${team}`)}` } });
        const body = (await r.json()) as { changes: typeof changes; cursor: string; more: boolean };
        changes.push(...body.changes);
        after = body.cursor;
        if (!body.more) break;
      }
      const entries = changes.find((c) => c.entity === "plan" && c.field === "entries")?.value as { teamId: string }[] | undefined;
      expect(entries?.length).toBe(fx.model.plan.entries.length);
      expect(entries!.filter((e) => e.teamId === team).length).toBeGreaterThan(0);
      // Another team's inspections stay with that team.
      const own = new Set(exp.insp.filter((i) => i.teamId === team).map((i) => i.id));
      expect(changes.filter((c) => c.entity === "inspection").every((c) => own.has(c.rowId) || fx.model.inspections.find((i) => i.id === c.rowId)?.teamId === team)).toBe(true);
    }
  });

  it("scope: dost sees only its province, admin names one, others are refused, bad years are 400", async () => {
    expect((await get(`/api/dost/summary?year=${YEAR}`, "lead-t1")).status).toBe(403);
    expect((await get(`/api/dost/summary?year=${YEAR}&province=${OTHER_PROVINCE}`)).status).toBe(403);
    expect((await get(`/api/dost/summary?year=${YEAR}`, "admin")).status).toBe(400);
    expect((await get(`/api/dost/summary?year=20x6`)).status).toBe(400);
    const noAuth = await app.request(`/api/dost/summary?year=${YEAR}`);
    expect(noAuth.status).toBe(401);
    const other = await get(`/api/dost/summary?year=${YEAR}&province=${OTHER_PROVINCE}`, "admin");
    expect(other.status).toBe(200);
    const exo = expectedFigures(fx, TODAY, OTHER_PROVINCE);
    expect(other.body.inspections).toEqual(exo.inspections);
    expect(other.body.actions).toEqual(exo.actions);
    const same = await get(`/api/dost/summary?year=${YEAR}&province=${PROVINCE}`, "admin");
    expect(same.body.inspections).toEqual(exp.inspections);
    const empty = await get(`/api/dost/summary?year=2030`);
    expect(empty.body).toMatchObject({ inspections: { onsite: 0, desk: 0, finalized: 0, draft: 0 }, criteria: [] });
  });
});
