/** Every released version's bundle, backup and checklist files open on today's tablet, and the data lands. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync, strFromU8, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { backupAll } from "../../src/app/backup/backupAll";
import { restoreAll } from "../../src/app/backup/restoreAll";
import { upgradeBackupTables } from "../../src/app/backup/upgradeBackupTables";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { sha256Hex } from "../../src/app/db/sha256Hex";
import { WriteRefusedError } from "../../src/app/db/WriteRefusedError";
import { importBundle } from "../../src/app/sync/bundle";
import { withUnknownFields } from "../fixtures/formats/withUnknownFields";
import { testDb } from "./testDb";

const DIR = join(__dirname, "../fixtures/formats");
const files = (prefix: string) => readdirSync(DIR).filter((f) => f.startsWith(prefix)).sort();
const NOW = Date.UTC(2026, 4, 20, 3);

type Change = { id: string; entity: string; rowId: string; field: string; value: unknown };
type BundleDoc = { format: string; changes: Change[]; blobs: Record<string, string> };
type BackupDoc = { format: string; schemaVersion: number; tables: Record<string, Record<string, unknown>[]>; blobs: unknown[] };

const bundleOf = (file: string): BundleDoc => JSON.parse(readFileSync(join(DIR, file), "utf8"));
const backupOf = (file: string): BackupDoc => JSON.parse(strFromU8(gunzipSync(readFileSync(join(DIR, file)))));
/** The last value each field was given in a list of changes (the fixtures were written by one tablet, in order). */
function lastValues(changes: Change[], entity: string): Map<string, Record<string, unknown>> {
  const rows = new Map<string, Record<string, unknown>>();
  for (const c of changes) if (c.entity === entity) rows.set(c.rowId, { ...rows.get(c.rowId), [c.field]: c.value });
  return rows;
}

describe("htqlcl-bundle/1 on the tablet", () => {
  it("keeps one fixture per released version", () => {
    expect(files("bundle-1-")).toEqual(["bundle-1-2026-12-02.json", "bundle-1-c062d4f.json", "bundle-1-design.json"]);
  });

  for (const file of files("bundle-1-")) {
    it(`${file} imports whole: every change, its photo, the rows as written`, async () => {
      const doc = bundleOf(file);
      const db = testDb();
      const report = await importBundle(db, readFileSync(join(DIR, file)), { now: NOW });
      expect(report).toMatchObject({ added: doc.changes.length, duplicates: 0, invalid: [], blobs: Object.keys(doc.blobs).length });
      for (const [id, fields] of lastValues(doc.changes, "inspection")) expect(await db.inspections.get(id)).toMatchObject(fields);
      for (const [id, fields] of lastValues(doc.changes, "result")) expect(await db.results.get(id)).toMatchObject(fields);
      for (const [id, fields] of lastValues(doc.changes, "action")) expect(await db.actions.get(id)).toMatchObject(fields);
      for (const [sha] of Object.entries(doc.blobs)) expect(await sha256Hex((await db.blobs.get(sha))!.bytes)).toBe(sha);
      expect(await db.outbox.count()).toBe(doc.changes.length);

      // the same file from a later version, with fields nobody knows yet at every level, lands the same way
      const later = testDb();
      const { blobs, ...rest } = doc;
      const future = { ...(withUnknownFields(rest) as object), blobs };
      expect(await importBundle(later, strToU8(JSON.stringify(future)), { now: NOW })).toMatchObject({ added: doc.changes.length, invalid: [] });
      expect(await later.inspections.toArray()).toEqual(await db.inspections.toArray());
      expect(await later.results.toArray()).toEqual(await db.results.toArray());
    });
  }
});

