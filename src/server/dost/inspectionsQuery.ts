import { z } from "zod";
import type { Queryable } from "../Storage";
import { ACTION_DUE_SQL, YEAR_INSPECTIONS_CTE, yearParams } from "./yearInspectionsCte";

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
}

/** The year's inspections behind a figure of the summary or dashboard, so every number opens its list. */
export async function inspectionsQuery(db: Queryable, province: string, year: number, f: InspectionFilter, today: string): Promise<InspectionListItem[]> {
  const params: unknown[] = [...yearParams(province, year)];
  const where: string[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.mode) add((n) => `i.mode = ${n}`, f.mode);
  if (f.status) add((n) => `i.status = ${n}`, f.status);
  if (f.kind) add((n) => `ag.data->>'kind' = ${n}`, f.kind);
  if (f.parentId !== undefined) add((n) => `coalesce(ag.data->>'parentId', '') = ${n}`, f.parentId);
  if (f.agencyId) add((n) => `i.agency_id = ${n}`, f.agencyId);
  if (f.criterion || f.outcome) {
    where.push("i.status = 'finalized'");
    const conds = [`r.entity = 'result'`, `r.data->>'inspectionId' = i.id`];
    if (f.criterion) {
      params.push(f.criterion);
      conds.push(`r.data->>'criterionCode' = $${params.length}`);
    }
    if (f.outcome) {
      params.push(f.outcome);
      conds.push(`r.data->>'outcome' = $${params.length}`);
    } else conds.push(`r.data->>'outcome' is not null`);
    where.push(`exists (select 1 from rows r where ${conds.join(" and ")})`);
  }
  if (f.actionStatus || f.overdue) {
    const conds = [`a.entity = 'action'`, `a.data->>'inspectionId' = i.id`, `coalesce(a.data->>'deleted', 'false') <> 'true'`];
    if (f.actionStatus) {
      params.push(f.actionStatus);
      conds.push(`a.data->>'status' = $${params.length}`);
    }
    if (f.overdue) {
      params.push(today);
      conds.push(`a.data->>'status' in ('open', 'reported') and ${ACTION_DUE_SQL} < $${params.length}`);
    }
    where.push(`exists (select 1 from rows a where ${conds.join(" and ")})`);
  }
  if (f.conflicts) {
    where.push(`exists (select 1 from rows c where c.province = $1 and c.conflict_count > 0
      and (c.row_id = i.id and c.entity = 'inspection' or c.data->>'inspectionId' = i.id))`);
  }
  const r = await db.query(
    `with ${YEAR_INSPECTIONS_CTE}
     select i.id, i.agency_id, ag.data->>'name' as agency_name, i.mode, i.status, i.team_id, i.started_on
     from insp i left join rows ag on ag.entity = 'agency' and ag.row_id = i.agency_id
     ${where.length > 0 ? `where ${where.join(" and ")}` : ""}
     order by i.started_on, i.id limit 5000`,
    params,
  );
  return r.rows.map((x) => ({
    id: String(x.id), agencyId: String(x.agency_id ?? ""), agencyName: String(x.agency_name ?? ""), mode: String(x.mode),
    status: String(x.status), teamId: String(x.team_id ?? ""), startedOn: String(x.started_on),
  }));
}
