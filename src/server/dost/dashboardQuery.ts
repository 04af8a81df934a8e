import type { ActionItem, ComplianceRow, DostDashboard } from "../../domain/dostDashboard";
import type { Queryable } from "../Storage";
import { FIGURE_SQL } from "./figureSql";
import { compareCriterionCodes } from "./summaryQuery";
import type { ActionStatus } from "../../domain/action";
import { actionDueOn } from "../../domain/actionDueOn";
import { isActionOverdue } from "../../domain/isActionOverdue";
import { ACTION_DUE_SQL, YEAR_INSPECTIONS_CTE, yearParams } from "./yearInspectionsCte";

const num = (v: unknown): number => Number(v ?? 0);
const OUTCOME_SQL = `count(*) filter (where r.data->>'outcome' = 'conform') as conform,
  count(*) filter (where r.data->>'outcome' = 'partial') as partial,
  count(*) filter (where r.data->>'outcome' = 'nonconform') as nonconform,
  count(*) filter (where r.data->>'outcome' = 'observation') as observation,
  count(*) filter (where r.data->>'outcome' = 'na') as na`;
function compliance(rows: Record<string, unknown>[]): ComplianceRow[] {
  return rows
    .map((r) => ({
      code: String(r.code), group: String(r.grp ?? ""), groupName: String(r.grp_name ?? r.grp ?? ""),
      conform: num(r.conform), partial: num(r.partial), nonconform: num(r.nonconform), observation: num(r.observation), na: num(r.na),
    }))
    .sort((a, b) => compareCriterionCodes(a.code, b.code) || a.group.localeCompare(b.group));
}

function actionItems(rows: Record<string, unknown>[]): ActionItem[] {
  return rows.map((r) => ({
    actionId: String(r.action_id), inspectionId: String(r.inspection_id), agencyId: String(r.agency_id ?? ""),
    agencyName: String(r.agency_name ?? ""), status: String(r.status), dueOn: (r.due_on as string | null) ?? null,
    noticeNumber: String(r.notice_number ?? ""), decisionNote: String(r.decision_note ?? ""), description: String(r.description ?? ""),
  }));
}

/**
 * The DOST dashboard for a province-year: coverage against the plan(s) of the year, inspections by form and status,
 * compliance per criterion by agency kind and by parent unit (finalized inspections, merged values), corrective
 * actions by status with the overdue ones, notices of non-acceptance, and rows with conflicts awaiting a team lead.
 */
