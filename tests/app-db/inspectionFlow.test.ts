import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { addAction } from "../../src/app/db/addAction";
import { addAgency } from "../../src/app/db/addAgency";
import { addPhoto } from "../../src/app/db/addPhoto";
import { createInspection } from "../../src/app/db/createInspection";
import { exportInspection } from "../../src/app/db/exportInspection";
import { finalizeInspection } from "../../src/app/db/finalizeInspection";
import { proposeFindings } from "../../src/app/db/proposeFindings";
import { reopenInspection } from "../../src/app/db/reopenInspection";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { storageState } from "../../src/app/db/storageState";
import { resultId } from "../../src/domain/result";
import { base64 } from "../../src/app/db/base64";
import { photoBytes, scoredCodes, seedAgency, tt26 } from "./fixtures";
import { testDb } from "./testDb";

describe("an inspection on the tablet, start to finish, survives a reload", () => {
  it("start, score, photo, finding, action, finalize, reload, export", async () => {
    const factory = new IDBFactory();
    let db = testDb("flow", factory);
    const cl = tt26();
    const agencyId = await seedAgency(db);
    const id = await createInspection(
      db,
      {
        agencyId, checklistId: cl.id, checklistVersion: cl.version, mode: "onsite", teamId: "T1", province: "TH", startedOn: "2026-05-10",
        decisionRef: "123/QĐ-SKHCN", leadName: "Nguyễn Thị Lan", members: [{ name: "Trần Văn Minh", role: "Thành viên" }],
      },
      { checklist: cl },
    );
    const codes = scoredCodes(cl);
    await scoreCriterion(db, { inspectionId: id, criterionCode: codes[0]!, outcome: "nonconform", severity: "major", note: "Chưa ban hành chính sách chất lượng" });
    await scoreCriterion(db, { inspectionId: id, criterionCode: codes[1]!, outcome: "partial" });
    await scoreCriterion(db, { inspectionId: id, criterionCode: codes[2]!, outcome: "na" });
    const photo = photoBytes(20_000, 7);
    const attId = await addPhoto(db, { inspectionId: id, ownerId: resultId(id, codes[0]!), bytes: photo, mime: "image/jpeg", caption: "Bảng niêm yết" });

    // finalizing refuses while criteria are open or N/A has no reason
    await expect(finalizeInspection(db, id, { signedOn: "2026-05-12" })).rejects.toThrow(/chưa đánh giá/);
    for (const c of codes.slice(3)) await scoreCriterion(db, { inspectionId: id, criterionCode: c, outcome: "conform" });
    await expect(finalizeInspection(db, id, { signedOn: "2026-05-12" })).rejects.toThrow(/chưa ghi lý do/);
    await scoreCriterion(db, { inspectionId: id, criterionCode: codes[2]!, naReason: "Không có khiếu nại" });

    const proposed = await proposeFindings(db, id);
    expect(proposed).toHaveLength(2);
    expect(await proposeFindings(db, id)).toEqual([]); // idempotent
    const f0 = await db.findings.get(proposed[0]!);
    expect(f0).toMatchObject({ kind: "nonconformity", severity: "major", criterionCode: codes[0] });
    expect(f0?.text).toContain("Chưa ban hành chính sách chất lượng");
    const actionId = await addAction(db, { findingId: proposed[0]!, description: "Ban hành chính sách chất lượng", owner: "Chủ tịch UBND xã" });
    expect((await db.actions.get(actionId))?.dueOn).toBeNull();
    const newAgency = await addAgency(db, { name: "UBND xa Muong Ly moi", kind: "commune_committee", province: "TH" });
    expect((await db.agencies.get(newAgency))?.needsReview).toBe(true);

    // Refused, naming the gap, while a signatory, the record number or the signing date is missing.
    await expect(finalizeInspection(db, id, { signedOn: "2026-12-31" })).rejects.toThrow("Chưa thể ký và khoá: chưa có họ tên đại diện cơ quan chịu sự kiểm tra ký biên bản; chưa có số biên bản.");
    await finalizeInspection(db, id, { signedOn: "2026-12-31", recordNumber: "05/BB-KT", agencyRepresentative: "Hà Văn Cường" });
    expect((await db.actions.get(actionId))?.dueOn).toBe("2027-02-28"); // two months after signing, clamped
    await expect(scoreCriterion(db, { inspectionId: id, criterionCode: codes[0]!, note: "late" })).rejects.toThrow(/đã kết thúc/);

    // reload: a new connection on the same storage sees everything
    db.close();
    db = testDb("flow", factory);
    const insp = await db.inspections.get(id);
    expect(insp).toMatchObject({ status: "finalized", decisionRef: "123/QĐ-SKHCN", signedOn: "2026-12-31", leadName: "Nguyễn Thị Lan" });
    expect(await db.results.where("inspectionId").equals(id).count()).toBe(codes.length);
    expect((await db.results.get(resultId(id, codes[0]!)))?.outcome).toBe("nonconform");
    expect(new Uint8Array((await db.blobs.toArray())[0]!.bytes)).toEqual(new Uint8Array(photo));
    expect((await db.attachments.get(attId))?.caption).toBe("Bảng niêm yết");
    expect(await db.outbox.count()).toBe(await db.changes.where("device").notEqual("DOST").count());

    const ex = await exportInspection(db, id);
    expect(ex.format).toBe("htqlcl-inspection/1");
    expect(ex.results).toHaveLength(codes.length);
    expect(ex.findings.map((f) => f.id).sort()).toEqual([...proposed].sort());
    expect(ex.actions[0]?.dueOn).toBe("2027-02-28");
    expect(base64.decode(ex.attachments![0]!.data!)).toEqual(new Uint8Array(photo));
    expect(ex.agency.name).toBe("UBND xã Mường Lý");

    await reopenInspection(db, id);
    await scoreCriterion(db, { inspectionId: id, criterionCode: codes[0]!, note: "sửa sau khi mở lại" });
    expect((await db.results.get(resultId(id, codes[0]!)))?.note).toBe("sửa sau khi mở lại");
  });

  it("storage state asks for persistence and warns at 80 % and on small (private-mode) quotas", async () => {
    const fake = (persisted: boolean, usage: number, quota: number) =>
      ({ persisted: async () => persisted, persist: async () => persisted, estimate: async () => ({ usage, quota }) }) as unknown as StorageManager;
    expect(await storageState(fake(true, 85, 100 * 1024 * 1024 * 1024))).toMatchObject({ persisted: true, nearlyFull: false, likelyEphemeral: false });
    expect(await storageState(fake(true, 81, 100))).toMatchObject({ nearlyFull: true, ratio: 0.81 });
    expect(await storageState(fake(false, 0, 100 * 1024 * 1024))).toMatchObject({ persisted: false, likelyEphemeral: true });
    expect(await storageState(undefined)).toMatchObject({ supported: false, likelyEphemeral: true });
  });
});
