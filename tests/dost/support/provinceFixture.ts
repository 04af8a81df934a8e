import { readFileSync } from "node:fs";
import type { Agency } from "../../../src/domain/agency";
import { agencyRowsFromTable } from "../../../src/domain/agencyRowsFromTable";
import { buildRegistry } from "../../../src/domain/buildRegistry";
import type { Change } from "../../../src/domain/change";
import type { Outcome } from "../../../src/domain/outcome";
import { parseAgencyList } from "../../../src/domain/parseAgencyList";
import type { Plan, PlanEntry } from "../../../src/domain/plan";
import { reorganiseAgencies } from "../../../src/domain/reorganiseAgencies";
import { resultId } from "../../../src/domain/result";
import { ChangeLog } from "./ChangeLog";
import { SimRandom } from "../../sync/simRandom";
import { sharedFile } from "../../support/sharedFile";

export const PROVINCE = "thanh-hoa";
export const OTHER_PROVINCE = "nghe-an";
export const YEAR = 2026;
export const CRITERIA = ["I.a.1", "I.b.1", "I.c.1", "I.c.2", "I.d.1", "I.đ.1", "I.đ.2", "I.e.1", "I.g.1", "II.a.1", "II.b.1", "II.c.1"];
export const TEAMS = ["t1", "t2", "t3"];
const DEPARTMENTS = [
  "Sở Nội vụ", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế",
  "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Dân tộc và Tôn giáo", "Văn phòng UBND tỉnh", "Thanh tra tỉnh",
];

export interface ModelInspection {
  id: string; agencyId: string; mode: "onsite" | "desk"; teamId: string; province: string;
  status: "draft" | "submitted" | "finalized"; startedOn: string; signedOn: string | null;
}
export interface ModelResult { id: string; inspectionId: string; code: string; outcome: Outcome | null }
export interface ModelAction { id: string; inspectionId: string; status: string; dueOn: string | null; deleted: boolean; noticeNumber: string; reportedOn: string | null }
export interface FixtureUser { username: string; role: "dost" | "lead" | "inspector"; province: string; team: string | null }

