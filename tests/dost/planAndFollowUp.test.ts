import { describe, expect, it } from "vitest";
import type { Agency } from "../../src/domain/agency";
import { adoptionProgress } from "../../src/domain/adoption";
import { followUpEdit } from "../../src/domain/followUpEdit";
import { actionDueOn } from "../../src/domain/actionDueOn";
import { isActionOverdue } from "../../src/domain/isActionOverdue";
import { lunarToSolar } from "../../src/domain/lunarNewMoon";
import { nextWorkingDay, publicHolidays } from "../../src/domain/publicHolidays";
import { planCheck } from "../../src/domain/planCheck";
import type { PlanEntry } from "../../src/domain/plan";

const agency = (id: string, validTo: string | null = null, province = "p"): Agency => ({
  id, name: id, kind: "province_department", parentId: null, province, validFrom: null, validTo, successorId: null, successorKind: null, needsReview: false,
});

describe("planCheck (TT 26 Art. 33–34)", () => {
  const agencies = [agency("a"), agency("b"), agency("c"), agency("d"), agency("e"), agency("f"), agency("old", "2025-06-30"), agency("x", null, "other"), { ...agency("proposed"), needsReview: true }];
  const desk = (id: string, month = 3): PlanEntry => ({ agencyId: id, mode: "desk", teamId: "t1", month });
  const onsite = (id: string, month = 9): PlanEntry => ({ agencyId: id, mode: "onsite", teamId: "t2", month });

  it("accepts a plan with every agency on desk review and a third on site", () => {
    const r = planCheck({ year: 2025, province: "p", onsiteShare: 1 / 3, entries: ["a", "b", "c", "d", "e", "f"].map((i) => desk(i)).concat([onsite("a"), onsite("b")]) }, agencies);
    expect(r.inScope).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(r).toMatchObject({ onsite: 2, required: 2, problems: [] });
  });

  it("names missing desk reviews, a short on-site share (Hà Nội one half), unknown, ended and repeated entries", () => {
    const r = planCheck(
      { year: 2025, province: "p", onsiteShare: 0.5, entries: [desk("a"), desk("a"), desk("b"), desk("c"), desk("d"), desk("e"), onsite("a"), onsite("b"), onsite("x"), desk("old", 8)] },
      agencies,
    );
    expect(r.required).toBe(3);
    expect(r.problems).toEqual([
      { kind: "duplicate", agencyId: "a", mode: "desk" },
      { kind: "unknown_agency", agencyId: "x" },
      { kind: "not_valid", agencyId: "old", month: 8 },
      { kind: "missing_desk", agencyId: "f" },
      { kind: "onsite_share", onsite: 2, required: 3 },
    ]);
  });

  it("refuses a share under the legal third even when the plan reaches it", () => {
    const entries = ["a", "b", "c", "d", "e", "f"].map((i) => desk(i)).concat([onsite("a"), onsite("b")]);
    expect(planCheck({ year: 2025, province: "p", onsiteShare: 0.25, entries }, agencies).problems).toEqual([{ kind: "share_below_minimum", share: 0.25 }]);
    expect(planCheck({ year: 2025, province: "p", onsiteShare: 0.4, entries: [...entries, onsite("c")] }, agencies).problems).toEqual([]);
  });
});

