import type { AppDb } from "../../src/app/db/AppDb";
import { META } from "../../src/app/db/META";
import type { AnyRow } from "../../src/app/db/rowTypes";
import { sha256Hex } from "../../src/app/db/sha256Hex";
import { TABLE_OF } from "../../src/app/db/tableNames";
import { canonicalJson } from "../../src/domain/canonicalJson";
import type { FieldConflict } from "../../src/domain/mergeField";
import type { Storage } from "../../src/server/Storage";

interface ServerChange { id: string; entity: string; row_id: string; field: string; value: unknown; hlc: string; prev_hlc: string | null; merges: string[] | null }
interface ServerRow { entity: string; row_id: string; data: Record<string, unknown>; conflicts: Record<string, FieldConflict[]> }

/** Problems found at the end of a simulation run; empty when every invariant holds. */
export async function simInvariants(storage: Storage, clients: readonly AppDb[]): Promise<string[]> {
  const problems: string[] = [];
  const changes = (await storage.query<ServerChange & { status: string }>(
    "select id, status, entity, row_id, field, value, hlc, prev_hlc, merges from changes",
  )).rows;
  const accepted = new Map(changes.filter((c) => c.status === "accepted").map((c) => [c.id, c]));
  const serverIds = changes.map((c) => c.id);
  if (new Set(serverIds).size !== serverIds.length) problems.push("a change id is stored twice on the server");

  // 1. every change a client saved is on the server, accepted, exactly once; nothing else is there
  const saved = new Set<string>();
  for (const [i, db] of clients.entries()) {
    const device = (await db.meta.get(META.deviceId))?.value;
    const own = await db.changes.where("device").equals(String(device)).toArray();
    for (const c of own) {
      saved.add(c.id);
      if (!accepted.has(c.id)) problems.push(`client ${i}: saved change ${c.id} (${c.entity}.${c.field}) is not accepted on the server`);
    }
    if ((await db.outbox.count()) > 0) problems.push(`client ${i}: outbox not drained`);
    const rejected = await db.rejected.toArray();
    if (rejected.length > 0) problems.push(`client ${i}: ${rejected.length} changes refused, e.g. ${rejected[0]!.reason}`);
  }
  for (const id of accepted.keys()) if (!saved.has(id)) problems.push(`server holds change ${id} that no client saved`);

  // 2. every client holds exactly the server's changes and the server's state
  const rows = (await storage.query<ServerRow>("select entity, row_id, data, conflicts from rows")).rows;
  for (const [i, db] of clients.entries()) {
    const ids = new Set(await db.changes.toCollection().primaryKeys());
    if (ids.size !== accepted.size || [...accepted.keys()].some((id) => !ids.has(id))) {
      problems.push(`client ${i}: holds ${ids.size} changes, server ${accepted.size}`);
    }
    let count = 0;
    for (const t of new Set(Object.values(TABLE_OF))) count += await db.table(t).count();
    if (count !== rows.length) problems.push(`client ${i}: ${count} rows, server ${rows.length}`);
    for (const r of rows) {
      const t = TABLE_OF[r.entity];
      const mine = t ? ((await db.table(t).get(r.row_id)) as AnyRow | undefined) : undefined;
      if (!mine) {
        problems.push(`client ${i}: missing ${r.entity} ${r.row_id}`);
        continue;
      }
      const data: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(mine)) if (k !== "id" && !k.startsWith("_")) data[k] = v;
      if (canonicalJson(data) !== canonicalJson(r.data)) {
        problems.push(`client ${i}: ${r.entity} ${r.row_id} data ${canonicalJson(data)} ≠ server ${canonicalJson(r.data)}`);
      }
      if (canonicalJson(mine._conflicts ?? {}) !== canonicalJson(r.conflicts)) {
        problems.push(`client ${i}: ${r.entity} ${r.row_id} conflicts ${canonicalJson(mine._conflicts ?? {})} ≠ server ${canonicalJson(r.conflicts)}`);
      }
    }
  }

  // 3. every write nobody overwrote that differs from the shown value is kept as a conflict (oracle independent of mergeField)
  const byField = new Map<string, ServerChange[]>();
  for (const c of accepted.values()) {
    const k = `${c.entity}\u0000${c.row_id}\u0000${c.field}`;
    byField.set(k, [...(byField.get(k) ?? []), c]);
  }
  const rowOf = new Map(rows.map((r) => [`${r.entity}\u0000${r.row_id}`, r]));
  for (const [k, list] of byField) {
    const [entity, rowId, field] = k.split("\u0000") as [string, string, string];
    const row = rowOf.get(`${entity}\u0000${rowId}`);
    const overwritten = new Set(list.flatMap((c) => [...(c.prev_hlc ? [c.prev_hlc] : []), ...(c.merges ?? [])]));
    const shown = row && field in row.data ? canonicalJson(row.data[field]) : undefined;
    const kept = new Set((row?.conflicts[field] ?? []).map((c) => c.changeId));
    for (const c of list) {
      if (overwritten.has(c.hlc) || canonicalJson(c.value) === shown) continue;
      if (!kept.has(c.id)) problems.push(`${entity} ${rowId}.${field}: concurrent value ${canonicalJson(c.value)} (${c.id}) has no conflict record`);
    }
  }
  // 4. every photo of an attachment is on the server and on every tablet, byte for byte, marked uploaded
  const shas = new Set(rows.filter((r) => r.entity === "attachment" && typeof r.data.sha256 === "string").map((r) => String(r.data.sha256)));
  const onServer = new Set((await storage.query<{ sha256: string }>("select sha256 from blobs")).rows.map((r) => r.sha256));
  for (const sha of shas) if (!onServer.has(sha)) problems.push(`photo ${sha.slice(0, 12)} is not on the server`);
  for (const [i, db] of clients.entries()) {
    for (const sha of shas) {
      const b = await db.blobs.get(sha);
      if (!b) problems.push(`client ${i}: photo ${sha.slice(0, 12)} missing`);
      else if ((await sha256Hex(b.bytes)) !== sha || b.uploaded !== 1) problems.push(`client ${i}: photo ${sha.slice(0, 12)} damaged or not marked uploaded`);
    }
  }
  return problems;
}