export interface ProvinceFixture {
  seed: number;
  users: FixtureUser[];
  /** Pushes in the order they reach the server, each by one user. */
  pushes: { username: string; changes: Change[] }[];
  model: {
    agencies: Agency[];
    plan: Plan;
    inspections: ModelInspection[];
    results: ModelResult[];
    actions: ModelAction[];
    /** "entity|rowId" of every row the merge must keep a conflict on. */
    conflictRows: Set<string>;
    mergedInto: { successorId: string; sources: string[] };
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A Thanh Hóa province-year: the 92 communes of seed 003 and provincial departments, a 2025 merger and renaming,
 * the 2026 plan, and three teams' syncs (inspector and lead tablets each) with concurrent scoring, a wrong clock,
 * edits after finalizing, two teams inspecting one agency, DOST follow-up, a replayed bundle, and a second province
 * that must stay out of every figure. The model records by construction what every merged value must be.
 */
export function provinceFixture(seed: number): ProvinceFixture {
  const random = new SimRandom(seed);
  const rand = () => random.next();
  const pick = <T>(xs: readonly T[]): T => random.pick(xs);
  const log = new ChangeLog(`s${seed}`);
  const conflictRows = new Set<string>();
  let idn = 0;
  const newId = () => `ag-${String(++idn).padStart(4, "0")}`;

  // Registry: seed 003 communes, departments under the province committee, then the 2025 changes.
  const seedRows = parseAgencyList(readFileSync(sharedFile("seeds/003_9b846d1ee19f2a62.txt"), "utf8")).rows;
  const reg = buildRegistry(seedRows, [], { province: PROVINCE, newId });
  const deps = buildRegistry(agencyRowsFromTable([["TT", "Tên đơn vị", "Đơn vị chủ quản"], ...DEPARTMENTS.map((d, i) => [String(i + 1), d, "UBND tỉnh Thanh Hóa"])]).rows, reg.created, { province: PROVINCE, newId });
  let agencies = [...reg.created, ...deps.created];
  const byName = (n: string, parent?: string) => agencies.find((a) => a.name === n && (!parent || agencies.find((p) => p.id === a.parentId)?.name === parent))!;
  const provinceCommittee = byName("UBND tỉnh Thanh Hóa");
  const trungLy = byName("UBND xã Trung Lý");
  const muongLy = byName("UBND xã Mường Lý");
  const merged: Agency = { ...trungLy, id: newId(), name: "UBND xã Mường Lý (mới)", parentId: provinceCommittee.id, validFrom: null, validTo: null };
  const townOld = byName("UBND thị trấn Mường Lát");
  const townNew: Agency = { ...townOld, id: newId(), name: "UBND xã Mường Lát", parentId: provinceCommittee.id, validFrom: null };
  const changed = [
    ...reorganiseAgencies({ sources: [trungLy, muongLy], successor: merged, kind: "merged", effectiveOn: "2025-07-01" }),
    ...reorganiseAgencies({ sources: [townOld], successor: townNew, kind: "renamed", effectiveOn: "2025-07-01" }),
  ];
  const changedIds = new Set(changed.map((a) => a.id));
  agencies = [...agencies.filter((a) => !changedIds.has(a.id)), ...changed];

  let ms = Date.UTC(2026, 0, 5);
  const dostPush: Change[] = [];
  for (const a of agencies) {
    const { id, ...fields } = a;
    log.write("dost-a", "dost-th", (ms += 10), "agency", id, fields);
  }
  // Two DOST officers rename a department at once without syncing: a conflict for the registry.
  const tuPhap = byName("Sở Tư pháp");
  log.write("dost-a", "dost-th", (ms += 10), "agency", tuPhap.id, { name: "Sở Tư pháp tỉnh Thanh Hóa" });
  log.write("dost-b", "dost-th", ms - 5000, "agency", tuPhap.id, { name: "Sở Tư Pháp" });
  tuPhap.name = "Sở Tư pháp tỉnh Thanh Hóa";
  conflictRows.add(`agency|${tuPhap.id}`);

  // The 2026 plan: every agency existing on 31/12 gets a desk review, about 40% a visit.
  const inScope = agencies.filter((a) => (a.validTo === null || a.validTo >= `${YEAR}-12-31`) && a.kind !== "district_committee").sort((a, b) => (a.id < b.id ? -1 : 1));
  const entries: PlanEntry[] = [];
  for (const a of inScope) {
    const team = pick(TEAMS);
    entries.push({ agencyId: a.id, mode: "desk", teamId: team, month: 2 + Math.floor(rand() * 5) });
    if (rand() < 0.4) entries.push({ agencyId: a.id, mode: "onsite", teamId: team, month: 6 + Math.floor(rand() * 4) });
  }
  const plan: Plan = { id: "plan-2026", year: YEAR, province: PROVINCE, entries, onsiteShare: 1 / 3, title: "Kế hoạch kiểm tra năm 2026" };
  log.write("dost-a", "dost-th", (ms += 10), "plan", plan.id, { year: plan.year, province: plan.province, entries: plan.entries, onsiteShare: plan.onsiteShare, title: plan.title! });
  dostPush.push(...log.changes.splice(0));

  const inspections: ModelInspection[] = [];
  const results: ModelResult[] = [];
  const actions: ModelAction[] = [];
  const teamPush = new Map<string, { insp: Change[]; lead: Change[]; late: Change[] }>();
  for (const t of [...TEAMS, "n1"]) teamPush.set(t, { insp: [], lead: [], late: [] });
  const followUps: (() => void)[] = [];

  const inspect = (agencyId: string, mode: "onsite" | "desk", teamId: string, year: number, month: number, province = PROVINCE, forceStatus?: ModelInspection["status"]) => {
    const n = inspections.length + 1;
    const id = `insp-${seed}-${n}`;
    const lead = `lead-${teamId}`;
    const insp = `insp-${teamId}`;
    const dLead = `${teamId}-lead`;
    const dInsp = `${teamId}-tab`;
    const day = 1 + Math.floor(rand() * 27);
    const startedOn = `${year}-${pad(month)}-${pad(day)}`;
    const base = Date.UTC(year, month - 1, day, 2);
    const r = rand();
    const status = forceStatus ?? (r < 0.6 ? "finalized" : r < 0.75 ? "submitted" : "draft");
    const signedOn = status === "finalized" ? `${year}-${pad(month)}-${pad(Math.min(28, day + 1))}` : null;
    inspections.push({ id, agencyId, mode, teamId, province, status, startedOn, signedOn });
    const pushes = teamPush.get(teamId)!;
    const mark = () => log.changes.length;
    let at = mark();
    log.write(dLead, lead, base, "inspection", id, { agencyId, planId: year === YEAR && province === PROVINCE ? plan.id : null, checklistId: "tt26-art36", checklistVersion: "2024.1", mode, teamId, province, startedOn, status: "draft" });
    pushes.lead.push(...log.changes.splice(at));
    const scoreAll = status !== "draft" || rand() < 0.5;
    const wrongClock = teamId === "t2";
    CRITERIA.forEach((code, k) => {
      if (!scoreAll || rand() < 0.08) return;
      const rid = resultId(id, code);
      const t = base + 10_000 + k * 1000;
      const o1 = pick<Outcome>(["conform", "conform", "conform", "partial", "nonconform", "observation", "na"]);
      const o2 = pick<Outcome>(["conform", "partial", "nonconform"]);
      const roll = rand();
      at = mark();
      log.write(dInsp, insp, wrongClock ? Date.UTC(2020, 0, 1) + k : t, "result", rid, { inspectionId: id, criterionCode: code, outcome: o1 });
      pushes.insp.push(...log.changes.splice(at));
      let outcome: Outcome = o1;
      if (roll < 0.12) {
        // The lead scores it too, before syncing: concurrent heads, the greater stamp (the lead's) is shown.
        at = mark();
        log.write(dLead, lead, base + 500_000 + k, "result", rid, { outcome: o2 });
        pushes.lead.push(...log.changes.splice(at));
        outcome = o2;
        if (o1 !== o2) conflictRows.add(`result|${rid}`);
      } else if (roll < 0.22) {
        // The lead overwrites after syncing: no conflict.
        log.sync(dLead, dInsp, "result", rid, "outcome");
        at = mark();
        log.write(dLead, lead, base + 500_000 + k, "result", rid, { outcome: o2 });
        pushes.lead.push(...log.changes.splice(at));
        outcome = o2;
      } else if (roll < 0.27) {
        // The tablet with the wrong clock edits after syncing the lead's value: causality wins over its clock.
        at = mark();
        log.write(dLead, lead, base + 500_000 + k, "result", rid, { outcome: o2 });
        pushes.lead.push(...log.changes.splice(at));
        log.sync(dInsp, dLead, "result", rid, "outcome");
        at = mark();
        log.write(dInsp, insp, (wrongClock ? Date.UTC(2020, 0, 2) : base + 600_000) + k, "result", rid, { outcome: o1 });
        pushes.insp.push(...log.changes.splice(at));
        outcome = o1;
      }
      results.push({ id: rid, inspectionId: id, code, outcome });
    });
    if (status === "draft") return;
    at = mark();
    log.write(dLead, lead, base + 900_000, "inspection", id, { status: "submitted" });
    if (status === "finalized") {
      // Findings and actions for each nonconformity, agreed before signing.
      for (const res of results.filter((x) => x.inspectionId === id && x.outcome === "nonconform")) {
        const fid = `f-${res.id}`;
        const aid = `a-${res.id}`;
        log.write(dLead, lead, base + 950_000, "finding", fid, { inspectionId: id, criterionCode: res.code, kind: "nonconformity", severity: "minor", text: `Chưa đáp ứng ${res.code}` });
        const [y, m] = [Number(signedOn!.slice(0, 4)), Number(signedOn!.slice(5, 7))];
        const due = rand() < 0.7 ? `${m + 2 > 12 ? y + 1 : y}-${pad(((m + 1) % 12) + 1)}-${signedOn!.slice(8)}` : null;
        log.write(dLead, lead, base + 960_000, "action", aid, { findingId: fid, inspectionId: id, description: `Khắc phục ${res.code}`, owner: "Văn phòng", dueOn: due, status: "open", deleted: false });
        const model: ModelAction = { id: aid, inspectionId: id, status: "open", dueOn: due, deleted: false, noticeNumber: "", reportedOn: null };
        actions.push(model);
        if (province === PROVINCE) followUps.push(() => {
          const s = rand();
          // DOST pulled the action first, so its edits overwrite the lead's "open".
          log.sync("dost-a", dLead, "action", aid, "status");
          const dost = (f: Record<string, unknown>) => log.write("dost-a", "dost-th", (ms += 10), "action", aid, f);
          if (s < 0.35) return;
          dost({ status: "reported", agencyReport: "Đã khắc phục", reportedOn: `${YEAR}-10-01` });
          model.status = "reported";
          model.reportedOn = `${YEAR}-10-01`;
          if (s < 0.5) return;
          if (s < 0.65) {
            dost({ status: "not_accepted", decisionNote: "Chưa có bằng chứng", noticeNumber: `${aid.length}/TB-TĐC` });
            model.status = "not_accepted";
            model.noticeNumber = `${aid.length}/TB-TĐC`;
            return;
          }
          dost({ status: "accepted", decisionNote: "Đạt" });
          model.status = "accepted";
          if (s < 0.85) return;
          dost({ status: "verified", verifiedOn: `${YEAR}-11-01` });
          model.status = "verified";
        });
      }
      // The signing date goes before the finalizing change: anything stamped after it is locked out.
      log.write(dLead, lead, base + 1_000_000, "inspection", id, { signedOn: signedOn!, status: "finalized" });
    }
    pushes.lead.push(...log.changes.splice(at));
    if (status === "finalized" && rand() < 0.35) {
      // The inspector's tablet changes a result after the lead finalized: kept as a conflict, not applied.
      const mine = results.filter((x) => x.inspectionId === id && x.outcome !== null);
      const target = mine.length > 0 ? pick(mine) : null;
      if (target) {
        log.sync(dInsp, dLead, "result", target.id, "outcome");
        at = mark();
        log.write(dInsp, insp, base + 2_000_000, "result", target.id, { outcome: target.outcome === "na" ? "conform" : "na" });
        pushes.late.push(...log.changes.splice(at));
        conflictRows.add(`result|${target.id}`);
      }
    }
  };

  // History before the reorganisation: the merged communes and the renamed town were inspected in 2025.
  inspect(trungLy.id, "onsite", "t1", 2025, 3, PROVINCE, "finalized");
  inspect(muongLy.id, "desk", "t2", 2025, 4, PROVINCE, "finalized");
  inspect(townOld.id, "desk", "t3", 2025, 5, PROVINCE, "finalized");
  inspect(merged.id, "desk", "t1", YEAR, 3, PROVINCE, "finalized");
  for (const e of entries) {
    if (rand() < (e.mode === "onsite" ? 0.7 : 0.6)) inspect(e.agencyId, e.mode, e.teamId, YEAR, e.month);
  }
  // Two teams inspect the same agency (overlapping work), and one inspection outside the plan.
  for (const a of inScope.slice(0, 3)) inspect(a.id, "desk", pick(TEAMS), YEAR, 11);
  const deskOnly = inScope.find((a) => !entries.some((e) => e.agencyId === a.id && e.mode === "onsite"))!;
  inspect(deskOnly.id, "onsite", "t3", YEAR, 10, PROVINCE, "submitted");
  // Another province's work must never show in Thanh Hóa's figures.
  for (let i = 0; i < 4; i++) inspect(`na-agency-${i}`, i % 2 ? "desk" : "onsite", "n1", YEAR, 5, OTHER_PROVINCE, "finalized");

  followUps.forEach((f) => f());
  // One action withdrawn by its team.
  const withdrawn = actions.find((a) => a.status === "open" && inspections.find((i) => i.id === a.inspectionId)?.startedOn.startsWith(String(YEAR)));
  if (withdrawn) {
    const team = inspections.find((i) => i.id === withdrawn.inspectionId)!.teamId;
    log.write(`${team}-lead`, `lead-${team}`, Date.UTC(YEAR, 10, 1), "action", withdrawn.id, { deleted: true });
    teamPush.get(team)!.lead.push(...log.changes.splice(log.changes.length - 1));
    withdrawn.deleted = true;
  }
  const dostFollowUp = log.changes.splice(0);

  const users: FixtureUser[] = [
    { username: "dost-th", role: "dost", province: PROVINCE, team: null },
    ...TEAMS.flatMap((t) => [
      { username: `lead-${t}`, role: "lead" as const, province: PROVINCE, team: t },
      { username: `insp-${t}`, role: "inspector" as const, province: PROVINCE, team: t },
    ]),
    { username: "lead-n1", role: "lead", province: OTHER_PROVINCE, team: "n1" },
    { username: "insp-n1", role: "inspector", province: OTHER_PROVINCE, team: "n1" },
  ];
  const p = (t: string) => teamPush.get(t)!;
  const pushes = [
    { username: "dost-th", changes: dostPush },
    // Team 1's late edits reach the server before the finalizing they come after.
    { username: "insp-t1", changes: [...p("t1").insp, ...p("t1").late] },
    { username: "lead-t1", changes: p("t1").lead },
    { username: "lead-t2", changes: p("t2").lead },
    { username: "insp-t2", changes: p("t2").insp },
    { username: "insp-t3", changes: p("t3").insp },
    { username: "lead-t3", changes: p("t3").lead },
    { username: "insp-t2", changes: p("t2").late },
    { username: "insp-t3", changes: p("t3").late },
    { username: "lead-n1", changes: p("n1").lead },
    { username: "insp-n1", changes: [...p("n1").insp, ...p("n1").late] },
    { username: "dost-th", changes: dostFollowUp },
    // DOST imports a bundle carried from team 2's tablet: every change again, accepted once.
    { username: "dost-th", changes: [...p("t2").insp.slice(0, 300)] },
  ];
  return {
    seed,
    users,
    pushes,
    model: { agencies, plan, inspections, results, actions, conflictRows, mergedInto: { successorId: merged.id, sources: [trungLy.id, muongLy.id] } },
  };
}
