import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ChecklistSchema, type Checklist } from "../../../src/domain/checklist";
import { checklistRowId } from "../../../src/domain/checklistRecord";
import type { Api } from "./api";
import { changeWriter } from "./changeWriter";

const ROOT = resolve(import.meta.dirname, "../../..");

export const PASSWORD = "mat-khau-e2e-123";
export const PROVINCE = "lang-son";
export const TEAM = "doan-1";
export const YEAR = 2026;

/** What DOST published: names the tests look for on screen. */
export interface Province {
  agencies: { id: string; name: string }[];
  planId: string;
  teamName: string;
  checklist: Checklist;
  users: { dost: string; lead: string; inspector: string; inspector2: string };
}

/**
 * A province's DOST publishing one version of its own checklist, three agencies, a team and the year's plan with
 * two assignments for that team, through POST /api/sync/push as the DOST user (docs/sync-protocol.md). Accounts are created
 * through POST /api/users as admin.
 */
export async function seedProvince(a: Api, adminPassword: string): Promise<Province> {
  const admin = await a.login("admin", adminPassword);
  const users = { dost: "sokhcn.ls", lead: "truongdoan.ls", inspector: "kiemtravien.ls", inspector2: "kiemtravien2.ls" };
  await a.createUser(admin, { username: users.dost, password: PASSWORD, role: "dost", province: PROVINCE });
  await a.createUser(admin, { username: users.lead, password: PASSWORD, role: "lead", province: PROVINCE, team: TEAM });
  await a.createUser(admin, { username: users.inspector, password: PASSWORD, role: "inspector", province: PROVINCE, team: TEAM });
  await a.createUser(admin, { username: users.inspector2, password: PASSWORD, role: "inspector", province: PROVINCE, team: TEAM });

  // The province's own version: two scored sections of Art. 36, taken from the built-in checklist, kept short.
  const art36 = ChecklistSchema.parse(JSON.parse(readFileSync(resolve(ROOT, "checklists/tt26-dieu-36@1.json"), "utf8")));
  const checklist: Checklist = ChecklistSchema.parse({
    ...art36,
    id: "lang-son-2026",
    version: "1",
    title: "Bộ tiêu chí kiểm tra ISO năm 2026 của tỉnh Lạng Sơn",
    sections: art36.sections
      .filter((s) => s.scored)
      .map((s) => ({ ...s, items: s.items.slice(0, 2).map((i) => ({ ...i, criteria: i.criteria.slice(0, 1) })) })),
  });

  const agencies = [
    { id: "ag-so-tu-phap", name: "Sở Tư pháp tỉnh Lạng Sơn", kind: "province_department" },
    { id: "ag-xa-dinh-lap", name: "Ủy ban nhân dân xã Đình Lập", kind: "commune_committee" },
    { id: "ag-phuong-luong-van-tri", name: "Ủy ban nhân dân phường Lương Văn Tri", kind: "ward_committee" },
  ];
  const planId = "plan-ls-2026";
  const teamName = "Đoàn kiểm tra số 1 – Chi cục TCĐLCL";
  const write = changeWriter("dost-office-pc", users.dost);
  const changes = [
    ...write("checklist", checklistRowId(checklist.id, checklist.version), { document: checklist, province: PROVINCE }),
    ...agencies.flatMap((ag) =>
      write("agency", ag.id, {
        name: ag.name, kind: ag.kind, parentId: null, province: PROVINCE, validFrom: "2025-07-01", validTo: null,
        successorId: null, successorKind: null, needsReview: false,
      }),
    ),
    ...write("team", TEAM, {
      name: teamName,
      province: PROVINCE,
      members: [
        { name: "Hoàng Văn Thắng", role: "Trưởng đoàn" },
        { name: "Nông Thị Hường", role: "Thành viên" },
      ],
    }),
    ...write("plan", planId, {
      year: YEAR,
      province: PROVINCE,
      onsiteShare: 0.5,
      title: "Kế hoạch kiểm tra việc áp dụng HTQLCL năm 2026",
      entries: [
        { agencyId: agencies[1]!.id, mode: "onsite", teamId: TEAM, month: 5 },
        { agencyId: agencies[2]!.id, mode: "desk", teamId: TEAM, month: 6 },
        { agencyId: agencies[0]!.id, mode: "onsite", teamId: "doan-2", month: 9 },
      ],
    }),
  ];
  await a.push(await a.login(users.dost, PASSWORD), "dost-office-pc", changes);
  return { agencies: agencies.map(({ id, name }) => ({ id, name })), planId, teamName, checklist, users };
}
