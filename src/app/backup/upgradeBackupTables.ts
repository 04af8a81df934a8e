/**
 * The tables of a backup written by an older version of the app, brought to this version's shape: the same steps as
 * the database upgrades in AppDb, applied to the file's rows. A backup records its database version
 * (`schemaVersion`, Dexie's verno); backups exist from version 2 on, but v1-shaped rows are upgraded too.
 * Pure: returns new arrays and leaves the input alone.
 */
export function upgradeBackupTables(tables: Readonly<Record<string, unknown[]>>, schemaVersion: number): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = { ...tables };
  type Row = Record<string, unknown>;
  const rows = (name: string) => (out[name] ?? []) as Row[];
  if (schemaVersion < 3) {
    // The index of the inspection whose finalize lock governs a result or finding came within version 2: backups
    // written before it lack `_inspectionId`, and a row missing from that index would escape the lock.
    for (const name of ["results", "findings"]) {
      if (out[name]) out[name] = rows(name).map((r) => (r._inspectionId === undefined ? { ...r, _inspectionId: typeof r.inspectionId === "string" ? r.inspectionId : null } : r));
    }
    // v1 outbox rows had no stamp: take it from the change, and drop entries whose change is not in the file.
    if (out.outbox) {
      const hlcOf = new Map(rows("changes").map((c) => [String(c.id), c.hlc]));
      out.outbox = rows("outbox").flatMap((o) => {
        if (typeof o.hlc === "string") return [o];
        const hlc = hlcOf.get(String(o.id));
        return typeof hlc === "string" ? [{ id: o.id, hlc, queuedAt: typeof o.queuedAt === "number" ? o.queuedAt : 0 }] : [];
      });
    }
  }
  return out;
}
