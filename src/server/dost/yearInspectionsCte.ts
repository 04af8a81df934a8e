/**
 * SQL common table expression `insp` (materialized: the planner cannot estimate jsonb filters and would otherwise
 * repeat index lookups per result row): the province's inspections started in the year ($1 province, $2 first day,
 * $3 first day of the next year), with the columns the DOST queries use.
 */
export const YEAR_INSPECTIONS_CTE = `insp as materialized (
  select row_id as id, data->>'agencyId' as agency_id, data->>'mode' as mode, data->>'status' as status,
         data->>'teamId' as team_id, data->>'signedOn' as signed_on, data->>'startedOn' as started_on,
         data->>'checklistId' as checklist_id, data->>'checklistVersion' as checklist_version
  from rows
  where entity = 'inspection' and province = $1 and data->>'startedOn' >= $2 and data->>'startedOn' < $3
)`;

/** Parameters of YEAR_INSPECTIONS_CTE. */
export function yearParams(province: string, year: number): [string, string, string] {
  return [province, `${year}-01-01`, `${year + 1}-01-01`];
}

/** Effective due date of an action row `a` of inspection `i`: its own, or two months after signing. */
export const ACTION_DUE_SQL = `coalesce(a.data->>'dueOn', to_char((i.signed_on)::date + interval '2 months', 'YYYY-MM-DD'))`;
