import { predecessorsOf } from "../../domain/predecessorsOf";
import type { Queryable } from "../Storage";

export interface AgencyHistoryYear {
  year: number;
  inspections: { id: string; agencyId: string; agencyName: string; mode: string; status: string; startedOn: string }[];
  nonconform: number;
  partial: number;
  conform: number;
}

/**
 * An agency's inspections year over year, including those of every unit that was merged into it or renamed to it
 * (followed through successor links), so its history stays whole across the 2025 reorganisation. Null when the
 * province has no such agency. Only rows of the inspection's own province and team count: a row another team or
 * province filed under it (before push refused such rows) never does.
 */
export async function agencyHistoryQuery(db: Queryable, province: string, agencyId: string): Promise<{ agencyIds: string[]; years: AgencyHistoryYear[] } | null> {
  const ag = await db.query<{ id: string; successor_id: string | null }>(
    `select row_id as id, data->>'successorId' as successor_id from rows where entity = 'agency' and province = $1`,
    [province],
  );
  if (!ag.rows.some((r) => r.id === agencyId)) return null;
  const agencyIds = predecessorsOf(agencyId, ag.rows.map((r) => ({ id: r.id, successorId: r.successor_id })));
  const r = await db.query(
    `select i.row_id as id, i.data->>'agencyId' as agency_id, a.data->>'name' as agency_name, i.data->>'mode' as mode,
            i.data->>'status' as status, i.data->>'startedOn' as started_on,
            (select count(*) from rows r where r.entity = 'result' and r.data->>'inspectionId' = i.row_id and r.data->>'outcome' = 'nonconform' and r.province = i.province and r.team is not distinct from i.team) as nonconform,
            (select count(*) from rows r where r.entity = 'result' and r.data->>'inspectionId' = i.row_id and r.data->>'outcome' = 'partial' and r.province = i.province and r.team is not distinct from i.team) as partial,
            (select count(*) from rows r where r.entity = 'result' and r.data->>'inspectionId' = i.row_id and r.data->>'outcome' = 'conform' and r.province = i.province and r.team is not distinct from i.team) as conform
     from rows i left join rows a on a.entity = 'agency' and a.province = i.province and a.row_id = i.data->>'agencyId'
     where i.entity = 'inspection' and i.province = $1 and i.data->>'agencyId' in (select jsonb_array_elements_text($2::jsonb))
     order by started_on, id`,
    [province, JSON.stringify(agencyIds)],
  );
  const years = new Map<number, AgencyHistoryYear>();
  for (const x of r.rows) {
    const year = Number(String(x.started_on).slice(0, 4));
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, inspections: [], nonconform: 0, partial: 0, conform: 0 }));
    y.inspections.push({
      id: String(x.id), agencyId: String(x.agency_id), agencyName: String(x.agency_name ?? ""), mode: String(x.mode),
      status: String(x.status), startedOn: String(x.started_on),
    });
    y.nonconform += Number(x.nonconform);
    y.partial += Number(x.partial);
    y.conform += Number(x.conform);
  }
  return { agencyIds, years: [...years.values()].sort((a, b) => a.year - b.year) };
}
