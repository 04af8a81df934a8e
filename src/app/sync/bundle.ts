import { gunzipSync, strFromU8, strToU8 } from "fflate";
import { Sha256Schema } from "../../domain/attachment";
import { ChangeSchema } from "../../domain/change";
import type { Bundle } from "../../domain/bundle";
import type { AppDb } from "../db/AppDb";
import { applyRemoteChanges, type ApplyReport } from "../db/applyRemoteChanges";
import { base64 } from "../db/base64";
import { META } from "../db/META";
import type { Session } from "../db/Session";
import { sha256Hex } from "../db/sha256Hex";
import { tablesFor } from "../db/tablesFor";

export interface BundleImportReport extends ApplyReport {
  /** Photos new to this tablet. */
  blobs: number;
}

/**
 * `htqlcl-bundle/1` for teams that never get a link: every change this tablet knows (its own and those it
 * received) and every photo, as one UTF-8 JSON file.
 */
export async function exportBundle(db: AppDb, opts: { now?: number } = {}): Promise<Uint8Array> {
  return db.transaction("r", db.changes, db.blobs, db.meta, async () => {
    const changes = await db.changes.orderBy("hlc").toArray();
    const blobs: Record<string, string> = {};
    await db.blobs.each((b) => {
      blobs[b.sha256] = base64.encode(b.bytes);
    });
    const device = (await db.meta.get(META.deviceId))?.value;
    const session = (await db.meta.get(META.session))?.value as Session | undefined;
    const bundle: Bundle = {
      format: "htqlcl-bundle/1",
      changes,
      blobs,
      exportedAt: new Date(opts.now ?? Date.now()).toISOString(),
      ...(typeof device === "string" ? { device } : {}),
      ...(session ? { province: session.user.province, team: session.user.team } : {}),
    };
    return strToU8(JSON.stringify(bundle));
  });
}

/** Thrown for a file that is not a bundle at all; the message is Vietnamese. */
export class BundleFormatError extends Error {}

/**
 * Import a bundle under the same idempotent rules as a push: a change already known is skipped, an invalid one is
 * reported and left out, the rest are merged and queued so they reach the server when this tablet syncs. Accepts the
 * plain JSON file or a gzipped one. As on the server, a damaged photo (bytes not matching their hash) or a file whose
 * every change is invalid refuses the whole file, before anything is written; the photos and changes of an accepted
 * file are written in one transaction.
 */
export async function importBundle(db: AppDb, bytes: Uint8Array, opts: { now?: number } = {}): Promise<BundleImportReport> {
  let doc: unknown;
  try {
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    doc = JSON.parse(strFromU8(raw));
  } catch {
    throw new BundleFormatError("Tệp không phải gói đồng bộ (không đọc được JSON: tệp hỏng hoặc chưa chép hết).");
  }
  const d = doc as Partial<Bundle> | null;
  if (!d || typeof d !== "object" || d.format !== "htqlcl-bundle/1") throw new BundleFormatError("Tệp không phải gói đồng bộ htqlcl-bundle/1.");
  if (!Array.isArray(d.changes)) throw new BundleFormatError("Gói đồng bộ thiếu danh sách thay đổi.");
  const wrongScope = bundleScopeProblem(d, ((await db.meta.get(META.session))?.value as Session | undefined)?.user);
  if (wrongScope) throw new BundleFormatError(wrongScope);
  const changes = d.changes as { entity?: string; field?: string; rowId?: string; value?: unknown }[];
  const attachmentField = (field: string) => {
    const m = new Map<string, string>();
    for (const c of changes) if (c?.entity === "attachment" && c.field === field && typeof c.value === "string") m.set(String(c.rowId), c.value);
    return m;
  };
  const mimeOf = attachmentField("mime");
  const captionOf = attachmentField("caption");
  const shaInfo = new Map<string, { mime: string; caption: string }>();
  for (const [rowId, sha] of attachmentField("sha256")) shaInfo.set(sha, { mime: mimeOf.get(rowId) ?? "image/jpeg", caption: captionOf.get(rowId) ?? "" });

  const blobs = d.blobs && typeof d.blobs === "object" ? d.blobs : {};
  const goodBlobs: { sha256: string; bytes: ArrayBuffer }[] = [];
  const badBlobs: string[] = [];
  for (const [sha, data] of Object.entries(blobs)) {
    try {
      const b = base64.decode(String(data));
      if (Sha256Schema.safeParse(sha).success && (await sha256Hex(b)) === sha) goodBlobs.push({ sha256: sha, bytes: b.buffer });
      else badBlobs.push(sha);
    } catch {
      badBlobs.push(sha);
    }
  }
  if (badBlobs.length > 0) {
    const named = badBlobs.map((sha) => (shaInfo.get(sha)?.caption ? `"${shaInfo.get(sha)!.caption}" (${sha.slice(0, 12)}…)` : `${sha.slice(0, 12)}…`));
    throw new BundleFormatError(`Gói đồng bộ bị hỏng: ${badBlobs.length} ảnh không khớp mã SHA-256 (${named.join(", ")}). Không nhập gì; hãy xuất lại gói trên máy gửi.`);
  }
  const invalid = changes.filter((c) => !ChangeSchema.safeParse(c).success).length;
  if (changes.length > 0 && invalid === changes.length) {
    throw new BundleFormatError(`Cả ${changes.length} thay đổi trong gói đều sai định dạng; không nhập gì.`);
  }
  const entities = changes.map((c) => String(c?.entity ?? ""));
  return db.transaction("rw", [...tablesFor(entities), "blobs"], async () => {
    let added = 0;
    for (const b of goodBlobs) {
      if (await db.blobs.get(b.sha256)) continue;
      await db.blobs.put({ sha256: b.sha256, bytes: b.bytes, mime: shaInfo.get(b.sha256)?.mime ?? "image/jpeg", uploaded: 0 });
      added++;
    }
    const report = await applyRemoteChanges(db, d.changes!, undefined, { now: opts.now, enqueue: true });
    return { ...report, blobs: added };
  });
}

/** Why a bundle exported in another province or team must not be imported on this tablet, or null. The server
 * would refuse its changes anyway; refusing the file keeps them off this tablet's screens too. */
function bundleScopeProblem(d: Partial<Bundle>, me: Session["user"] | undefined): string | null {
  if (!me || me.role === "admin") return null;
  if (typeof d.province === "string" && d.province !== me.province) {
    return `Gói đồng bộ này được xuất ở tỉnh "${d.province}", không phải tỉnh của bạn ("${me.province ?? ""}"); không nhập.`;
  }
  const teamMember = me.role === "lead" || me.role === "inspector";
  if (teamMember && typeof d.team === "string" && d.team !== me.team) {
    return `Gói đồng bộ này của đoàn "${d.team}", không phải đoàn của bạn ("${me.team ?? ""}"); hãy nhập ở máy của đoàn đó hoặc tại Sở KH&CN.`;
  }
  return null;
}
