import type { AppDb } from "./AppDb";
import type { AnyRow } from "./rowTypes";
import { TABLE_OF } from "./tableNames";

/** Read and write the merged row of any record kind (kinds without their own table live in `records`). */
export const rowTable = {
  async get(db: AppDb, entity: string, rowId: string): Promise<AnyRow | undefined> {
    const t = TABLE_OF[entity];
    if (t) return db.table<AnyRow, string>(t).get(rowId);
    const r = await db.records.get([entity, rowId]);
    if (!r) return undefined;
    const { _entity: _e, ...row } = r;
    return row as AnyRow;
  },
  async put(db: AppDb, entity: string, row: AnyRow): Promise<void> {
    const t = TABLE_OF[entity];
    if (t) await db.table<AnyRow, string>(t).put(row);
    else await db.records.put({ ...row, _entity: entity });
  },
};
