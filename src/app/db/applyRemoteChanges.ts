import type { Change } from "../../domain/change";
import { formatHlc, parseHlc, receiveHlc } from "../../domain/hlc";
import { tablesFor } from "./tablesFor";
import type { AppDb } from "./AppDb";
import { ensureDeviceId } from "./ensureDeviceId";
import { mergeIntoRow } from "./mergeIntoRow";
import { META } from "./META";
import { remoteChangeProblem } from "./remoteChangeProblem";

export interface ApplyOptions {
  /** Wall clock in ms, for the clock-drift guard when adopting remote stamps. */
  now?: number;
  /** Also queue the new changes for push (a bundle imported on this tablet goes on to the server). */
  enqueue?: boolean;
  /** Keep the changes this app cannot apply in `quarantine` (with their reason) instead of leaving them out: a pull
   * moves its cursor past them, so they would otherwise be lost to this tablet. */
  quarantine?: boolean;
}

export interface ApplyReport {
  /** Changes this tablet did not know yet. */
  added: number;
  /** Changes it already had (delivered twice: harmless). */
  duplicates: number;
  /** Changes that are not valid, with the reason (Vietnamese); quarantined when asked. */
  invalid: { id: string; reason: string }[];
}

/**
 * Merge changes from elsewhere (a pull, a bundle) into the tablet, and store the pull cursor, in ONE transaction:
 * a crash leaves either both or neither, so a pull is never half applied nor skipped.
 */
export async function applyRemoteChanges(
  db: AppDb,
  changes: readonly unknown[],
  cursor?: string,
  opts: ApplyOptions = {},
): Promise<ApplyReport> {
  const now = opts.now ?? Date.now();
  const entities = changes.map((c) => String((c as { entity?: unknown } | null)?.entity ?? ""));
  const tables = tablesFor(entities);
  if (opts.quarantine) tables.push("quarantine");
  return db.transaction("rw", tables, async () => {
    const device = await ensureDeviceId(db);
    const report: ApplyReport = { added: 0, duplicates: 0, invalid: [] };
    const fresh: Change[] = [];
    const seen = new Set<string>();
    for (const [i, raw] of changes.entries()) {
      const checked = remoteChangeProblem(raw);
      const rawId = (raw as { id?: unknown } | null)?.id;
      const id = typeof rawId === "string" && rawId.length > 0 ? rawId.slice(0, 300) : "?";
      if (checked.problem !== null) {
        report.invalid.push({ id, reason: checked.problem });
        // A change this tablet already applied (an older, looser version accepted it) is not quarantined again.
        if (opts.quarantine && (id === "?" || !(await db.changes.get(id)))) {
          const key = id === "?" ? `?${cursor ?? ""}:${i}` : id;
          if (!(await db.quarantine.get(key))) await db.quarantine.put({ id: key, change: raw, reason: checked.problem, at: now });
        }
        continue;
      }
      const c = checked.change;
      if (seen.has(c.id) || (await db.changes.get(c.id))) {
        report.duplicates++;
        continue;
      }
      seen.add(c.id);
      fresh.push(c);
    }
    if (fresh.length > 0) {
      await db.changes.bulkAdd(fresh);
      if (opts.enqueue) await db.outbox.bulkPut(fresh.map((c) => ({ id: c.id, hlc: c.hlc, queuedAt: now })));
      const lastRaw = (await db.meta.get(META.hlc))?.value;
      let clock = typeof lastRaw === "string" ? parseHlc(lastRaw) : null;
      for (const c of fresh) clock = receiveHlc(clock, parseHlc(c.hlc), now, device);
      if (clock) await db.meta.put({ key: META.hlc, value: formatHlc({ ...clock, device }) });
      // Group by row, inspection status first so its lock is in place before the rows it governs are merged.
      const byRow = new Map<string, { entity: Change["entity"]; rowId: string; fields: Set<string> }>();
      const ordered = [...fresh].sort((a, b) => rank(a) - rank(b));
      for (const c of ordered) {
        const key = `${c.entity}\u0000${c.rowId}`;
        const entry = byRow.get(key) ?? { entity: c.entity, rowId: c.rowId, fields: new Set<string>() };
        entry.fields.add(c.field);
        byRow.set(key, entry);
      }
      for (const r of byRow.values()) await mergeIntoRow(db, r.entity, r.rowId, r.fields);
      report.added = fresh.length;
    }
    if (cursor !== undefined) await db.meta.put({ key: META.pullCursor, value: cursor });
    return report;
  });
}

function rank(c: Change): number {
  return c.entity === "inspection" ? 0 : 1;
}
