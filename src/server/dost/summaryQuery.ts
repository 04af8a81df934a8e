import type { DostSummary } from "../../domain/dostSummary";
import type { Queryable } from "../Storage";
import { criterionTitles } from "./criterionTitles";
import { isActionOverdue } from "../../domain/isActionOverdue";
import { yearActionDates } from "./yearActionDates";
import { YEAR_INSPECTIONS_CTE, yearParams } from "./yearInspectionsCte";

type Counts = Record<string, string | number | null>;
const num = (v: unknown): number => Number(v ?? 0);

/** Criterion codes in reading order: "I.a.2" before "I.a.10", Vietnamese letters (đ) after d. */
export function compareCriterionCodes(a: string, b: string): number {
  return a.localeCompare(b, "vi", { numeric: true });
}

/**
 * `GET /api/dost/summary`: three aggregates over the current-state table, all counted in SQL. Criteria tally the
 * merged `outcome` of results of the year's finalized inspections; overdue = actions of the year's inspections
 * still unreported after their due date or reported late (isActionOverdue).
 */
export async function summaryQuery(db: Queryable, province: string, year: number, today: string): Promise<DostSummary> {
  const p = yearParams(province, year);
  const insp = await db.query<Counts>(
    `with ${YEAR_INSPECTIONS_CTE}
     select count(*) filter (where mode = 'onsite') as onsite, count(*) filter (where mode = 'desk') as desk,
            count(*) filter (where status = 'finalized') as finalized, count(*) filter (where status = 'draft') as draft,
            count(*) filter (where status = 'submitted') as submitted
     from insp`,
    p,
  );
  const crit = await db.query<Counts & { code: string; checklist: string }>(
    `with ${YEAR_INSPECTIONS_CTE}
     select r.data->>'criterionCode' as code, i.checklist_id || '@' || i.checklist_version as checklist,
            count(*) filter (where r.data->>'outcome' = 'conform') as conform,
            count(*) filter (where r.data->>'outcome' = 'partial') as partial,
            count(*) filter (where r.data->>'outcome' = 'nonconform') as nonconform,
            count(*) filter (where r.data->>'outcome' = 'observation') as observation,
            count(*) filter (where r.data->>'outcome' = 'na') as na
     from rows r join insp i on i.id = r.data->>'inspectionId'
     where r.entity = 'result' and r.province = $1 and i.status = 'finalized' and r.data->>'outcome' is not null
     group by 1, 2`,
    p,
  );
  const act = await db.query<Counts>(
    `with ${YEAR_INSPECTIONS_CTE}
     select count(*) filter (where a.data->>'status' = 'open') as open,
            count(*) filter (where a.data->>'status' = 'reported') as reported,
            count(*) filter (where a.data->>'status' = 'accepted') as accepted,
            count(*) filter (where a.data->>'status' = 'not_accepted') as not_accepted,
            count(*) filter (where a.data->>'status' = 'verified') as verified
     from rows a join insp i on i.id = a.data->>'inspectionId'
     where a.entity = 'action' and a.province = $1 and coalesce(a.data->>'deleted', 'false') <> 'true'`,
    p,
  );
  // Overdue by the domain's rule (isActionOverdue: working days, reports judged by their own date), the same
  // function the console and the reports use.
  const overdue = (await yearActionDates(db, p)).filter((r) => isActionOverdue(r.action, r.signedOn, today)).length;
  const OUTCOME_KEYS = ["conform", "partial", "nonconform", "observation", "na"] as const;
  const byCode = new Map<string, { code: string; conform: number; partial: number; nonconform: number; observation: number; na: number }>();
  const uses: { code: string; checklist: string; n: number }[] = [];
  for (const r of crit.rows) {
    const k = byCode.get(r.code) ?? { code: r.code, conform: 0, partial: 0, nonconform: 0, observation: 0, na: 0 };
    let n = 0;
    for (const o of OUTCOME_KEYS) {
      k[o] += num(r[o]);
      n += num(r[o]);
    }
    byCode.set(r.code, k);
    if (r.checklist) uses.push({ code: r.code, checklist: r.checklist, n });
  }
  const titles = await criterionTitles(db, province, uses);
  const i = insp.rows[0] ?? {};
  const a = act.rows[0] ?? {};
  return {
    year,
    province,
    inspections: { onsite: num(i.onsite), desk: num(i.desk), finalized: num(i.finalized), draft: num(i.draft), submitted: num(i.submitted) },
    criteria: [...byCode.values()]
      .map((k) => {
        const title = titles.get(k.code);
        return title ? { ...k, title } : k;
      })
      .sort((x, y) => compareCriterionCodes(x.code, y.code)),
    actions: {
      open: num(a.open), reported: num(a.reported), accepted: num(a.accepted), not_accepted: num(a.not_accepted),
      verified: num(a.verified), overdue,
    },
  };
}
