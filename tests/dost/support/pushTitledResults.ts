import { expect } from "vitest";
import type { Checklist } from "../../../src/domain/checklist";
import type { Change } from "../../../src/domain/change";
import { addUser, change, push, type Harness, type TestUser } from "../../server/serverHarness";

const matrix = (id: string, code: string, activity: string): Checklist => ({
  format: "htqlcl-checklist/1", id, version: "1", title: `Bộ tiêu chí ${id}`, source: { document: "Phụ lục I" },
  sections: [{ code: "I", title: "Hệ thống quản lý chất lượng", scored: true, items: [{ code: code.split(".").slice(0, 2).join("."), title: "Mục", criteria: [{ code, activities: [activity, "Lưu hồ sơ"], evidence: [] }] }] }],
});

const fields = (entity: Change["entity"], rowId: string, values: Record<string, unknown>, user: string) =>
  Object.entries(values).map(([field, value]) => change({ entity, rowId, field, value, user }));

/**
 * Province P1's 2026 finalized desk reviews scored under three checklists: A under the built-in TT 26 Art. 36
 * (I.a.1 not met, I.b.1 met), B and C under P1's own matrix "th-2026@1", whose I.b.1 reads "Phổ biến quy trình một
 * cửa :" (both partial), D under "xx@1", which only province P2 published (II.z.9 met). Returns P1's DOST user.
 */
export async function pushTitledResults(h: Harness): Promise<TestUser> {
  const dost = await addUser(h, "dost1", "dost", "P1");
  const lead = await addUser(h, "lead1", "lead", "P1", "T1");
  const dost2 = await addUser(h, "dost2", "dost", "P2");
  const publish = (who: TestUser, c: Checklist, province: string) => push(h, who, fields("checklist", `${c.id}@${c.version}`, { document: c, province }, who.username));
  expect((await publish(dost, matrix("th-2026", "I.b.1", "Phổ biến quy trình một cửa :"), "P1")).json.rejected).toEqual([]);
  expect((await publish(dost2, matrix("xx", "II.z.9", "Nội dung của tỉnh khác"), "P2")).json.rejected).toEqual([]);
  // results first: finalizing locks the results stamped after it
  const inspection = (id: string, checklistId: string, results: Record<string, string>) => [
    ...Object.entries(results).flatMap(([code, outcome]) => fields("result", `${id}/${code}`, { inspectionId: id, criterionCode: code, outcome }, "lead1")),
    ...fields("inspection", id, { province: "P1", teamId: "T1", startedOn: "2026-03-02", mode: "desk", agencyId: "ag1", checklistId, checklistVersion: "1", status: "finalized" }, "lead1"),
  ];
  const r = await push(h, lead, [
    ...inspection("A", "tt26-dieu-36", { "I.a.1": "nonconform", "I.b.1": "conform" }),
    ...inspection("B", "th-2026", { "I.b.1": "partial" }),
    ...inspection("C", "th-2026", { "I.b.1": "partial" }),
    ...inspection("D", "xx", { "II.z.9": "conform" }),
  ]);
  expect(r.json.rejected).toEqual([]);
  return dost;
}