describe("corrective-action follow-up", () => {
  it("walks open → reported → not_accepted → reported (reopen) → accepted → verified and refuses wrong steps", () => {
    const r1 = followUpEdit({ status: "open" }, { kind: "report", agencyReport: "Đã sửa quy trình", reportedOn: "2026-03-01" });
    expect(r1).toEqual({ fields: { status: "reported", agencyReport: "Đã sửa quy trình", reportedOn: "2026-03-01" }, reopen: false });
    const r2 = followUpEdit({ status: "reported" }, { kind: "reject", decisionNote: "Chưa có bằng chứng", noticeNumber: "12/TB-TĐC" });
    expect(r2).toMatchObject({ fields: { status: "not_accepted", noticeNumber: "12/TB-TĐC" }, reopen: false });
    expect(followUpEdit({ status: "not_accepted" }, { kind: "report", agencyReport: "Bổ sung", reportedOn: "2026-04-01", reportNumber: " 25/BC-UBND " })).toMatchObject({ reopen: true, fields: { reportedOn: "2026-04-01", reportNumber: "25/BC-UBND" } });
    expect(followUpEdit({ status: "reported" }, { kind: "accept", decisionNote: "" })).toMatchObject({ fields: { status: "accepted" } });
    expect(followUpEdit({ status: "accepted" }, { kind: "verify", verifiedOn: "2027-02-01" })).toMatchObject({ fields: { status: "verified", verifiedOn: "2027-02-01" } });
    expect(followUpEdit({ status: "open" }, { kind: "accept", decisionNote: "" })).toMatch(/Không thể/);
    expect(followUpEdit({ status: "reported" }, { kind: "reject", decisionNote: "x", noticeNumber: " " })).toMatch(/số thông báo/);
  });

  it("counts as overdue an action still unreported after its due date, or reported late by its own date; never one reported on time", () => {
    // 2026-03-02 is a Monday: due 02/3, still open on 03/3 → overdue; on 02/3 itself → not yet.
    expect(isActionOverdue({ status: "open", dueOn: "2026-03-02", reportedOn: null }, null, "2026-03-03")).toBe(true);
    expect(isActionOverdue({ status: "open", dueOn: "2026-03-02", reportedOn: null }, null, "2026-03-02")).toBe(false);
    // Reported on time: not overdue, however late today is (the old rule counted these).
    expect(isActionOverdue({ status: "reported", dueOn: "2026-03-02", reportedOn: "2026-02-27" }, null, "2026-06-01")).toBe(false);
    expect(isActionOverdue({ status: "accepted", dueOn: "2026-03-02", reportedOn: "2026-03-02" }, null, "2026-06-01")).toBe(false);
    // Reported late: overdue, whatever its status now.
    expect(isActionOverdue({ status: "reported", dueOn: "2026-03-02", reportedOn: "2026-03-10" }, null, "2026-03-11")).toBe(true);
    expect(isActionOverdue({ status: "verified", dueOn: "2026-03-02", reportedOn: "2026-03-10" }, null, "2027-01-01")).toBe(true);
    // Two months after signing: signed 12/01/2026 → due 12/3/2026 (Thursday).
    expect(actionDueOn({ dueOn: null }, "2026-01-12")).toBe("2026-03-12");
    expect(isActionOverdue({ status: "open", dueOn: null, reportedOn: null }, "2026-01-12", "2026-03-13")).toBe(true);
    expect(isActionOverdue({ status: "open", dueOn: null, reportedOn: null }, null, "2030-01-01")).toBe(false);
  });

  it("moves a deadline on a rest day or public holiday to the next working day (BLDS 2015 Art. 148.4), Tết and Giỗ Tổ from the lunar calendar", () => {
    // Signed 25/02/2026 → 25/4/2026 is a Saturday, 26/4 Giỗ Tổ (10/3 âm lịch) on a Sunday, 27/4 its day off: due 28/4.
    expect(actionDueOn({ dueOn: null }, "2026-02-25")).toBe("2026-04-28");
    expect(isActionOverdue({ status: "reported", dueOn: null, reportedOn: "2026-04-28" }, "2026-02-25", "2026-05-10")).toBe(false);
    expect(isActionOverdue({ status: "reported", dueOn: null, reportedOn: "2026-04-29" }, "2026-02-25", "2026-05-10")).toBe(true);
    // Tết Bính Ngọ: 1/1 âm lịch = 17/02/2026; the five days 16–20/02, then the weekend: 16/02 → 23/02.
    expect(lunarToSolar(1, 1, 2026)).toBe("2026-02-17");
    expect(actionDueOn({ dueOn: "2026-02-16" }, null)).toBe("2026-02-23");
    // Other years, against the published calendars: Tết 2024 = 10/02, 2025 = 29/01; Giỗ Tổ 2024 = 18/4, 2025 = 07/4.
    expect([lunarToSolar(1, 1, 2024), lunarToSolar(1, 1, 2025), lunarToSolar(10, 3, 2024), lunarToSolar(10, 3, 2025)]).toEqual(["2024-02-10", "2025-01-29", "2024-04-18", "2025-04-07"]);
    // 30/4 and 1/5 of 2026 fall on Thursday and Friday: due 30/4 → Monday 04/5. A working day stays.
    expect(nextWorkingDay("2026-04-30")).toBe("2026-05-04");
    expect(nextWorkingDay("2026-03-12")).toBe("2026-03-12");
    // DOST's edits: a bridge day the Government added, a computed day it moved.
    expect(nextWorkingDay("2026-03-12", { add: ["2026-03-12"], remove: [] })).toBe("2026-03-13");
    expect(publicHolidays(2026, { add: [], remove: ["2026-09-01"] }).has("2026-09-01")).toBe(false);
    expect(publicHolidays(2026).has("2026-09-01")).toBe(true);
  });

  it("adoption progress counts consecutive steps with evidence", () => {
    const ev = { number: "1/QĐ-UBND", date: "2022-03-01" };
    expect(adoptionProgress({ steering: ev, build: ev, apply: null, declare: ev, maintain: null })).toBe(2);
    expect(adoptionProgress({ steering: null, build: ev, apply: ev, declare: ev, maintain: ev })).toBe(0);
  });
});
