import type { ActionStatus } from "../../domain/action";
import type { Queryable } from "../Storage";
import { YEAR_INSPECTIONS_CTE } from "./yearInspectionsCte";

/** What the overdue rule needs of each live action of the year's inspections ($1 province, $2/$3 the year). */
export async function yearActionDates(db: Queryable, p: readonly unknown[]): Promise<{ action: { dueOn: string | null; status: ActionStatus; reportedOn: string | null }; signedOn: string | null }[]> {
  const r = await db.query(
    `with ${YEAR_INSPECTIONS_CTE}
     select a.data->>'dueOn' as due_on, a.data->>'status' as status, a.data->>'reportedOn' as reported_on, i.signed_on
     from rows a join insp i on i.id = a.data->>'inspectionId'
     where a.entity = 'action' and a.province = $1 and coalesce(a.data->>'deleted', 'false') <> 'true'`,
    [...p],
  );
  return r.rows.map((x) => ({
    action: { dueOn: (x.due_on as string | null) ?? null, status: String(x.status ?? "open") as ActionStatus, reportedOn: (x.reported_on as string | null) ?? null },
    signedOn: (x.signed_on as string | null) ?? null,
  }));
}
