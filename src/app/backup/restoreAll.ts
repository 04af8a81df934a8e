import { gunzipSync, strFromU8 } from "fflate";
import { ALL_TABLES } from "../db/ALL_TABLES";
import type { AppDb } from "../db/AppDb";
import { base64 } from "../db/base64";
import { formatHlc, parseHlc, receiveHlc } from "../../domain/hlc";
import { ensureDeviceId } from "../db/ensureDeviceId";
import { mergeIntoRow } from "../db/mergeIntoRow";
import { DEVICE_META_KEYS, META } from "../db/META";
import type { ChangeRow } from "../db/rowTypes";
import { sha256Hex } from "../db/sha256Hex";
import { BACKUP_FORMAT } from "./backupAll";
import { upgradeBackupTables } from "./upgradeBackupTables";

export interface RestoreReport {
  changes: number;
  photos: number;
  /** Changes that were on this tablet but not in the backup: kept and merged with it. */
  keptLocal: number;
}

/**
 * Restore a backupAll file, losslessly, on this or another tablet. The whole file is checked first (format, every
 * photo against its hash); then one transaction writes it. Nothing already on the tablet is lost: its own changes
 * not in the backup stay and are merged with the restored ones. Throws a Vietnamese message for a bad file.
 */
export async function restoreAll(db: AppDb, bytes: Uint8Array, opts: { now?: number } = {}): Promise<RestoreReport> {
  let doc: { format?: unknown; schemaVersion?: unknown; tables?: Record<string, unknown[]>; blobs?: { sha256: string; mime: string; uploaded: 0 | 1; data: string }[] };
  try {
    doc = JSON.parse(strFromU8(gunzipSync(bytes)));
  } catch {
    throw new Error("Tệp không phải bản sao lưu của ứng dụng (không giải nén/đọc được).");
  }
  if (doc?.format !== BACKUP_FORMAT || !doc.tables || !Array.isArray(doc.blobs)) throw new Error("Tệp không phải bản sao lưu htqlcl-backup/1.");
  if (typeof doc.schemaVersion !== "number" || doc.schemaVersion > db.verno) {
    throw new Error("Bản sao lưu được tạo bởi phiên bản ứng dụng mới hơn; hãy cập nhật ứng dụng trước khi khôi phục.");
  }
  const known = new Set<string>(ALL_TABLES);
  for (const name of Object.keys(doc.tables)) if (!known.has(name) || !Array.isArray(doc.tables[name])) throw new Error(`Bản sao lưu có bảng lạ: ${name}.`);
  const blobs: { sha256: string; mime: string; uploaded: 0 | 1; bytes: ArrayBuffer }[] = [];
  for (const b of doc.blobs) {
    const data = base64.decode(b.data);
    if ((await sha256Hex(data)) !== b.sha256) throw new Error(`Ảnh ${b.sha256.slice(0, 12)}… trong bản sao lưu bị hỏng (sai mã SHA-256).`);
    blobs.push({ sha256: b.sha256, mime: b.mime, uploaded: b.uploaded === 1 ? 1 : 0, bytes: data.buffer });
  }
  // A backup written by an older version is brought to this version's row shapes first.
  const tables = upgradeBackupTables(doc.tables, doc.schemaVersion);
  const now = opts.now ?? Date.now();
  return db.transaction("rw", [...ALL_TABLES], async () => {
    const device = await ensureDeviceId(db);
    const incoming = (tables.changes ?? []) as ChangeRow[];
    const incomingIds = new Set(incoming.map((c) => c.id));
    const extra = (await db.changes.toArray()).filter((c) => !incomingIds.has(c.id));
    for (const [name, rows] of Object.entries(tables)) {
      const list = name === "meta" ? (rows as { key: string }[]).filter((r) => !DEVICE_META_KEYS.includes(r.key)) : rows;
      await db.table(name).bulkPut(list);
    }
    await db.blobs.bulkPut(blobs);
    const byRow = new Map<string, { entity: ChangeRow["entity"]; rowId: string; fields: Set<string> }>();
    for (const c of extra) {
      const k = `${c.entity}\u0000${c.rowId}`;
      const e = byRow.get(k) ?? { entity: c.entity, rowId: c.rowId, fields: new Set<string>() };
      e.fields.add(c.field);
      byRow.set(k, e);
    }
    for (const r of [...byRow.values()].sort((a, b) => Number(b.entity === "inspection") - Number(a.entity === "inspection"))) {
      await mergeIntoRow(db, r.entity, r.rowId, r.fields);
    }
    const lastRaw = (await db.meta.get(META.hlc))?.value;
    let clock = typeof lastRaw === "string" ? parseHlc(lastRaw) : null;
    for (const c of incoming) clock = receiveHlc(clock, parseHlc(c.hlc), now, device);
    if (clock) await db.meta.put({ key: META.hlc, value: formatHlc({ ...clock, device }) });
    return { changes: incoming.length, photos: blobs.length, keptLocal: extra.length };
  });
}
