import type { Queryable } from "../Storage";

/** The province of the team record `team` (the team rows DOST syncs), or null when no record names it yet. */
export async function teamProvince(db: Queryable, team: string): Promise<string | null> {
  const r = await db.query<{ province: string | null }>("select province from rows where entity = 'team' and row_id = $1", [team]);
  return r.rows[0]?.province ?? null;
}
