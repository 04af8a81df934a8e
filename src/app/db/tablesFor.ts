import { TABLE_OF } from "./tableNames";

/**
 * The tables a write touching these record kinds needs: their own, the inspections (finalize locks), results and
 * findings when an inspection's lock may move, plus the change log, outbox and meta. A narrower transaction
 * commits faster than one over every table.
 */
export function tablesFor(entities: Iterable<string>): string[] {
  const t = new Set<string>(["changes", "outbox", "meta", "inspections"]);
  for (const e of entities) {
    t.add(TABLE_OF[e] ?? "records");
    if (e === "inspection") {
      t.add("results");
      t.add("findings");
    }
  }
  return [...t];
}
