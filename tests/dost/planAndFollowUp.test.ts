import { describe, expect, it } from "vitest";
import type { Agency } from "../../src/domain/agency";
import { adoptionProgress } from "../../src/domain/adoption";
import { followUpEdit } from "../../src/domain/followUpEdit";
import { isActionOverdue } from "../../src/domain/isActionOverdue";
import { planCheck } from "../../src/domain/planCheck";
import type { PlanEntry } from "../../src/domain/plan";

const agency = (id: string, validTo: string | null = null, province = "p"): Agency => ({
  id, name: id, kind: "commune_committee", parentId: null, province, validFrom: null, validTo, successorId: null, successorKind: null, needsReview: false,
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
    expect(followUpEdit({ status: "not_accepted" }, { kind: "report", agencyReport: "Bổ sung", reportedOn: "2026-04-01" })).toMatchObject({ reopen: true });
    expect(followUpEdit({ status: "reported" }, { kind: "accept", decisionNote: "" })).toMatchObject({ fields: { status: "accepted" } });
    expect(followUpEdit({ status: "accepted" }, { kind: "verify", verifiedOn: "2027-02-01" })).toMatchObject({ fields: { status: "verified", verifiedOn: "2027-02-01" } });
    expect(followUpEdit({ status: "open" }, { kind: "accept", decisionNote: "" })).toMatch(/Không thể/);
    expect(followUpEdit({ status: "reported" }, { kind: "reject", decisionNote: "x", noticeNumber: " " })).toMatch(/số thông báo/);
  });

  it("counts as overdue only open or reported actions past their date, defaulting to two months after signing", () => {
    expect(isActionOverdue({ status: "open", dueOn: "2026-03-01" }, null, "2026-03-02")).toBe(true);
    expect(isActionOverdue({ status: "open", dueOn: "2026-03-01" }, null, "2026-03-01")).toBe(false);
    expect(isActionOverdue({ status: "accepted", dueOn: "2026-01-01" }, null, "2026-03-02")).toBe(false);
    expect(isActionOverdue({ status: "reported", dueOn: null }, "2025-12-31", "2026-03-01")).toBe(true);
    expect(isActionOverdue({ status: "reported", dueOn: null }, "2025-12-31", "2026-02-28")).toBe(false);
    expect(isActionOverdue({ status: "open", dueOn: null }, null, "2030-01-01")).toBe(false);
  });

  it("adoption progress counts consecutive steps with evidence", () => {
    const ev = { number: "1/QĐ-UBND", date: "2022-03-01" };
    expect(adoptionProgress({ steering: ev, build: ev, apply: null, declare: ev, maintain: null })).toBe(2);
    expect(adoptionProgress({ steering: null, build: ev, apply: ev, declare: ev, maintain: ev })).toBe(0);
  });
});
