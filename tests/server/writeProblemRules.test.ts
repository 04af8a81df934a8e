/** Table-driven write rules of the sync server (src/server/sync/writeProblem.ts, newRowScope.ts): who may write what. */
import { describe, expect, it } from "vitest";
import type { Change } from "../../src/domain/change";
import type { ServerUser } from "../../src/server/auth/ServerUser";
import { newRowScope } from "../../src/server/sync/newRowScope";
import type { KnownRow, RowScope } from "../../src/server/sync/RowScope";
import { writeProblem } from "../../src/server/sync/writeProblem";
import { hlc } from "./serverHarness";

const user = (id: string, role: ServerUser["role"], province: string | null, team: string | null): ServerUser => ({
  id,
  username: id,
  role,
  province,
  team,
  displayName: id,
});
const U = {
  admin: user("admin", "admin", null, null),
  dostP1: user("dostP1", "dost", "P1", null),
  dostP2: user("dostP2", "dost", "P2", null),
  leadT1: user("leadT1", "lead", "P1", "T1"),
  inspT1: user("inspT1", "inspector", "P1", "T1"),
  inspT2: user("inspT2", "inspector", "P1", "T2"),
  inspP2: user("inspP2", "inspector", "P2", "T3"),
};
type Who = keyof typeof U;

const change = (entity: Change["entity"], field: string, value: unknown, extra: Partial<Change> = {}): Change => ({
  id: "c1",
  entity,
  rowId: "r1",
  field,
  value,
  hlc: hlc(1_000_000),
  prevHlc: null,
  device: "devA",
  user: "someone",
  ...extra,
});
const T1: RowScope = { province: "P1", team: "T1" };
const T2: RowScope = { province: "P1", team: "T2" };
const WIDE_P1: RowScope = { province: "P1", team: null };
const known = (scope: RowScope, data: Record<string, unknown> = {}): KnownRow => ({ ...scope, data });

const ONLY_LEAD = "Chỉ trưởng đoàn được hoàn tất hoặc mở lại cuộc kiểm tra.";
const OTHER_TEAM = "Không được giao cuộc kiểm tra cho đoàn khác.";
const OTHER_TEAM_ROW = "Bản ghi thuộc đoàn kiểm tra khác, bạn không có quyền sửa.";
const OTHER_PROVINCE_ROW = "Bản ghi thuộc tỉnh khác, bạn không có quyền sửa.";
const DOST_ONLY = "Chỉ Sở KH&CN được sửa danh mục, kế hoạch, đoàn và bộ tiêu chí.";
const REGISTRY = "Danh mục cơ quan do Sở KH&CN quản lý, bạn không có quyền sửa.";

describe("writeProblem: inspections", () => {
  it.each<{ why: string; who: Who; c: Change; scope?: RowScope; want: string | null }>([
    { why: "an inspector may not finalize", who: "inspT1", c: change("inspection", "status", "finalized"), want: ONLY_LEAD },
    { why: "a lead may finalize", who: "leadT1", c: change("inspection", "status", "finalized"), want: null },
    { why: "an inspector may submit", who: "inspT1", c: change("inspection", "status", "submitted"), want: null },
    { why: "an inspector may not reopen", who: "inspT1", c: change("inspection", "status", "draft", { reopen: true }), want: ONLY_LEAD },
    { why: "a lead may reopen", who: "leadT1", c: change("inspection", "status", "draft", { reopen: true }), want: null },
    { why: "reopen: false is no reopen", who: "inspT1", c: change("inspection", "notes", "x", { reopen: false }), want: null },
    { why: "'finalized' in another field is no finalize", who: "inspT1", c: change("inspection", "notes", "finalized"), want: null },
    { why: "a result's 'status' is no inspection finalize", who: "inspT1", c: change("result", "status", "finalized"), want: null },
    { why: "DOST may finalize in its province", who: "dostP1", c: change("inspection", "status", "finalized"), want: null },
    { why: "a team member may not move an inspection to another team", who: "inspT1", c: change("inspection", "teamId", "T2"), want: OTHER_TEAM },
    { why: "a lead may not move an inspection to another team", who: "leadT1", c: change("inspection", "teamId", "T2"), want: OTHER_TEAM },
    { why: "a team member may set its own team", who: "inspT1", c: change("inspection", "teamId", "T1"), want: null },
    { why: "another entity's teamId is not a move", who: "inspT1", c: change("result", "teamId", "T2"), want: null },
    { why: "DOST may assign an inspection to a team", who: "dostP1", c: change("inspection", "teamId", "T2"), want: null },
    { why: "a team may not write another team's row", who: "inspT2", c: change("result", "note", "x"), want: OTHER_TEAM_ROW },
    { why: "a team may not write a province-wide inspection row", who: "inspT1", c: change("finding", "text", "x"), scope: WIDE_P1, want: OTHER_TEAM_ROW },
    { why: "another province may not write", who: "inspP2", c: change("action", "description", "x"), want: OTHER_PROVINCE_ROW },
    { why: "another province's DOST may not write", who: "dostP2", c: change("action", "description", "x"), want: OTHER_PROVINCE_ROW },
    { why: "admin writes anything", who: "admin", c: change("inspection", "teamId", "T9", { reopen: true }), want: null },
  ])("$why", ({ who, c, scope, want }) => {
    expect(writeProblem(U[who], c, null, scope ?? T1)).toBe(want);
  });
});