describe("htqlcl-backup/1 on the tablet", () => {
  it("keeps one fixture per released database version", () => {
    expect(files("backup-1-").map((f) => [f, backupOf(f).schemaVersion])).toEqual([
      ["backup-1-2026-12-02.json.gz", 3],
      ["backup-1-c062d4f.json.gz", 2],
    ]);
  });

  for (const file of files("backup-1-")) {
    it(`${file} restores every row, change and photo, in this version's shape, and the finalize lock holds`, async () => {
      const doc = backupOf(file);
      const db = testDb();
      const report = await restoreAll(db, readFileSync(join(DIR, file)), { now: NOW });
      expect(report).toMatchObject({ changes: doc.tables.changes!.length, photos: doc.blobs.length, keptLocal: 0 });
      const inspection = doc.tables.inspections![0]!;
      expect(await db.inspections.get(String(inspection.id))).toEqual(inspection);
      expect(inspection.status).toBe("finalized");
      // every result and finding is found by the inspection that locks it, as if written by this version
      const results = doc.tables.results!;
      expect(await db.results.where("_inspectionId").equals(String(inspection.id)).count()).toBe(results.length);
      expect(await db.findings.where("_inspectionId").equals(String(inspection.id)).count()).toBe(doc.tables.findings!.length);
      const code = String(results[0]!.criterionCode);
      await expect(scoreCriterion(db, { inspectionId: String(inspection.id), criterionCode: code, outcome: "partial" }, { now: NOW })).rejects.toBeInstanceOf(WriteRefusedError);
      expect(await db.changes.count()).toBe(doc.tables.changes!.length);
      // a new backup of it is in this version's format and restores to the same rows
      const again = JSON.parse(strFromU8(gunzipSync(await backupAll(db)))) as BackupDoc;
      expect(again.schemaVersion).toBe(db.verno);
      const copy = testDb();
      await restoreAll(copy, await backupAll(db), { now: NOW });
      expect(await copy.results.toArray()).toEqual(await db.results.toArray());
    });
  }

  it("a field nobody knows yet in a backed-up row is kept", async () => {
    const doc = backupOf("backup-1-c062d4f.json.gz");
    doc.tables.inspections![0]!.xFutureField = { kept: true };
    const db = testDb();
    await restoreAll(db, gzipSync(strToU8(JSON.stringify(doc))), { now: NOW });
    expect((await db.inspections.get(String(doc.tables.inspections![0]!.id)) as Record<string, unknown>).xFutureField).toEqual({ kept: true });
  });

  it("the upgrade of older tables: lock index, v1 outbox stamps, orphans dropped, input untouched", () => {
    const tables = {
      results: [{ id: "i1/I.1.1", inspectionId: "i1" }, { id: "x", _inspectionId: "i9", inspectionId: "i1" }, { id: "y" }],
      findings: [{ id: "f1", inspectionId: "i1" }],
      changes: [{ id: "c1", hlc: "000001778400000:00000:D1" }],
      outbox: [{ id: "c1", queuedAt: 5 }, { id: "ghost" }, { id: "c2", hlc: "000001778400001:00000:D1", queuedAt: 1 }],
    };
    const before = structuredClone(tables);
    const up = upgradeBackupTables(tables, 1);
    expect(up.results).toEqual([{ id: "i1/I.1.1", inspectionId: "i1", _inspectionId: "i1" }, { id: "x", _inspectionId: "i9", inspectionId: "i1" }, { id: "y", _inspectionId: null }]);
    expect(up.findings).toEqual([{ id: "f1", inspectionId: "i1", _inspectionId: "i1" }]);
    expect(up.outbox).toEqual([{ id: "c1", hlc: "000001778400000:00000:D1", queuedAt: 5 }, { id: "c2", hlc: "000001778400001:00000:D1", queuedAt: 1 }]);
    expect(tables).toEqual(before);
    expect(upgradeBackupTables(tables, 3)).toEqual(tables);
  });
});

describe("htqlcl-checklist/1 on the tablet", () => {
  for (const file of files("checklist-1-")) {
    it(`${file} is accepted as a published checklist, kept as written (unknown fields too)`, async () => {
      const document = withUnknownFields(JSON.parse(readFileSync(join(DIR, file), "utf8"))) as { id: string; version: string };
      const db = testDb();
      const change = (field: string, value: unknown, n: number) => ({
        id: `c${n}`, entity: "checklist", rowId: `${document.id}@${document.version}`, field, value,
        hlc: `00000177840000${n}:00000:DOST01`, prevHlc: null, device: "DOST01", user: "dost",
      });
      const report = await applyRemoteChanges(db, [change("document", document, 1), change("province", "38", 2)], "1", { now: NOW, quarantine: true });
      expect(report.invalid).toEqual([]);
      expect((await db.checklists.get(`${document.id}@${document.version}`))?.document).toEqual(document);
      expect(await db.quarantine.count()).toBe(0);
    });
  }
});
