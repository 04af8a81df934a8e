/**
 * SQL shared by the DOST figures and the inspection lists they open, so a number and its list can only agree.
 * All refer to the `insp` CTE row `i` (YEAR_INSPECTIONS_CTE).
 */
export const FIGURE_SQL = {
  /** The plan entries (agency × form) of the province-year: $1 province, `yearParam` the year as text. */
  planEntriesCte: (yearParam: string) => `pe as (select distinct e->>'agencyId' as agency_id, e->>'mode' as mode
    from rows pl cross join lateral jsonb_array_elements(pl.data->'entries') e
    where pl.entity = 'plan' and pl.province = $1 and pl.data->>'year' = ${yearParam})`,
  /** Inspection `i` carries out an entry of the plan (same agency, same form). */
  inPlan: `exists (select 1 from pe where pe.agency_id = i.agency_id and pe.mode = i.mode)`,
  /** One row per covered plan entry: its finalized inspection if any, else its latest-started one. */
  coveredEntryOrder: `i.agency_id, i.mode, (i.status = 'finalized') desc, i.started_on desc, i.id`,
  /** The inspection a possibly conflicting row `c` belongs to. */
  conflictInspectionId: (c: string) => `coalesce(${c}.inspection_id, ${c}.data->>'inspectionId')`,
} as const;
