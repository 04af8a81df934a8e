import { gunzipSync, strFromU8, strToU8 } from "fflate";
import { Sha256Schema } from "../../domain/attachment";
import type { Bundle } from "../../domain/bundle";
import type { AppDb } from "../db/AppDb";
import { applyRemoteChanges, type ApplyReport } from "../db/applyRemoteChanges";
import { base64 } from "../db/base64";
import { META } from "../db/META";
import type { Session } from "../db/Session";
import { sha256Hex } from "../db/sha256Hex";

export interface BundleImportReport extends ApplyReport {
  /** Photos new to this tablet. */
  blobs: number;
  /** Photos whose bytes do not match their hash (left out). */
  badBlobs: string[];
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
 * reported and left out, the rest are merged and queued so they reach the server when this tablet syncs. Photos
 * are checked against their SHA-256 first. Accepts the plain JSON file or a gzipped one.
 */
export async function importBundle(db: AppDb, bytes: Uint8Array, opts: { now?: number } = {}): Promise<BundleImportReport> {
  let doc: unknown;
  try {
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    doc = JSON.parse(strFromU8(raw));
  } catch {
    throw new BundleFormatError("Tệp không phải gói đồng bộ (không đọc được JSON).");
  }
  const d = doc as Partial<Bundle> | null;
  if (!d || typeof d !== "object" || d.format !== "htqlcl-bundle/1") throw new BundleFormatError("Tệp không phải gói đồng bộ htqlcl-bundle/1.");
  if (!Array.isArray(d.changes)) throw new BundleFormatError("Gói đồng bộ thiếu danh sách thay đổi.");
  const wrongScope = bundleScopeProblem(d, ((await db.meta.get(META.session))?.value as Session | undefined)?.user);
  if (wrongScope) throw new BundleFormatError(wrongScope);
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
  const mimeOf = new Map<string, string>();
  for (const c of d.changes as { entity?: string; field?: string; rowId?: string; value?: unknown }[]) {
    if (c?.entity === "attachment" && c.field === "mime" && typeof c.value === "string") mimeOf.set(String(c.rowId), c.value);
  }
  const shaMime = new Map<string, string>();
  for (const c of d.changes as { entity?: string; field?: string; rowId?: string; value?: unknown }[]) {
    if (c?.entity === "attachment" && c.field === "sha256" && typeof c.value === "string") shaMime.set(c.value, mimeOf.get(String(c.rowId)) ?? "image/jpeg");
  }
  let added = 0;
  await db.transaction("rw", db.blobs, async () => {
    for (const b of goodBlobs) {
      if (await db.blobs.get(b.sha256)) continue;
      await db.blobs.put({ sha256: b.sha256, bytes: b.bytes, mime: shaMime.get(b.sha256) ?? "image/jpeg", uploaded: 0 });
      added++;
    }
  });
  const report = await applyRemoteChanges(db, d.changes, undefined, { now: opts.now, enqueue: true });
  return { ...report, blobs: added, badBlobs };
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
