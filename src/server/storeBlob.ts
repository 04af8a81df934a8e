import type { Queryable } from "./Storage";

/** Stores verified blob bytes once and records a scope that may read them (the uploader's, or the row's it belongs
 * to) as an owner. True when the bytes are new. */
export async function storeBlob(tx: Queryable, sha: string, bytes: Uint8Array, mime: string, owner: { province: string | null; team: string | null }): Promise<boolean> {
  const ins = await tx.query("insert into blobs (sha256, bytes, size, mime) values ($1, $2, $3, $4) on conflict (sha256) do nothing returning sha256", [
    sha, bytes, bytes.length, mime,
  ]);
  await tx.query("insert into blob_owners (sha256, province, team) values ($1, $2, $3) on conflict do nothing", [sha, owner.province ?? "", owner.team ?? ""]);
  return ins.rows.length > 0;
}