describe("writeProblem: province, registry and DOST rows", () => {
  it.each<{ why: string; who: Who; c: Change; row?: KnownRow; scope?: RowScope; want: string | null }>([
    { why: "no row moves to another province", who: "dostP1", c: change("agency", "province", "P2"), scope: WIDE_P1, want: "Không được chuyển bản ghi sang tỉnh khác." },
    { why: "a row may name its own province", who: "dostP1", c: change("agency", "province", "P1"), scope: WIDE_P1, want: null },
    { why: "DOST writes plans", who: "dostP1", c: change("plan", "title", "x"), scope: WIDE_P1, want: null },
    { why: "a team may not write plans", who: "leadT1", c: change("plan", "title", "x"), scope: T1, want: DOST_ONLY },
    { why: "a team may not write teams", who: "inspT1", c: change("team", "name", "x"), scope: T1, want: DOST_ONLY },
    { why: "a team may propose an agency for review", who: "inspT1", c: change("agency", "needsReview", true), scope: T1, want: null },
    { why: "a team's new agency must await review", who: "inspT1", c: change("agency", "needsReview", false), scope: T1, want: "Cơ quan do đoàn kiểm tra thêm phải chờ Sở KH&CN duyệt (needsReview = true)." },
    { why: "a team may name its proposed agency", who: "inspT1", c: change("agency", "name", "UBND xã"), row: known(T1, { needsReview: true }), want: null },
    { why: "a team may not touch a reviewed agency", who: "inspT1", c: change("agency", "name", "UBND xã"), row: known(T1, { needsReview: false }), want: REGISTRY },
    { why: "a team may not touch DOST's registry", who: "inspT1", c: change("agency", "name", "UBND xã"), row: known(WIDE_P1, {}), want: REGISTRY },
    { why: "a team may not touch another team's proposal", who: "inspT2", c: change("agency", "name", "UBND xã"), row: known(T1, { needsReview: true }), want: REGISTRY },
  ])("$why", ({ who, c, row, scope, want }) => {
    expect(writeProblem(U[who], c, row ?? null, scope ?? row!)).toBe(want);
  });

  it("a published checklist version is named by its id and version, and never rewritten", () => {
    const doc = { id: "tt26", version: "2014" };
    const c = change("checklist", "document", doc, { rowId: "tt26@2014" });
    expect(writeProblem(U.admin, { ...c, rowId: "tt26@2015" }, null, WIDE_P1)).toBe('Mã dòng bộ tiêu chí phải là "tt26@2014".');
    expect(writeProblem(U.dostP1, c, null, WIDE_P1)).toBeNull();
    expect(writeProblem(U.dostP1, c, known(WIDE_P1, { document: { version: "2014", id: "tt26" } }), WIDE_P1)).toBeNull();
    expect(writeProblem(U.admin, c, known(WIDE_P1, { document: { ...doc, extra: 1 } }), WIDE_P1)).toBe(
      "Phiên bản bộ tiêu chí đã công bố không được sửa; hãy công bố một phiên bản mới.",
    );
    expect(writeProblem(U.dostP1, c, known(WIDE_P1, { name: "x" }), WIDE_P1)).toBeNull();
  });
});

describe("writeProblem: changes carried for their author", () => {
  it("a change authored in another province is refused, whoever carries it (but admin)", () => {
    const c = change("result", "note", "x");
    expect(writeProblem(U.dostP1, c, null, T1, U.inspP2)).toMatch(/tỉnh khác/);
    expect(writeProblem(U.inspT1, c, null, T1, U.inspP2)).toMatch(/tỉnh khác/);
    expect(writeProblem(U.admin, c, null, T1, U.inspP2)).toBeNull();
  });

  it("a team member may not carry another team's change; DOST may", () => {
    const c = change("result", "note", "x");
    expect(writeProblem(U.inspT1, c, null, T1, U.inspT2)).toMatch(/đoàn khác/);
    expect(writeProblem(U.dostP1, c, null, T2, U.inspT2)).toBeNull();
    expect(writeProblem(U.inspT1, c, null, T1, U.leadT1)).toBeNull();
    expect(writeProblem(U.inspT1, c, null, T1, U.inspT1)).toBeNull();
  });
});

describe("newRowScope", () => {
  const c = change("inspection", "notes", "x");
  it.each<{ why: string; pusher: Who; author: Who | null; c?: Change; want: RowScope }>([
    { why: "a team member's rows are the team's", pusher: "inspT1", author: null, want: T1 },
    { why: "a team member's rows stay the team's whoever authored them", pusher: "leadT1", author: "inspT2", want: T1 },
    { why: "DOST's own rows are province-wide", pusher: "dostP1", author: "dostP1", want: WIDE_P1 },
    { why: "DOST importing a team's change files it under that team", pusher: "dostP1", author: "inspT2", want: T2 },
    { why: "DOST importing another province's change keeps its own scope", pusher: "dostP1", author: "inspP2", want: WIDE_P1 },
    { why: "admin importing a team's change files it under that team", pusher: "admin", author: "inspP2", want: { province: "P2", team: "T3" } },
    { why: "admin's own row takes the province it names", pusher: "admin", author: null, c: change("plan", "province", "P7"), want: { province: "P7", team: null } },
    { why: "admin's own row with no province named has none", pusher: "admin", author: "admin", want: { province: null, team: null } },
    { why: "a province that is no text is not taken", pusher: "admin", author: null, c: change("plan", "province", 7), want: { province: null, team: null } },
    { why: "DOST's row naming a province stays in DOST's", pusher: "dostP1", author: null, c: change("plan", "province", "P7"), want: WIDE_P1 },
  ])("$why", ({ pusher, author, c: given, want }) => {
    expect(newRowScope(U[pusher], author ? U[author] : null, given ?? c)).toEqual(want);
  });
});
