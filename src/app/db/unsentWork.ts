import type { AppDb } from "./AppDb";
import type { AnyRow } from "./rowTypes";
import { TABLE_OF } from "./tableNames";

/** Where one inspection stands with the server: nothing sent yet, partly sent, or all of it there. */
export type InspectionSyncState = "local" | "partial" | "server";

export interface UnsentWork {
  /** Changes in the outbox (for support; the inspector is told about inspections and photos). */
  changes: number;
  /** Photos whose bytes the server does not have yet. */
  photos: number;
  /** Inspections with unsent changes or photos, with how much of each. */
  inspections: Map<string, { changes: number; photos: number }>;
  /** Unsent changes of records outside any inspection (a proposed agency, a team...). */
  other: number;
}

const OF_INSPECTION = new Set(["result", "finding", "action", "attachment"]);

/**
 * What this tablet has not sent yet, in the inspector's terms: which inspections and how many photos, rather than
 * how many field changes. Read-only; cheap enough for a live query (one read of the outbox and of the rows it touches).
 */
export async function unsentWork(db: AppDb): Promise<UnsentWork> {
  const outbox = await db.outbox.toArray();
  const changes = (await db.changes.bulkGet(outbox.map((o) => o.id))).filter((c) => c !== undefined);
  // The inspection each changed row belongs to: its own field when this change sets it, else the stored row's.
  const owner = new Map<string, string | undefined>();
  for (const entity of OF_INSPECTION) {
    const ids = [...new Set(changes.filter((c) => c.entity === entity).map((c) => c.rowId))];
    if (ids.length === 0) continue;
    const rows = (await db.table<AnyRow, string>(TABLE_OF[entity]!).bulkGet(ids)) as (AnyRow | undefined)[];
    ids.forEach((id, i) => owner.set(`${entity}|${id}`, typeof rows[i]?.inspectionId === "string" ? (rows[i]!.inspectionId as string) : undefined));
  }
  const inspections = new Map<string, { changes: number; photos: number }>();
  const bump = (id: string, key: "changes" | "photos") => {
    const e = inspections.get(id) ?? { changes: 0, photos: 0 };
    e[key]++;
    inspections.set(id, e);
  };
  let other = 0;
  for (const c of changes) {
    const insp =
      c.entity === "inspection"
        ? c.rowId
        : OF_INSPECTION.has(c.entity)
          ? (owner.get(`${c.entity}|${c.rowId}`) ?? (c.field === "inspectionId" && typeof c.value === "string" ? c.value : undefined))
          : undefined;
    if (insp) bump(insp, "changes");
    else other++;
  }
  const unsentPhotos = await db.blobs.where("uploaded").equals(0).primaryKeys();
  if (unsentPhotos.length > 0) {
    const wanted = new Set(unsentPhotos);
    for (const a of await db.attachments.toArray()) {
      if (a.sha256 && wanted.has(a.sha256) && a.inspectionId && !a.deleted) {
        bump(a.inspectionId, "photos");
        wanted.delete(a.sha256);
      }
    }
  }
  return { changes: changes.length, photos: unsentPhotos.length, inspections, other };
}

/**
 * The sync badge of each inspection: `server` when nothing of it waits to be sent, `partial` when some of its values
 * are already on the server (sent earlier, or received from it) and others wait, `local` when nothing of it has
 * left this tablet yet.
 */
export async function inspectionSyncStates(db: AppDb, unsent: UnsentWork, ids: readonly string[]): Promise<Map<string, InspectionSyncState>> {
  const outboxStamps = new Set((await db.outbox.toArray()).map((o) => o.hlc));
  const out = new Map<string, InspectionSyncState>();
  for (const id of ids) {
    if (!unsent.inspections.has(id)) {
      out.set(id, "server");
      continue;
    }
    const rows: AnyRow[] = [];
    const insp = await db.inspections.get(id);
    if (insp) rows.push(insp as AnyRow);
    rows.push(...((await db.results.where("inspectionId").equals(id).toArray()) as AnyRow[]));
    // A value whose stamp is not in the outbox was sent (or came from the server).
    const sent = rows.some((r) => Object.values(r._hlc ?? {}).some((h) => !outboxStamps.has(h)));
    out.set(id, sent ? "partial" : "local");
  }
  return out;
}
