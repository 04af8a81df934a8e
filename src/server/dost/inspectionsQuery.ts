import { z } from "zod";
import type { Queryable } from "../Storage";
import { FIGURE_SQL } from "./figureSql";
import type { ActionStatus } from "../../domain/action";
import { isActionOverdue } from "../../domain/isActionOverdue";
import { YEAR_INSPECTIONS_CTE, yearParams } from "./yearInspectionsCte";

/** Which inspections a dashboard figure stands for. Every filter is optional; they combine with "and". */
export const InspectionFilterSchema = z.object({
  mode: z.enum(["onsite", "desk"]).optional(),
  status: z.enum(["draft", "submitted", "finalized"]).optional(),
  /** With `outcome`: finalized inspections where this criterion has that merged outcome. */
  criterion: z.string().max(50).optional(),
  outcome: z.enum(["conform", "partial", "nonconform", "observation", "na"]).optional(),
  kind: z.string().max(50).optional(),
  parentId: z.string().max(300).optional(),
  agencyId: z.string().max(300).optional(),
  actionStatus: z.enum(["open", "reported", "accepted", "not_accepted", "verified"]).optional(),
  overdue: z.enum(["true"]).optional(),
  conflicts: z.enum(["true"]).optional(),
  /** "in": the plan entries carried out (one row per agency × form of the year's plan); "out": inspections outside it. */
  plan: z.enum(["in", "out"]).optional(),
});
export type InspectionFilter = z.infer<typeof InspectionFilterSchema>;

export interface InspectionListItem {
  id: string;
  agencyId: string;
  agencyName: string;
  mode: string;
  status: string;
  teamId: string;
  startedOn: string;
  /** What the row counts besides the inspection: the criterion, the action's description or the conflicting entity. */
  detail: string;
}

/**
 * The year's inspections behind a figure of the summary or dashboard, so every number opens its list: one row per
 * thing the figure counts (a result, an action, a conflicting row, a covered plan entry, else an inspection), built
 * from the same SQL as the figure (FIGURE_SQL) and the same overdue rule (isActionOverdue).
 */
export async function inspectionsQuery(db: Queryable, province: string, year: number, f: InspectionFilter, today: string): Promise<InspectionListItem[]> {
  const params: unknown[] = [...yearParams(province, year)];
  const where: string[] = [];
  const joins: string[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (f.mode) where.push(`i.mode = ${param(f.mode)}`);
  if (f.status) where.push(`i.status = ${param(f.status)}`);
  if (f.kind !== undefined) where.push(`coalesce(ag.data->>'kind', '') = ${param(f.kind)}`);
  if (f.parentId !== undefined) where.push(`coalesce(ag.data->>'parentId', '') = ${param(f.parentId)}`);
  if (f.agencyId) where.push(`i.agency_id = ${param(f.agencyId)}`);
  let detail = "null";
  if (f.criterion || f.outcome) {
    where.push("i.status = 'finalized'");
    const conds = [`r.entity = 'result'`, `r.province = $1`, `r.data->>'inspectionId' = i.id`];
    if (f.criterion) conds.push(`r.data->>'criterionCode' = ${param(f.criterion)}`);
    conds.push(f.outcome ? `r.data->>'outcome' = ${param(f.outcome)}` : `r.data->>'outcome' is not null`);
    joins.push(`join rows r on ${conds.join(" and ")}`);
    detail = "r.data->>'criterionCode'";
  }
  if (f.actionStatus || f.overdue) {
    const conds = [`a.entity = 'action'`, `a.province = $1`, `a.data->>'inspectionId' = i.id`, `coalesce(a.data->>'deleted', 'false') <> 'true'`];
    if (f.actionStatus) conds.push(`a.data->>'status' = ${param(f.actionStatus)}`);
    // Overdue is decided below by the domain's rule (isActionOverdue), not in SQL.
    joins.push(`join rows a on ${conds.join(" and ")}`);
    detail = "a.data->>'description'";
  }
  if (f.conflicts) {
    joins.push(`join rows c on c.province = $1 and c.conflict_count > 0 and ${FIGURE_SQL.conflictInspectionId("c")} = i.id`);
    detail = "c.entity";
  }
  let ctes = YEAR_INSPECTIONS_CTE;
  if (f.plan) {
    ctes += `, ${FIGURE_SQL.planEntriesCte(param(String(year)))}`;
    where.push(f.plan === "in" ? FIGURE_SQL.inPlan : `not ${FIGURE_SQL.inPlan}`);
  }
  const body = `from insp i left join rows ag on ag.entity = 'agency' and ag.row_id = i.agency_id ${joins.join(" ")}
     ${where.length > 0 ? `where ${where.join(" and ")}` : ""}`;
  const overdueCols = f.overdue ? `, a.data->>'dueOn' as own_due, a.data->>'status' as action_status, a.data->>'reportedOn' as reported_on, i.signed_on` : "";
  const cols = `i.id, i.agency_id, ag.data->>'name' as agency_name, i.mode, i.status, i.team_id, i.started_on, ${detail} as detail${overdueCols}`;
  // A covered plan entry counts once however many inspections carried it out (two teams on the same agency).
  const select = f.plan === "in" ? `select * from (select distinct on (i.agency_id, i.mode) ${cols} ${body} order by ${FIGURE_SQL.coveredEntryOrder}) x` : `select ${cols} ${body}`;
  const r = await db.query(`with ${ctes} ${select} order by started_on, id limit 5000`, params);
  const rows = f.overdue
    ? r.rows.filter((x) =>
        isActionOverdue({ dueOn: (x.own_due as string | null) ?? null, status: String(x.action_status) as ActionStatus, reportedOn: (x.reported_on as string | null) ?? null }, (x.signed_on as string | null) ?? null, today),
      )
    : r.rows;
  return rows.map((x) => ({
    id: String(x.id), agencyId: String(x.agency_id ?? ""), agencyName: String(x.agency_name ?? ""), mode: String(x.mode),
    status: String(x.status), teamId: String(x.team_id ?? ""), startedOn: String(x.started_on), detail: String(x.detail ?? ""),
  }));
}
