import type { Attachment } from "../../domain/attachment";
import type { AppDb } from "./AppDb";
import type { Edit } from "./Edit";
import { newId } from "./newId";
import { sha256Hex } from "./sha256Hex";
import { writeEdits, type WriteOptions } from "./writeEdits";

export interface NewPhoto {
  inspectionId: string;
  /** The row the photo is evidence for (a result id, a finding id…). */
  ownerId: string;
  /** Already resized (preparePhoto); kept as an ArrayBuffer because Blobs in IndexedDB fail on iOS. */
  bytes: ArrayBuffer;
  mime: Attachment["mime"];
  caption?: string;
  width?: number | null;
  height?: number | null;
  takenAt?: string;
  sha256?: string;
}

/** Store a photo's bytes (by SHA-256, queued for upload) and its attachment record in one transaction. */
export async function addPhoto(db: AppDb, p: NewPhoto, opts: WriteOptions = {}): Promise<string> {
  const now = opts.now ?? Date.now();
  // Hash before the transaction: awaiting Web Crypto inside it would let IndexedDB commit early.
  const sha256 = p.sha256 ?? (await sha256Hex(p.bytes));
  const bytes = p.bytes.slice(0);
  const id = newId(now);
  const values: Omit<Attachment, "id"> = {
    ownerId: p.ownerId,
    inspectionId: p.inspectionId,
    sha256,
    mime: p.mime,
    bytes: bytes.byteLength,
    caption: p.caption ?? "",
    takenAt: p.takenAt ?? new Date(now).toISOString(),
    width: p.width ?? null,
    height: p.height ?? null,
    deleted: false,
  };
  const edits: Edit[] = Object.entries(values).map(([field, value]) => ({ entity: "attachment", rowId: id, field, value }));
  await db.transaction("rw", db.tables, async () => {
    if (!(await db.blobs.get(sha256))) await db.blobs.put({ sha256, bytes, mime: p.mime, uploaded: 0 });
    await writeEdits(db, edits, { now });
  });
  return id;
}
