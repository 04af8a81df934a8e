// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AppDb } from "../../src/app/db/AppDb";
import { META } from "../../src/app/db/META";
import { writeEdits } from "../../src/app/db/writeEdits";
import { testDb } from "../app-db/testDb";
import { renderApp } from "../app/support/renderApp";
import { sharedFile } from "../support/sharedFile";
import { resetAppAfterEach } from "../app/support/resetAppAfterEach";

const SEED_003 = readFileSync(sharedFile("seeds/003_9b846d1ee19f2a62.txt"), "utf8");
const PROVINCE = "thanh-hoa";

resetAppAfterEach();

async function dostTablet(): Promise<AppDb> {
  const db = testDb();
  await db.meta.put({ key: META.session, value: { token: "tok", user: { username: "dost-th", role: "dost", province: PROVINCE, team: null } } });
  await writeEdits(db, ["t1", "t2", "t3"].flatMap((id, i) => [
    { entity: "team" as const, rowId: id, field: "name", value: `Đoàn kiểm tra số ${i + 1}` },
    { entity: "team" as const, rowId: id, field: "province", value: PROVINCE },
  ]));
  return db;
}

describe("DOST console: registry, plan, adoption", () => {
  it("imports seed 003 with a preview, publishes it, finds agencies without diacritics, records a merger", async () => {
    const db = await dostTablet();
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Danh mục cơ quan" }, { timeout: 15_000 }));
    fireEvent.change(screen.getByTestId("registry-paste"), { target: { value: SEED_003 } });
    await user.click(screen.getByRole("button", { name: "Xem trước" }));
    const preview = await screen.findByTestId("registry-preview");
    expect(within(preview).getByText("92 đơn vị đọc được.")).toBeTruthy();
    await user.click(screen.getByTestId("registry-publish"));
    await waitFor(async () => expect(await db.agencies.count()).toBe(92 + 9), { timeout: 10_000 });
    const agencies = await db.agencies.toArray();
    expect(agencies.filter((a) => a.kind === "district_committee").every((a) => a.validTo === "2025-06-30")).toBe(true);
    const cohorts = new Map<number, number>();
    for (const a of await db.adoptions.toArray()) cohorts.set(a.cohortYear!, (cohorts.get(a.cohortYear!) ?? 0) + 1);
    expect([...cohorts].sort()).toEqual([[2022, 32], [2023, 36], [2024, 24]]);
    // Everything published goes out through the outbox, like any tablet's edits.
    expect(await db.outbox.count()).toBeGreaterThan(101 * 9);

    const search = screen.getByTestId("registry-search");
    await user.type(search, "muong ly");
    await waitFor(() => expect(screen.getAllByTestId("registry-row").map((r) => r.textContent)).toEqual([expect.stringContaining("UBND xã Mường Lý")]));
    await user.clear(search);
    await user.type(search, "ly");
    await user.click(screen.getByRole("checkbox", { name: "UBND xã Mường Lý" }));
    await user.click(screen.getByRole("checkbox", { name: "UBND xã Trung Lý" }));
    // The new commune keeps the name of one of the two (as most did in 2025): it is a new unit all the same.
    await user.type(screen.getByTestId("successor-name"), "UBND xã Mường Lý");
    expect((await screen.findByTestId("successor-hint")).textContent).toBe('Sẽ tạo đơn vị mới "UBND xã Mường Lý" (UBND xã), hiệu lực từ 01/07/2025.');
    await user.click(screen.getByTestId("reorganise"));
    await waitFor(async () => {
      const rows = await db.agencies.toArray();
      const succ = rows.find((a) => a.name === "UBND xã Mường Lý" && a.successorId === null);
      expect(succ?.validFrom).toBe("2025-07-01");
      const merged = rows.filter((a) => a.successorId === succ?.id);
      expect(merged.map((a) => a.name).sort()).toEqual(["UBND xã Mường Lý", "UBND xã Trung Lý"]);
      expect(merged.every((a) => a.validTo === "2025-06-30" && a.validFrom === null && a.successorKind === "merged")).toBe(true);
    });
  });

  it("drafts a plan meeting TT 26 (desk for all, a third on site), flags a missing desk review, saves it for the teams", async () => {
    const db = await dostTablet();
    const ag = (id: string, name: string) => ["name", "kind", "province", "parentId", "validFrom", "validTo", "successorId", "successorKind", "needsReview"].map((field) => ({
      entity: "agency" as const, rowId: id, field,
      value: ({ name, kind: "province_department", province: PROVINCE, parentId: null, validFrom: null, validTo: null, successorId: null, successorKind: null, needsReview: false } as Record<string, unknown>)[field],
    }));
    await writeEdits(db, [...ag("a1", "Sở Một"), ...ag("a2", "Sở Hai"), ...ag("a3", "Sở Ba"), ...ag("a4", "Sở Bốn"), ...ag("a5", "Sở Năm"), ...ag("a6", "Sở Sáu")]);
    const year = new Date().getFullYear();
    // Last year Sở Sáu failed a criterion: it is visited first.
    await writeEdits(db, [
      { entity: "inspection", rowId: "i-prev", field: "agencyId", value: "a6" },
      { entity: "inspection", rowId: "i-prev", field: "province", value: PROVINCE },
      { entity: "inspection", rowId: "i-prev", field: "startedOn", value: `${year - 1}-05-10` },
      { entity: "result", rowId: "i-prev/I.a.1", field: "inspectionId", value: "i-prev" },
      { entity: "result", rowId: "i-prev/I.a.1", field: "outcome", value: "nonconform" },
    ]);
    await writeEdits(db, [{ entity: "inspection", rowId: "i-prev", field: "status", value: "finalized" }]);
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Kế hoạch kiểm tra" }, { timeout: 15_000 }));
    await user.click(await screen.findByTestId("plan-default"));
    const checks = screen.getByTestId("plan-checks");
    await waitFor(() => expect(checks.textContent).toContain("Kế hoạch đáp ứng yêu cầu."));
    expect(checks.textContent).toContain("6 cơ quan thuộc diện kiểm tra, trong đó 6 bắt buộc áp dụng (Điều 2 Quyết định 19/2014/QĐ-TTg); 2 cơ quan bắt buộc kiểm tra tại trụ sở (cần ít nhất 2)");
    await user.click(screen.getByRole("checkbox", { name: "Qua hồ sơ Sở Ba" }));
    expect(checks.textContent).toContain("Sở Ba chưa có trong kế hoạch kiểm tra qua hồ sơ.");
    await user.selectOptions(screen.getByTestId("plan-share"), "0.5");
    expect(checks.textContent).toContain("cần ít nhất 3");
    // Any share a province decides, in percent; under a third the check cites TT 26.
    await user.selectOptions(screen.getByTestId("plan-share"), "custom");
    const pct = screen.getByTestId("plan-share-percent");
    await user.clear(pct);
    await user.type(pct, "60");
    expect(checks.textContent).toContain("cần ít nhất 4");
    await user.clear(pct);
    await user.type(pct, "25");
    expect(checks.textContent).toContain("Tỷ lệ 25% thấp hơn mức tối thiểu một phần ba số cơ quan (Điều 33 Thông tư 26/2014/TT-BKHCN).");
    await user.selectOptions(screen.getByTestId("plan-share"), "0.5");
    expect(screen.queryByTestId("plan-share-percent")).toBeNull();
    await user.click(screen.getByTestId("plan-save"));
    await waitFor(async () => {
      const plan = await db.plans.get(`plan-${PROVINCE}-${year}`);
      expect(plan?.entries?.filter((e) => e.mode === "desk").map((e) => e.agencyId).sort()).toEqual(["a1", "a2", "a4", "a5", "a6"]);
      expect(plan?.onsiteShare).toBe(0.5);
      expect(plan?.entries?.filter((e) => e.mode === "onsite").map((e) => e.agencyId).sort()).toEqual(["a1", "a6"]);
      expect(new Set(plan?.entries?.map((e) => e.teamId))).toEqual(new Set(["t1", "t2", "t3"]));
    });
    const queued = (await db.changes.toArray()).filter((c) => c.entity === "plan");
    expect(queued.map((c) => c.field).sort()).toEqual(["entries", "onsiteShare", "province", "title", "year"]);
  });

  it("imports a province's matrix through the checklist library, previews it and publishes it as a version", async () => {
    const db = await dostTablet();
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Bộ tiêu chí" }, { timeout: 15_000 }));
    await user.type(screen.getByLabelText("Phiên bản (ví dụ 2026.1)"), "2026.1");
    const bytes = readFileSync(sharedFile("seeds/002_a7de95de3099e5bf.txt"));
    await user.upload(screen.getByTestId("checklist-file"), new File([bytes], "phu-luc-thanh-hoa.txt", { type: "text/plain" }));
    const preview = await screen.findByTestId("checklist-preview", {}, { timeout: 10_000 });
    expect(preview.textContent).toMatch(/@2026\.1/);
    expect(preview.textContent).toMatch(/\d+ mục, \d+ nội dung kiểm tra\./);
    await user.click(screen.getByTestId("checklist-publish"));
    await waitFor(async () => {
      const rows = await db.checklists.toArray();
      const mine = rows.find((r) => r.id.endsWith("@2026.1"));
      expect(mine?.province).toBe(PROVINCE);
      expect(mine?.document?.sections.length).toBeGreaterThan(1);
    });
    // A different file under the same version is refused: a published version never changes.
    await user.upload(screen.getByTestId("checklist-file"), new File([new TextEncoder().encode("TT\tNội dung kiểm tra\n1\tMột nội dung khác\n")], "khac.txt", { type: "text/plain" }));
    const id = (await db.checklists.toArray()).find((r) => r.id.endsWith("@2026.1"))!.document!.id;
    await user.type(screen.getByLabelText("Mã bộ tiêu chí (tùy chọn)"), id);
    await user.click(screen.getByRole("button", { name: "Đọc lại" }));
    await user.click(await screen.findByTestId("checklist-publish"));
    expect((await screen.findByTestId("checklist-error")).textContent).toContain("đã công bố với nội dung khác");
  });

  it("approves an agency a team proposed and sets its kind", async () => {
    const db = await dostTablet();
    await writeEdits(db, [
      { entity: "agency", rowId: "p1", field: "name", value: "UBND phường Hạc Thành" },
      { entity: "agency", rowId: "p1", field: "province", value: PROVINCE },
      { entity: "agency", rowId: "p1", field: "kind", value: "other" },
      { entity: "agency", rowId: "p1", field: "needsReview", value: true },
    ]);
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Danh mục cơ quan" }, { timeout: 15_000 }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Loại UBND phường Hạc Thành" }), "ward_committee");
    await waitFor(async () => expect((await db.agencies.get("p1"))?.kind).toBe("ward_committee"));
    expect((await db.agencies.get("p1"))?.needsReview).toBe(false);
    expect(screen.queryByTestId("approve-agency")).toBeNull();
  });

  it("follows an action from open to verified: the agency's report, acceptance, verification", async () => {
    const db = await dostTablet();
    await writeEdits(db, [
      { entity: "agency", rowId: "a1", field: "name", value: "UBND xã Trí Nang" },
      { entity: "inspection", rowId: "i1", field: "agencyId", value: "a1" },
      { entity: "inspection", rowId: "i1", field: "province", value: PROVINCE },
      { entity: "inspection", rowId: "i1", field: "signedOn", value: "2020-01-10" },
      { entity: "finding", rowId: "f1", field: "inspectionId", value: "i1" },
      { entity: "finding", rowId: "f1", field: "criterionCode", value: "I.đ.1" },
      { entity: "finding", rowId: "f1", field: "text", value: "Chưa đánh giá nội bộ" },
      { entity: "action", rowId: "x1", field: "inspectionId", value: "i1" },
      { entity: "action", rowId: "x1", field: "findingId", value: "f1" },
      { entity: "action", rowId: "x1", field: "description", value: "Tổ chức đánh giá nội bộ" },
      { entity: "action", rowId: "x1", field: "owner", value: "Văn phòng UBND xã" },
      { entity: "action", rowId: "x1", field: "status", value: "open" },
    ]);
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Theo dõi khắc phục" }, { timeout: 15_000 }));
    const card = await screen.findByTestId("action-card");
    // Who answers for it, as the team wrote it on the tablet.
    expect(within(card).getByTestId("action-owner").textContent).toBe("Chịu trách nhiệm: Văn phòng UBND xã");
    // Due two months after signing, long past: shown as overdue.
    expect(card.textContent).toContain("Hạn 10/03/2020 — quá hạn");
    await user.type(within(card).getByLabelText("Báo cáo khắc phục"), "Đã đánh giá nội bộ ngày 01/3");
    await user.type(within(card).getByLabelText("Số báo cáo của cơ quan"), "25/BC-UBND");
    // The agency's report is dated by its own date, which must be typed.
    await user.click(within(card).getByTestId("record-report"));
    expect(within(card).getByRole("alert").textContent).toContain("Cần nhập ngày của báo cáo khắc phục");
    await user.type(within(card).getByTestId("reported-on"), "05/3/2020");
    fireEvent.blur(within(card).getByTestId("reported-on"));
    await user.click(within(card).getByTestId("record-report"));
    await waitFor(() => expect(within(screen.getByTestId("action-card")).getByTestId("action-status").textContent).toBe("Cơ quan đã báo cáo"));
    await user.click(within(screen.getByTestId("action-card")).getByTestId("accept"));
    await waitFor(() => expect(within(screen.getByTestId("action-card")).getByTestId("action-status").textContent).toBe("Đã chấp nhận"));
    await user.click(within(screen.getByTestId("action-card")).getByTestId("verify"));
    await waitFor(async () => expect((await db.actions.get("x1"))?.status).toBe("verified"));
    const a = await db.actions.get("x1");
    expect(a?.agencyReport).toBe("Đã đánh giá nội bộ ngày 01/3");
    expect({ reportNumber: a?.reportNumber, reportedOn: a?.reportedOn }).toEqual({ reportNumber: "25/BC-UBND", reportedOn: "2020-03-05" });
    expect(a?.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("records adoption evidence step by step and counts cohorts", async () => {
    const db = await dostTablet();
    await writeEdits(db, [
      { entity: "agency", rowId: "a1", field: "name", value: "UBND xã Thành Thọ" },
      { entity: "agency", rowId: "a1", field: "province", value: PROVINCE },
      { entity: "adoption", rowId: "adoption/a1", field: "agencyId", value: "a1" },
      { entity: "adoption", rowId: "adoption/a1", field: "province", value: PROVINCE },
      { entity: "adoption", rowId: "adoption/a1", field: "cohortYear", value: 2022 },
    ]);
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Tiến độ áp dụng" }, { timeout: 15_000 }));
    const row = await screen.findByTestId("adoption-row");
    await user.type(within(row).getByLabelText("Số quyết định — Bước 1: Thành lập Ban chỉ đạo ISO"), "15/QĐ-UBND");
    // Dates are typed dd/mm/yyyy whatever the browser's language.
    const date = within(row).getByTestId("adoption-date-steering");
    expect(date.getAttribute("placeholder")).toBe("dd/mm/yyyy");
    await user.type(date, "10/03/2022");
    await waitFor(async () => expect((await db.adoptions.get("adoption/a1"))?.steering).toEqual({ number: "15/QĐ-UBND", date: "2022-03-10" }));
    // Decision 2 of step 2, date first: the number typed afterwards joins it when the field is left.
    await user.type(within(row).getByTestId("adoption-date-build"), "05/09/2022");
    await user.type(within(row).getByLabelText("Số quyết định — Bước 2: Xây dựng HTQLCL"), "88/QĐ-UBND");
    await user.tab();
    await waitFor(async () => expect((await db.adoptions.get("adoption/a1"))?.build).toEqual({ number: "88/QĐ-UBND", date: "2022-09-05" }));
    expect(within(screen.getByTestId("adoption-row")).getByTestId("adoption-date-build")).toHaveProperty("value", "05/09/2022");
    await waitFor(() => expect(within(screen.getByTestId("adoption-row")).getByText("2/5")).toBeTruthy());
    const cohort = within(screen.getByTestId("adoption-cohorts")).getByRole("button", { name: "2022" }).closest("tr")!;
    expect([...cohort.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["2022", "1", "1", "1", "0", "0", "0"]);
  });
});
