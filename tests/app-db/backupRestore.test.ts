import { describe, expect, it } from "vitest";
import { backupAll } from "../../src/app/backup/backupAll";
import { restoreAll } from "../../src/app/backup/restoreAll";
import type { AppDb } from "../../src/app/db/AppDb";
import { addPhoto } from "../../src/app/db/addPhoto";
import { createInspection } from "../../src/app/db/createInspection";
import { META } from "../../src/app/db/META";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { exportBundle, importBundle } from "../../src/app/sync/bundle";
import { photoBytes, seedAgency, tt26 } from "./fixtures";
import { testDb } from "./testDb";

async function filled(): Promise<{ db: AppDb; id: string }> {
  const db = testDb();
  const cl = tt26();
  await seedAgency(db);
  const id = await createInspection(
    db,
    { agencyId: "ag-muong-ly", checklistId: cl.id, checklistVersion: cl.version, mode: "desk", teamId: "T1", province: "TH", startedOn: "2026-05-10" },
    { checklist: cl },
  );
  await scoreCriterion(db, { inspectionId: id, criterionCode: "I.1.1", outcome: "nonconform", severity: "minor", note: "Thiếu hồ sơ" });
  await scoreCriterion(db, { inspectionId: id, criterionCode: "I.1.1", outcome: "partial" });
  await addPhoto(db, { inspectionId: id, ownerId: `${id}/I.1.1`, bytes: photoBytes(30_000, 1), mime: "image/jpeg" });
  await addPhoto(db, { inspectionId: id, ownerId: `${id}/I.1.1`, bytes: photoBytes(12_345, 2), mime: "image/png" });
  await db.blobs.toCollection().first((b) => db.blobs.update(b!.sha256, { uploaded: 1 }));
  await db.meta.put({ key: META.session, value: { token: "secret-token", user: { username: "lan", role: "lead", province: "TH", team: "T1" } } });
  await db.meta.put({ key: META.uiResume, value: { route: `/inspections/${id}/score`, criterion: "I.1.1" } });
  return { db, id };
}

const dump = async (db: AppDb, table: string) => db.table(table).toArray();

describe("backup and restore", () => {
  it("round trip is byte for byte: backup → restore into a fresh tablet → backup again", async () => {
    const { db } = await filled();
    const first = await backupAll(db);
    const other = testDb();
    const rep = await restoreAll(other, first);
    expect(rep).toMatchObject({ photos: 2, keptLocal: 0 });
    const second = await backupAll(other);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    for (const t of ["inspections", "results", "changes", "outbox", "attachments", "agencies", "checklists"]) {
      expect(await dump(other, t)).toEqual(await dump(db, t));
    }
    const a = await db.blobs.orderBy("sha256").toArray();
    const b = await other.blobs.orderBy("sha256").toArray();
    expect(b.map((x) => [x.sha256, x.mime, x.uploaded])).toEqual(a.map((x) => [x.sha256, x.mime, x.uploaded]));
    for (let i = 0; i < a.length; i++) expect(new Uint8Array(b[i]!.bytes)).toEqual(new Uint8Array(a[i]!.bytes));
    // the login token and the device id stay with their tablet
    expect(await other.meta.get(META.session)).toBeUndefined();
    expect((await other.meta.get(META.deviceId))?.value).not.toBe((await db.meta.get(META.deviceId))?.value);
    expect((await other.meta.get(META.uiResume))?.value).toEqual((await db.meta.get(META.uiResume))?.value);
  });

  it("restoring onto a tablet with its own work keeps that work and merges it", async () => {
    const { db, id } = await filled();
    const file = await backupAll(db);
    const target = testDb();
    await scoreCriterion(target, { inspectionId: id, criterionCode: "I.1.1", note: "ghi chú trên máy khác" });
    const rep = await restoreAll(target, file);
    expect(rep.keptLocal).toBe(3); // inspectionId, criterionCode and the note
    const row = await target.results.get(`${id}/I.1.1`);
    expect(row?.outcome).toBe("partial");
    expect(row?._conflicts?.note).toHaveLength(1);
    expect(await target.changes.count()).toBe((await db.changes.count()) + rep.keptLocal);
  });

  it("a damaged file is refused with a clear message and nothing is written", async () => {
    const { db } = await filled();
    const file = await backupAll(db);
    const target = testDb();
    await expect(restoreAll(target, file.slice(0, file.length - 20))).rejects.toThrow(/không phải bản sao lưu/);
    await expect(restoreAll(target, new TextEncoder().encode("hello"))).rejects.toThrow(/không phải bản sao lưu/);
    expect(await target.changes.count()).toBe(0);
  });
});

