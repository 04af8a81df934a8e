/**
 * DOST aggregates for one province-year of 3,000 agencies × 60 criteria (180,000 results), on PGlite and on a
 * throwaway PostgreSQL: the summary and dashboard queries beside a plain SQL aggregate over the same rows, all
 * measured in the same run. Rows are generated in SQL straight into the current-state table (the push path has its
 * own benchmark); the figures are checked against each other so a broken query cannot look fast.
 */
import { dashboardQuery } from "../../src/server/dost/dashboardQuery";
import { summaryQuery } from "../../src/server/dost/summaryQuery";
import { openStorage } from "../../src/server/openStorage";
import type { Storage } from "../../src/server/Storage";
import { startPostgres } from "../support/postgres";

const AGENCIES = Number(process.env.DOST_BENCH_AGENCIES ?? 3000);
const CRITERIA = 60;
const RUNS = 5;
const P = "thanh-hoa";

async function populate(db: Storage): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  await q(`insert into rows (entity, row_id, province, team, data)
    select 'agency', 'ag-' || g, $1::text, null, jsonb_build_object('name', 'UBND xã ' || g, 'kind',
      case when g % 30 = 0 then 'province_department' else 'commune_committee' end, 'parentId', 'ag-p' || (g % 100), 'province', $1::text)
    from generate_series(1, $2::int) g`, [P, AGENCIES]);
  await q(`insert into rows (entity, row_id, province, team, data)
    select 'plan', 'plan-2026', $1::text, null, jsonb_build_object('year', 2026, 'province', $1, 'entries',
      (select jsonb_agg(jsonb_build_object('agencyId', 'ag-' || g, 'mode', m, 'teamId', 't' || (g % 5), 'month', 1 + g % 12))
       from generate_series(1, $2::int) g cross join (values ('desk'), ('onsite')) v(m) where m = 'desk' or g % 3 = 0))`, [P, AGENCIES]);
  // One inspection per agency (a third on site), 80% finalized; a neighbouring year and province as noise.
  await q(`insert into rows (entity, row_id, province, team, data, inspection_id)
    select 'inspection', 'i-' || y || '-' || pr || '-' || g, pr, 't' || (g % 5), jsonb_build_object('agencyId', 'ag-' || g,
      'mode', case when g % 3 = 0 then 'onsite' else 'desk' end, 'status', case when g % 5 = 0 then 'draft' else 'finalized' end,
      'teamId', 't' || (g % 5), 'province', pr, 'startedOn', y || '-' || lpad((1 + g % 12)::text, 2, '0') || '-10',
      'signedOn', y || '-' || lpad((1 + g % 12)::text, 2, '0') || '-11'), 'i-' || y || '-' || pr || '-' || g
    from generate_series(1, $1::int) g cross join (values (2025, $2::text), (2026, $2::text), (2026, 'nghe-an')) v(y, pr)`, [AGENCIES, P]);
  await q(`insert into rows (entity, row_id, province, team, data, inspection_id, conflict_count)
    select 'result', i.row_id || '/C' || c, i.province, i.team, jsonb_build_object('inspectionId', i.row_id, 'criterionCode', 'C' || c,
      'outcome', (array['conform', 'conform', 'conform', 'partial', 'nonconform', 'observation', 'na'])[1 + (hashtext(i.row_id) + c) % 7 + (case when (hashtext(i.row_id) + c) % 7 < 0 then 7 else 0 end)]),
      i.row_id, case when c = 1 and hashtext(i.row_id) % 50 = 0 then 1 else 0 end
    from rows i cross join generate_series(1, $1::int) c where i.entity = 'inspection'`, [CRITERIA]);
  await q(`insert into rows (entity, row_id, province, team, data)
    select 'action', 'a-' || r.row_id, r.province, r.team, jsonb_build_object('inspectionId', r.inspection_id, 'findingId', 'f-' || r.row_id,
      'status', (array['open', 'reported', 'accepted', 'not_accepted', 'verified'])[1 + abs(hashtext(r.row_id)) % 5], 'deleted', false,
      'dueOn', case when abs(hashtext(r.row_id)) % 2 = 0 then null else '2026-06-01' end, 'description', 'Khắc phục')
    from rows r where r.entity = 'result' and r.data->>'outcome' = 'nonconform'`);
  await q("analyze rows");
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value!: T;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    value = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, value };
}

async function bench(label: string, db: Storage): Promise<void> {
  const t0 = performance.now();
  await populate(db);
  const count = await db.query<{ n: string }>("select count(*)::text as n from rows");
  console.log(`${label}: ${count.rows[0]!.n} rows generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const baseline = await time(() =>
    db.query<{ outcome: string; n: string }>(
      `select data->>'outcome' as outcome, count(*)::text as n from rows where entity = 'result' and province = $1 group by 1`, [P]),
  );
  const summary = await time(() => summaryQuery(db, P, 2026, "2026-11-15"));
  const dashboard = await time(() => dashboardQuery(db, P, 2026, "2026-11-15"));
  const tallied = summary.value.criteria.reduce((s, c) => s + c.conform + c.partial + c.nonconform + c.observation + c.na, 0);
  const all = baseline.value.rows.reduce((s, r) => s + Number(r.n), 0);
  if (summary.value.criteria.length !== CRITERIA || tallied !== Math.round((AGENCIES * 4) / 5) * CRITERIA || all !== 2 * AGENCIES * CRITERIA) {
    throw new Error(`${label}: figures disagree (criteria ${summary.value.criteria.length}, tallied ${tallied}, all ${all})`);
  }
  const row = (name: string, ms: number) => console.log(`  ${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms  (${(ms / baseline.ms).toFixed(1)}× baseline)`);
  console.log(`  ${"plain aggregate (results by outcome)".padEnd(44)} ${baseline.ms.toFixed(1).padStart(9)} ms`);
  row("GET /api/dost/summary (3 queries)", summary.ms);
  row("GET /api/dost/dashboard (6 queries)", dashboard.ms);
  // Where the dashboard's time goes: one more run with each statement timed.
  const spent: { sql: string; ms: number }[] = [];
  const timed = {
    ...db,
    query: async <T,>(sql: string, params?: readonly unknown[]) => {
      const t = performance.now();
      const r = await db.query<T>(sql, params);
      spent.push({ sql: sql.replace(/\s+/g, " ").replace(/^with insp as materialized \(.*?< \$3 \)\s*,?\s*/, "").slice(0, 70), ms: performance.now() - t });
      return r;
    },
  } as Storage;
  await dashboardQuery(timed, P, 2026, "2026-11-15");
  for (const x of spent.sort((a, b) => b.ms - a.ms).slice(0, 3)) console.log(`    ${x.ms.toFixed(1).padStart(8)} ms  ${x.sql}`);
  console.log(`  summary: ${summary.value.inspections.finalized} finalized, ${tallied} results tallied, ${summary.value.actions.overdue} overdue actions; dashboard: ${dashboard.value.coverage.planned} planned, ${dashboard.value.conflicts.length} rows with conflicts`);
}

console.log(`DOST aggregates, ${AGENCIES} agencies × ${CRITERIA} criteria per province-year, median of ${RUNS} runs`);
const lite = await openStorage({ memory: true });
try {
  await bench("PGlite (in memory)", lite);
} finally {
  await lite.close();
}
const pg = await startPostgres();
try {
  const pgStorage = await openStorage({ databaseUrl: await pg.createDatabase("dost_bench"), poolSize: 2 });
  try {
    await bench("PostgreSQL", pgStorage);
  } finally {
    await pgStorage.close();
  }
} finally {
  await pg.stop();
}