export async function dashboardQuery(db: Queryable, province: string, year: number, today: string): Promise<DostDashboard> {
  const p = yearParams(province, year);
  const cov = await db.query(
    `with ${YEAR_INSPECTIONS_CTE}, ${FIGURE_SQL.planEntriesCte("$4")}
     select (select count(*) from pe) as planned, (select count(*) from pe where mode = 'onsite') as planned_onsite,
            (select count(*) from pe where mode = 'desk') as planned_desk,
            (select count(distinct (i.agency_id, i.mode)) from insp i where ${FIGURE_SQL.inPlan}) as started,
            (select count(distinct (i.agency_id, i.mode)) from insp i where ${FIGURE_SQL.inPlan} and i.status = 'finalized') as finalized,
            (select count(*) from insp i where not ${FIGURE_SQL.inPlan}) as unplanned`,
    [...p, String(year)],
  );
  const fs = await db.query(`with ${YEAR_INSPECTIONS_CTE} select mode, status, count(*) as n from insp group by 1, 2 order by 1, 2`, p);
  // One pass over the finalized results gives both breakdowns (grouping sets), the heaviest part of the dashboard.
  const comp = await db.query(
    `with ${YEAR_INSPECTIONS_CTE},
     -- Agency kind and parent per finalized inspection first (a few thousand rows), so the results join a small table.
     fin as materialized (select i.id, ag.data->>'kind' as kind, ag.data->>'parentId' as parent, pa.data->>'name' as parent_name
             from insp i left join rows ag on ag.entity = 'agency' and ag.row_id = i.agency_id
               left join rows pa on pa.entity = 'agency' and pa.row_id = ag.data->>'parentId'
             where i.status = 'finalized')
     select r.data->>'criterionCode' as code, f.kind, f.parent, max(f.parent_name) as parent_name,
            grouping(f.kind) as by_parent, ${OUTCOME_SQL}
     from rows r join fin f on f.id = r.data->>'inspectionId'
     where r.entity = 'result' and r.province = $1 and r.data->>'outcome' is not null
     group by grouping sets ((1, 2), (1, 3))`,
    p,
  );
  const byKind = comp.rows.filter((r) => Number(r.by_parent) === 0).map((r) => ({ ...r, grp: r.kind, grp_name: r.kind }));
  const byParent = comp.rows.filter((r) => Number(r.by_parent) === 1).map((r) => ({ ...r, grp: r.parent, grp_name: r.parent_name }));
  const actionRows = `from rows a join insp i on i.id = a.data->>'inspectionId'
     left join rows ag on ag.entity = 'agency' and ag.row_id = i.agency_id
     where a.entity = 'action' and a.province = $1 and coalesce(a.data->>'deleted', 'false') <> 'true'`;
  const actionCols = `a.row_id as action_id, i.id as inspection_id, i.agency_id, ag.data->>'name' as agency_name, a.data->>'status' as status,
     ${ACTION_DUE_SQL} as due_on, a.data->>'noticeNumber' as notice_number, a.data->>'decisionNote' as decision_note,
     a.data->>'description' as description`;
  const byStatus = await db.query(`with ${YEAR_INSPECTIONS_CTE} select a.data->>'status' as status, count(*) as n ${actionRows} group by 1`, p);
  const followUp = await db.query<Record<string, unknown>>(
    `with ${YEAR_INSPECTIONS_CTE} select ${actionCols}, a.data->>'dueOn' as own_due, a.data->>'reportedOn' as reported_on, i.signed_on
     ${actionRows} order by action_id`,
    p,
  );
  // Overdue by the domain's rule (isActionOverdue), the same function as the summary, the console and the reports.
  const overdue = followUp.rows
    .map((r): Record<string, unknown> => ({ ...r, due_on: actionDueOn({ dueOn: (r.own_due as string | null) ?? null }, (r.signed_on as string | null) ?? null) }))
    .filter((r) => isActionOverdue({ dueOn: (r.own_due as string | null) ?? null, status: String(r.status) as ActionStatus, reportedOn: (r.reported_on as string | null) ?? null }, (r.signed_on as string | null) ?? null, today))
    .sort((x, y) => String(x.due_on).localeCompare(String(y.due_on)) || String(x.action_id).localeCompare(String(y.action_id)));
  const notices = followUp.rows.filter((r) => r.status === "not_accepted").sort((x, y) => String(x.agency_name).localeCompare(String(y.agency_name), "vi"));
  const conflicts = await db.query(
    `with ${YEAR_INSPECTIONS_CTE}
     select r.entity, r.row_id, r.team, ${FIGURE_SQL.conflictInspectionId("r")} as inspection_id, r.conflict_count,
            coalesce(ag.data->>'name', case when r.entity = 'agency' then r.data->>'name' end) as agency_name
     from rows r
       left join insp ci on ci.id = ${FIGURE_SQL.conflictInspectionId("r")}
       left join rows ag on ag.entity = 'agency' and ag.row_id = ci.agency_id
     where r.province = $1 and r.conflict_count > 0
       and (${FIGURE_SQL.conflictInspectionId("r")} in (select id from insp)
            or r.entity not in ('inspection', 'result', 'finding', 'action', 'attachment'))
     order by r.entity, r.row_id`,
    p,
  );
  const c = cov.rows[0] ?? {};
  const actionsByStatus: Record<string, number> = { open: 0, reported: 0, accepted: 0, not_accepted: 0, verified: 0 };
  for (const r of byStatus.rows) actionsByStatus[String(r.status)] = num(r.n);
  return {
    year, province, today,
    coverage: {
      planned: num(c.planned), plannedOnsite: num(c.planned_onsite), plannedDesk: num(c.planned_desk),
      started: num(c.started), finalized: num(c.finalized), unplanned: num(c.unplanned),
    },
    byFormStatus: fs.rows.map((r) => ({ mode: String(r.mode), status: String(r.status), count: num(r.n) })),
    byKind: compliance(byKind),
    byParent: compliance(byParent),
    actionsByStatus,
    overdue: actionItems(overdue),
    notices: actionItems(notices),
    conflicts: conflicts.rows.map((r) => ({
      entity: String(r.entity), rowId: String(r.row_id), team: (r.team as string | null) ?? null,
      inspectionId: (r.inspection_id as string | null) ?? null, agencyName: String(r.agency_name ?? ""), count: num(r.conflict_count),
    })),
  };
}