describe("sync bundle", () => {
  it("carries every change and photo to another tablet, idempotently, and queues them for the server", async () => {
    const { db } = await filled();
    const bytes = await exportBundle(db);
    const other = testDb();
    const rep = await importBundle(other, bytes);
    expect(rep).toMatchObject({ added: await db.changes.count(), duplicates: 0, invalid: [], blobs: 2 });
    expect(await dump(other, "results")).toEqual(await dump(db, "results"));
    expect(await dump(other, "inspections")).toEqual(await dump(db, "inspections"));
    expect(await other.outbox.count()).toBe(rep.added);
    const again = await importBundle(other, bytes);
    expect(again).toMatchObject({ added: 0, duplicates: rep.added, blobs: 0 });
  });

  it("reports an invalid change and imports the rest, and refuses a file that is not a bundle", async () => {
    const { db } = await filled();
    const doc = JSON.parse(new TextDecoder().decode(await exportBundle(db)));
    doc.changes[0].value = { not: "valid" };
    doc.changes[0].field = "outcome";
    doc.changes[0].entity = "result";
    const other = testDb();
    const rep = await importBundle(other, new TextEncoder().encode(JSON.stringify(doc)));
    expect(rep.invalid).toEqual([{ id: doc.changes[0].id, reason: expect.stringMatching(/\S/) }]);
    expect(rep.added).toBe(doc.changes.length - 1);
    expect(rep.blobs).toBe(2);
    await expect(importBundle(other, new TextEncoder().encode("{}"))).rejects.toThrow(/không phải gói đồng bộ/);
  });

  it("refuses the whole file, naming the photo, when a photo is damaged: nothing is written, as on the server", async () => {
    const { db } = await filled();
    const doc = JSON.parse(new TextDecoder().decode(await exportBundle(db)));
    const captioned = doc.changes.find((c: { entity: string; field: string }) => c.entity === "attachment" && c.field === "sha256");
    const sha = captioned.value as string;
    doc.changes.push({ ...doc.changes.find((c: { rowId: string }) => c.rowId === captioned.rowId), id: "cap-1", field: "caption", value: "Sổ theo dõi công văn", hlc: `${"9".repeat(15)}:00000:devX`, prevHlc: null });
    doc.blobs[sha] = btoa("tampered");
    const other = testDb();
    await other.meta.put({ key: META.session, value: { token: "t", user: { username: "mai", role: "inspector", province: "TH", team: "T1" } } });
    await expect(importBundle(other, new TextEncoder().encode(JSON.stringify(doc)))).rejects.toThrow(
      new RegExp(`bị hỏng: 1 ảnh không khớp mã SHA-256 \\("Sổ theo dõi công văn" \\(${sha.slice(0, 12)}…\\)\\)\\. Không nhập gì`),
    );
    for (const t of ["changes", "outbox", "blobs", "results", "inspections", "attachments"]) expect(`${t} ${await other.table(t).count()}`).toBe(`${t} 0`);
    // a bundle whose every change is invalid is refused too, photos included
    const empty = testDb();
    const bad = { ...JSON.parse(new TextDecoder().decode(await exportBundle(db))), changes: [{ id: "x", entity: "result" }] };
    await expect(importBundle(empty, new TextEncoder().encode(JSON.stringify(bad)))).rejects.toThrow(/Cả 1 thay đổi trong gói đều sai định dạng; không nhập gì/);
    expect(await empty.blobs.count()).toBe(0);
  });
});
