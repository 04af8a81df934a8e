import { gzipSync, strToU8 } from "fflate";
import { ALL_TABLES } from "../db/ALL_TABLES";
import type { AppDb } from "../db/AppDb";
import { base64 } from "../db/base64";
import { DEVICE_META_KEYS } from "../db/META";
import type { BlobRow } from "../db/rowTypes";

/** The backup file format name; restoreAll refuses anything else. */
export const BACKUP_FORMAT = "htqlcl-backup/1";

/**
 * Everything on the tablet (records, every change, the outbox, refused changes, settings, photos) as one gzipped
 * JSON file. Deterministic: the same data gives the same bytes. Leaves out what belongs to this tablet rather than
 * to the data: its device id, clock and login token (a backup file must not carry a password-equivalent).
 */
export async function backupAll(db: AppDb): Promise<Uint8Array> {
  return db.transaction("r", [...ALL_TABLES], async () => {
    const tables: Record<string, unknown[]> = {};
    for (const name of ALL_TABLES) {
      if (name === "blobs") continue;
      let rows = await db.table(name).toArray();
      if (name === "meta") rows = rows.filter((r: { key: string }) => !DEVICE_META_KEYS.includes(r.key));
      tables[name] = rows;
    }
    const blobs = (await db.blobs.toArray()).map((b: BlobRow) => ({ sha256: b.sha256, mime: b.mime, uploaded: b.uploaded, data: base64.encode(b.bytes) }));
    const json = JSON.stringify({ format: BACKUP_FORMAT, schemaVersion: db.verno, tables, blobs });
    return gzipSync(strToU8(json), { level: 6, mtime: 0 });
  });
}
