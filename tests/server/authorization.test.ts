/** Authorization matrix: every role against its own and every other province and team, for reads and writes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Change } from "../../src/domain/change";
import { sha256Hex } from "../../src/server/auth/sha256Hex";
import { addUser, call, change, hlc, openHarness, pullAll, push, rowOf, type Harness, type TestUser } from "./serverHarness";

interface Actor {
  name: string;
  role: TestUser["role"];
  province: string | null;
  team: string | null;
}
const ACTORS: Actor[] = [
  { name: "admin2", role: "admin", province: null, team: null },
  { name: "dostP1", role: "dost", province: "P1", team: null },
  { name: "dostP2", role: "dost", province: "P2", team: null },
  { name: "leadT1", role: "lead", province: "P1", team: "T1" },
  { name: "inspT1", role: "inspector", province: "P1", team: "T1" },
  { name: "inspT2", role: "inspector", province: "P1", team: "T2" },
  { name: "inspT3", role: "inspector", province: "P2", team: "T3" },
];
/** Rows and who creates them; team rows are created by that team's inspector, DOST rows by that province's dost. */
const TEAM_ROWS = [
  { owner: "inspT1", province: "P1", team: "T1" },
  { owner: "inspT2", province: "P1", team: "T2" },
  { owner: "inspT3", province: "P2", team: "T3" },
];
const DOST_ROWS = [
  { owner: "dostP1", province: "P1" },
  { owner: "dostP2", province: "P2" },
];
const TEAM_FIELDS = [
  { entity: "inspection", field: "notes", value: "ghi chú" },
  { entity: "result", field: "note", value: "đạt" },
  { entity: "finding", field: "text", value: "thiếu hồ sơ" },
  { entity: "action", field: "description", value: "bổ sung" },
  { entity: "attachment", field: "caption", value: "ảnh" },
] as const;
const DOST_FIELDS = [
  { entity: "agency", field: "name", value: "UBND xã A" },
  { entity: "team", field: "name", value: "Đoàn 1" },
  { entity: "plan", field: "title", value: "Kế hoạch 2026" },
  { entity: "adoption", field: "note", value: "Đã công bố" },
  // the province's issuer settings: its DOST writes them, every team of the province reads them
  { entity: "issuer", field: "issuingBody", value: "SỞ KHOA HỌC VÀ CÔNG NGHỆ" },
] as const;

function canWrite(a: Actor, row: { province: string; team?: string }, dostRow: boolean): boolean {
  if (a.role === "admin") return true;
  if (a.province !== row.province) return false;
  if (a.role === "dost") return true;
  return !dostRow && a.team === row.team;
}
function canRead(a: Actor, row: { province: string; team?: string }, dostRow: boolean): boolean {
  if (a.role === "admin") return true;
  if (a.province !== row.province) return false;
  return a.role === "dost" || dostRow || a.team === row.team;
}

describe("authorization matrix", () => {
  let h: Harness;
  const users = new Map<string, TestUser>();
  const rowIds: { entity: string; rowId: string; province: string; team?: string; dostRow: boolean; field: string; value: unknown }[] = [];
  let t = 10_000;

  beforeAll(async () => {
    h = await openHarness("pglite");
    for (const a of ACTORS) users.set(a.name, await addUser(h, a.name, a.role, a.province, a.team));
    for (const r of TEAM_ROWS) {
      for (const f of TEAM_FIELDS) {
        // a result's id is derived from its inspection and criterion
        const rowId = f.entity === "result" ? `inspection-${r.team}/I.1.1` : `${f.entity}-${r.team}`;
        const res = await push(h, users.get(r.owner)!, [change({ entity: f.entity, rowId, field: f.field, value: f.value, hlc: hlc(t++), user: r.owner })]);
        expect(res.json.accepted).toHaveLength(1);
        rowIds.push({ entity: f.entity, rowId, province: r.province, team: r.team, dostRow: false, field: f.field, value: f.value });
      }
    }
    for (const r of DOST_ROWS) {
      for (const f of DOST_FIELDS) {
        const rowId = `${f.entity}-${r.province}`;
        const res = await push(h, users.get(r.owner)!, [change({ entity: f.entity, rowId, field: f.field, value: f.value, hlc: hlc(t++), user: r.owner })]);
        expect(res.json.accepted).toHaveLength(1);
        rowIds.push({ entity: f.entity, rowId, province: r.province, dostRow: true, field: f.field, value: f.value });
      }
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it("checks every write against the row's province and team", async () => {
    const mismatches: string[] = [];
    for (const a of ACTORS) {
      const changes: Change[] = rowIds.map((r) => change({ entity: r.entity as Change["entity"], rowId: r.rowId, field: r.field, value: `${String(r.value)} (${a.name})`, hlc: hlc(t++, "devX"), user: a.name }));
      const res = await push(h, users.get(a.name)!, changes);
      expect(res.status).toBe(200);
      const accepted = new Set(res.json.accepted as string[]);
      rowIds.forEach((r, i) => {
        const want = canWrite(a, r, r.dostRow);
        if (accepted.has(changes[i]!.id) !== want) mismatches.push(`${a.name} → ${r.entity} ${r.rowId}: got ${!want}, want ${want}`);
      });
      for (const rej of res.json.rejected as { reason: string }[]) expect(rej.reason).toMatch(/quyền|Sở KH&CN/);
    }
    expect(mismatches).toEqual([]);
  });

  it("filters every pull to what the user may read", async () => {
    for (const a of ACTORS) {
      const seen = new Set((await pullAll(h, users.get(a.name)!)).map((c) => `${c.entity}/${c.rowId}`));
      const want = new Set(rowIds.filter((r) => canRead(a, r, r.dostRow)).map((r) => `${r.entity}/${r.rowId}`));
      expect([...seen].sort(), a.name).toEqual([...want].sort());
    }
  });

  it("lets a team propose a new agency only for review, and never touch plans, teams or checklists", async () => {
    const insp = users.get("inspT1")!;
    const ok = change({ entity: "agency", rowId: "ag-new", field: "needsReview", value: true, hlc: hlc(t++) });
    const name = change({ entity: "agency", rowId: "ag-new", field: "name", value: "UBND xã mới", hlc: hlc(t++) });
    const notReview = change({ entity: "agency", rowId: "ag-new2", field: "needsReview", value: false, hlc: hlc(t++) });
    const otherProvince = change({ entity: "agency", rowId: "ag-new3", field: "province", value: "P2", hlc: hlc(t++) });
    const plan = change({ entity: "plan", rowId: "plan-new", field: "year", value: 2026, hlc: hlc(t++) });
    const res = await push(h, insp, [ok, name, notReview, otherProvince, plan]);
    expect(res.json.accepted).toEqual([ok.id, name.id]);
    expect(res.json.rejected.map((r: { id: string }) => r.id)).toEqual([notReview.id, otherProvince.id, plan.id]);
    // Once DOST has reviewed it, the team can no longer edit it.
    const reviewed = change({ entity: "agency", rowId: "ag-new", field: "needsReview", value: false, hlc: hlc(t++, "devD"), prevHlc: ok.hlc, device: "devD" });
    expect((await push(h, users.get("dostP1")!, [reviewed], "devD")).json.accepted).toEqual([reviewed.id]);
    const again = change({ entity: "agency", rowId: "ag-new", field: "name", value: "đổi tên", hlc: hlc(t++) });
    expect((await push(h, insp, [again])).json.rejected).toHaveLength(1);
  });

  it("lets only admin and the province's dost write a team's members with their Art. 40 qualifications", async () => {
    const members = (who: string) => [
      { name: `Lê Văn An (${who})`, role: "Trưởng đoàn", art40: { degree: "Cử nhân Luật", stateManagementCert: "Chuyên viên", qmsAuditCert: "ISO 9001:2015", yearsExperience: 8 } },
      { name: "Phạm Thị Bình", role: "Thành viên", qualifications: "ghi chú cũ" },
    ];
    const mismatches: string[] = [];
    for (const a of ACTORS) {
      for (const r of DOST_ROWS) {
        const c = change({ entity: "team", rowId: `team-${r.province}`, field: "members", value: members(a.name), hlc: hlc(t++, "devM"), device: "devM", user: a.name });
        const res = await push(h, users.get(a.name)!, [c], "devM");
        const want = canWrite(a, { province: r.province }, true);
        if ((res.json.accepted as string[]).includes(c.id) !== want) mismatches.push(`${a.name} → team-${r.province}: want ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
    // a malformed qualification is refused for its value, not stored
    const bad = change({ entity: "team", rowId: "team-P1", field: "members", value: [{ name: "X", role: "Thành viên", art40: { degree: "", stateManagementCert: "", qmsAuditCert: "", yearsExperience: -2 } }], hlc: hlc(t++, "devM"), device: "devM", user: "dostP1" });
    expect((await push(h, users.get("dostP1")!, [bad], "devM")).json.rejected).toHaveLength(1);
    expect(((await rowOf(h, "team", "team-P1"))!.data.members as { name: string }[])[0]!.name).toBe("Lê Văn An (dostP1)");
  });

  it("lets only admin and a province's dost create accounts, within that province", async () => {
    const body = (username: string, role: string, province: string | null, team: string | null = null) => ({ username, password: "mat-khau-dai", role, province, team });
    const cases: [string, ReturnType<typeof body>, number][] = [
      ["admin2", body("u-a1", "dost", "P2"), 201],
      ["admin2", body("u-a2", "admin", null), 201],
      ["dostP1", body("u-d1", "inspector", "P1", "T5"), 201],
      ["dostP1", body("u-d2", "lead", "P2", "T3"), 403],
      ["dostP1", body("u-d3", "admin", null), 403],
      ["leadT1", body("u-l1", "inspector", "P1", "T1"), 403],
      ["inspT1", body("u-i1", "inspector", "P1", "T1"), 403],
      ["admin2", body("u-a1", "dost", "P2"), 409],
      ["admin2", body("u-a3", "inspector", "P1", null), 400],
      // a team whose record is in another province (team-P2 is DOST P2's team row) is refused for everyone, admin included
      ["dostP1", body("u-d4", "inspector", "P1", "team-P2"), 400],
      ["admin2", body("u-a4", "lead", "P1", "team-P2"), 400],
      ["dostP2", body("u-d5", "lead", "P2", "team-P2"), 201],
    ];
    for (const [who, b, status] of cases) {
      const r = await call(h, "POST", "/api/users", users.get(who)!, b);
      expect(`${who} ${b.username} ${r.status}`).toBe(`${who} ${b.username} ${status}`);
      if (status !== 201) expect(r.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });

  it("refuses every protected route without a valid token, and revoked tokens", async () => {
    const routes: [string, string][] = [
      ["POST", "/api/sync/push"], ["GET", "/api/sync/pull"], ["GET", "/api/auth/me"], ["POST", "/api/users"], ["GET", "/api/users"],
      ["GET", `/api/blobs/${"a".repeat(64)}`], ["PUT", `/api/blobs/${"a".repeat(64)}`], ["GET", "/api/dost/summary"],
    ];
    for (const [m, p] of routes) {
      const r = await call(h, m, p, null, m === "GET" ? undefined : "{}");
      expect(`${m} ${p} ${r.status}`).toBe(`${m} ${p} 401`);
      expect((await call(h, m, p, { ...users.get("inspT1")!, token: "x".repeat(43) }, m === "GET" ? undefined : "{}")).status).toBe(401);
    }
    const u = await addUser(h, "temp", "inspector", "P1", "T1");
    expect((await call(h, "GET", "/api/auth/me", u)).status).toBe(200);
    expect((await call(h, "POST", "/api/auth/logout", u)).status).toBe(204);
    expect((await call(h, "GET", "/api/auth/me", u)).status).toBe(401);
  });

  it("slows failed logins per client address too: the address the trusted proxy added (right-most), never one where someone logged in", async () => {
    process.env.TRUST_PROXY = "1";
    try {
      // the client wrote the left entries; the proxy appended the address it saw
      const from = (ip: string, username: string, password = "sai-mat-khau", spoofed = "10.9.8.7") =>
        call(h, "POST", "/api/auth/login", null, { username, password }, { "X-Forwarded-For": `${spoofed}, ${ip}` });
      for (let i = 0; i < 50; i++) expect((await from("203.0.113.7", `khach${i}`, "sai-mat-khau", `198.51.100.${i}`)).status).toBe(401);
      const slowed = await from("203.0.113.7", "khach-moi");
      expect(slowed.status).toBe(429);
      expect(Number(slowed.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await from("203.0.113.7", "khach-moi", "sai-mat-khau", "198.51.100.2")).status).toBe(429);
      expect((await from("198.51.100.2", "khach-moi")).status).toBe(401);
      // an office address where someone logged in is never slowed down by other accounts' failures
      expect((await from("203.0.113.9", "inspT1", "matkhau-123")).status).toBe(200);
      for (let i = 0; i < 60; i++) expect((await from("203.0.113.9", `nguoi${i}`)).status).toBe(401);
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });

  it("serves blobs only within the uploader's province and team (and to its DOST)", async () => {
    const bytes = new TextEncoder().encode("biên bản scan");
    const sha = sha256Hex(bytes);
    expect((await call(h, "PUT", `/api/blobs/${sha}`, users.get("inspT1")!, bytes, { "Content-Type": "application/pdf" })).status).toBe(201);
    const want: Record<string, number> = { admin2: 200, dostP1: 200, dostP2: 404, leadT1: 200, inspT1: 200, inspT2: 404, inspT3: 404 };
    for (const a of ACTORS) expect(`${a.name} ${(await call(h, "GET", `/api/blobs/${sha}`, users.get(a.name)!)).status}`).toBe(`${a.name} ${want[a.name]}`);
  });
  it("refuses changes carried from another province, or by a team member from another team, and files the rest under their author", async () => {
    const byAuthor = (rowId: string, author: string, entity: Change["entity"] = "inspection", field = "notes") =>
      change({ entity, rowId, field, value: `viết bởi ${author}`, hlc: hlc(t++, "devB"), device: "devB", user: author });
    const scopeOf = async (rowId: string) =>
      (await h.storage.query<{ province: string | null; team: string | null }>("select province, team from rows where row_id = $1", [rowId])).rows[0] ?? null;
    const bundle = (changes: Change[], extra: Record<string, unknown> = {}) => ({ format: "htqlcl-bundle/1", changes, blobs: {}, ...extra });

    // DOST of P1 imports a bundle from a P2 tablet: every change refused with its reason, so the file is refused
    // whole: nothing filed under P1, not even the refusals
    const p2 = [byAuthor("carried-1", "inspT3"), byAuthor("carried-1/I.1.1", "inspT3", "result", "note")];
    const r1 = await call(h, "POST", "/api/sync/bundle", users.get("dostP1")!, bundle(p2));
    expect(r1.status).toBe(422);
    expect(r1.json.rejected.map((x: { id: string; reason: string }) => [x.id, /tỉnh khác/.test(x.reason)])).toEqual(p2.map((c) => [c.id, true]));
    expect(await scopeOf("carried-1")).toBeNull();
    expect((await h.storage.query("select id from changes where id = any($1)", [p2.map((c) => c.id)])).rows).toEqual([]);
    // a bundle that says where it was exported is refused whole, before anything is written
    const p2b = [byAuthor("carried-2", "inspT3")];
    const r2 = await call(h, "POST", "/api/sync/bundle", users.get("dostP1")!, bundle(p2b, { province: "P2" }));
    expect(r2.status).toBe(422);
    expect(r2.json.detail).toMatch(/tỉnh "P2"/);
    expect(await h.storage.query("select 1 from changes where id = $1", [p2b[0]!.id])).toEqual({ rows: [] });
    // the P2 tablet can still push its own changes, into its own scope
    const own = await push(h, users.get("inspT3")!, [...p2, ...p2b], "devB");
    expect(own.json.accepted).toHaveLength(3);
    expect(await scopeOf("carried-1")).toEqual({ province: "P2", team: "T3" });

    // a T1 tablet carrying a T2 inspector's change in a bundle is refused; a teammate's or the lead's change is fine
    const t2 = byAuthor("carried-3", "inspT2");
    const mate = byAuthor("carried-4", "leadT1");
    const r3 = await call(h, "POST", "/api/sync/bundle", users.get("inspT1")!, bundle([t2, mate]));
    expect(r3.json.accepted).toEqual([mate.id]);
    expect(r3.json.rejected[0]).toMatchObject({ id: t2.id, reason: expect.stringMatching(/đoàn khác/) });
    expect(await scopeOf("carried-3")).toBeNull();
    // DOST of the same province and admin file carried changes under their author's province and team
    const viaDost = byAuthor("carried-5", "inspT2");
    expect((await call(h, "POST", "/api/sync/bundle", users.get("dostP1")!, bundle([viaDost], { province: "P1" }))).json.accepted).toEqual([viaDost.id]);
    expect(await scopeOf("carried-5")).toEqual({ province: "P1", team: "T2" });
    const viaAdmin = byAuthor("carried-6", "inspT3");
    expect((await call(h, "POST", "/api/sync/bundle", users.get("admin2")!, bundle([viaAdmin]))).json.accepted).toEqual([viaAdmin.id]);
    expect(await scopeOf("carried-6")).toEqual({ province: "P2", team: "T3" });
    expect((await pullAll(h, users.get("inspT2")!)).some((c) => c.rowId === "carried-5")).toBe(true);
  });

  // Issue 16, items 4–9: the server trusts only what it authenticated.
  describe("integrity", () => {
    const rowScope = async (entity: string, rowId: string) =>
      (await h.storage.query<{ province: string | null; team: string | null }>("select province, team from rows where entity = $1 and row_id = $2", [entity, rowId])).rows[0] ?? null;

    it("refuses rows that point into another team's or province's inspection or finding, and result ids not derived from their key", async () => {
      const t2 = users.get("inspT2")!;
      const t1 = users.get("inspT1")!;
      const intoT1 = change({ entity: "result", rowId: "inspection-T1/I.9.9", field: "outcome", value: "nonconform", hlc: hlc(t++), user: "inspT2" });
      const findingIntoT1 = change({ entity: "finding", rowId: "f-into-T1", field: "inspectionId", value: "inspection-T1", hlc: hlc(t++), user: "inspT2" });
      const actionIntoT1 = change({ entity: "action", rowId: "a-into-T1", field: "findingId", value: "finding-T1", hlc: hlc(t++), user: "inspT2" });
      const p2 = change({ entity: "result", rowId: "inspection-T1/I.9.8", field: "outcome", value: "nonconform", hlc: hlc(t++), user: "inspT3" });
      const r1 = await push(h, t2, [intoT1, findingIntoT1, actionIntoT1]);
      expect(r1.json.accepted).toEqual([]);
      for (const rej of r1.json.rejected as { reason: string }[]) expect(rej.reason).toMatch(/đoàn khác|tỉnh khác/);
      expect((await push(h, users.get("inspT3")!, [p2])).json.accepted).toEqual([]);
      expect(await rowScope("result", "inspection-T1/I.9.9")).toBeNull();
      // the owner may; an id that is not <inspection>/<criterion>, or a field that contradicts it, is refused
      const own = change({ entity: "result", rowId: "inspection-T1/I.9.9", field: "outcome", value: "conform", hlc: hlc(t++), user: "inspT1" });
      const badId = change({ entity: "result", rowId: "ket-qua-1", field: "outcome", value: "conform", hlc: hlc(t++), user: "inspT1" });
      const otherInsp = change({ entity: "result", rowId: "inspection-T1/I.9.7", field: "inspectionId", value: "inspection-T2", hlc: hlc(t++), user: "inspT1" });
      const otherCode = change({ entity: "result", rowId: "inspection-T1/I.9.7", field: "criterionCode", value: "I.1.1", hlc: hlc(t++), user: "inspT1" });
      const r2 = await push(h, t1, [own, badId, otherInsp, otherCode]);
      expect(r2.json.accepted).toEqual([own.id]);
      expect((r2.json.rejected as { reason: string }[]).map((x) => /<cuộc kiểm tra>\/<mã tiêu chí>/.test(x.reason))).toEqual([true, true, true]);
    });

    it("binds a change id to its content: another user's id, a refused id or a replayed id with other content is a taken id", async () => {
      const t1 = users.get("inspT1")!;
      const mine = change({ entity: "inspection", rowId: "inspection-T1", field: "notes", value: "của T1", hlc: hlc(t++), user: "inspT1" });
      expect((await push(h, t1, [mine])).json.accepted).toEqual([mine.id]);
      // another user sends the same id with other content: answered as a taken id, the content is not silently dropped
      const theirs = { ...change({ entity: "inspection", rowId: "inspection-T2", field: "notes", value: "của T2", hlc: hlc(t++), user: "inspT2" }), id: mine.id };
      const r1 = await push(h, users.get("inspT2")!, [theirs]);
      expect(r1.json.accepted).toEqual([]);
      expect(r1.json.rejected[0]).toMatchObject({ id: mine.id, reason: expect.stringMatching(/mã trùng/) });
      expect((await rowOf(h, "inspection", "inspection-T1"))!.data.notes).toBe("của T1");
      expect(await rowScope("inspection", "inspection-T2")).toEqual({ province: "P1", team: "T2" });
      // the same content again is the same change
      expect((await push(h, t1, [mine])).json.accepted).toEqual([mine.id]);

      // a refused id cannot be taken over by other content, even by a teammate who may write the row
      const refused = change({ entity: "inspection", rowId: "inspection-T1", field: "status", value: "finalized", hlc: hlc(t++), user: "inspT1" });
      expect((await push(h, t1, [refused])).json.rejected).toHaveLength(1);
      const takeover = { ...change({ entity: "inspection", rowId: "inspection-T1", field: "notes", value: "chiếm mã", hlc: hlc(t++), user: "leadT1" }), id: refused.id };
      const r2 = await push(h, users.get("leadT1")!, [takeover]);
      expect(r2.json.rejected[0]).toMatchObject({ id: refused.id, reason: expect.stringMatching(/mã trùng/) });
      expect((await rowOf(h, "inspection", "inspection-T1"))!.data.notes).toBe("của T1");

      // a bundle replaying an accepted id with other content (another photo) is refused, and its photo not stored
      const att = change({ entity: "attachment", rowId: "att-T1", field: "sha256", value: "a".repeat(64), hlc: hlc(t++), user: "inspT1" });
      expect((await push(h, t1, [att])).json.accepted).toEqual([att.id]);
      const photo = new TextEncoder().encode("ảnh của kẻ khác");
      const sha = sha256Hex(photo);
      const replay = { ...att, value: sha };
      const r3 = await call(h, "POST", "/api/sync/bundle", users.get("dostP1")!, { format: "htqlcl-bundle/1", changes: [replay], blobs: { [sha]: Buffer.from(photo).toString("base64") } });
      expect(r3.status).toBe(422);
      expect(r3.json.rejected[0]).toMatchObject({ id: att.id, reason: expect.stringMatching(/mã trùng/) });
      expect((await h.storage.query("select 1 from blobs where sha256 = $1", [sha])).rows).toEqual([]);
      expect((await rowOf(h, "attachment", "att-T1"))!.data.sha256).toBe("a".repeat(64));
    });

    it("records the authenticated user and device as author on push; carried authorship only in a bundle, with its carrier", async () => {
      const t1 = users.get("inspT1")!;
      const as = (name: string, device = "devA") =>
        change({ entity: "inspection", rowId: "inspection-T1", field: "notes", value: `ký tên ${name}`, hlc: hlc(t++, device), device, user: name });
      const forged = ["admin2", "dostP1", "leadT1", "inspT2", "inspT3"].map((n) => as(n));
      const unknown = as("khong-ton-tai");
      const local = as("local");
      const otherDevice = as("inspT1", "devZ");
      const r = await push(h, t1, [...forged, unknown, local, otherDevice], "devA");
      expect(r.json.accepted).toEqual([unknown.id, local.id]);
      for (const x of r.json.rejected.slice(0, forged.length) as { reason: string }[]) expect(x.reason).toMatch(/chỉ chính người đó/);
      expect(r.json.rejected[forged.length]).toMatchObject({ id: otherDevice.id, reason: expect.stringMatching(/thiết bị "devZ"/) });
      const stored = await h.storage.query<{ user: string; pushed_by: string }>(`select "user", pushed_by from changes where id = any($1) order by id`, [[unknown.id, local.id]]);
      expect(stored.rows).toEqual([{ user: "inspT1", pushed_by: t1.id }, { user: "inspT1", pushed_by: t1.id }]);

      // an inspector cannot finalize by naming the lead, on push or in a bundle; a lead's finalize counts from the lead
      const fin = change({ entity: "inspection", rowId: "inspection-T1", field: "status", value: "finalized", hlc: hlc(t++, "devL"), device: "devL", user: "leadT1" });
      expect((await push(h, t1, [fin])).json.rejected).toHaveLength(1);
      const viaBundle = await call(h, "POST", "/api/sync/bundle", t1, { format: "htqlcl-bundle/1", changes: [fin], blobs: {} });
      expect(viaBundle.status).toBe(422);
      expect(viaBundle.json.rejected[0].reason).toMatch(/Chỉ trưởng đoàn/);
      expect((await rowOf(h, "inspection", "inspection-T1"))!.data.status).toBeUndefined();
      // the lead's own tablet delivers it later: the same change, so the refused record is checked again
      expect((await push(h, users.get("leadT1")!, [fin], "devL")).json.accepted).toEqual([fin.id]);

      // a bundle keeps a teammate's authorship and records the carrier; it may not speak for admin or for DOST
      const mate = change({ entity: "inspection", rowId: "inspection-T1", field: "decisionRef", value: "12/QĐ", hlc: hlc(t++, "devL"), device: "devL", user: "leadT1" });
      const asAdmin = as("admin2", "devQ");
      const asDost = as("dostP1", "devQ");
      const b = await call(h, "POST", "/api/sync/bundle", t1, { format: "htqlcl-bundle/1", changes: [mate, asAdmin, asDost], blobs: {} });
      expect(b.json.accepted).toEqual([mate.id]);
      expect(b.json.rejected.map((x: { reason: string }) => x.reason)).toEqual([expect.stringMatching(/quản trị viên/), expect.stringMatching(/Sở KH&CN/)]);
      const carried = await h.storage.query<{ user: string; pushed_by: string }>(`select "user", pushed_by from changes where id = $1`, [mate.id]);
      expect(carried.rows).toEqual([{ user: "leadT1", pushed_by: t1.id }]);
    });

    it("gives an inspection DOST creates for a team to that team, and refuses moving a row to another team or province afterwards", async () => {
      const dost = users.get("dostP1")!;
      const admin = users.get("admin2")!;
      const create = [
        change({ entity: "inspection", rowId: "insp-dost", field: "agencyId", value: "agency-P1", hlc: hlc(t++), user: "dostP1" }),
        change({ entity: "inspection", rowId: "insp-dost", field: "teamId", value: "T1", hlc: hlc(t++), user: "dostP1" }),
      ];
      expect((await push(h, dost, create)).json.accepted).toHaveLength(2);
      expect(await rowScope("inspection", "insp-dost")).toEqual({ province: "P1", team: "T1" });
      expect((await pullAll(h, users.get("inspT1")!)).some((c) => c.rowId === "insp-dost")).toBe(true);
      // re-assigning it, or moving a row to another province, is refused with the reason, for DOST and admin alike
      const toT2 = change({ entity: "inspection", rowId: "insp-dost", field: "teamId", value: "T2", hlc: hlc(t++), user: "dostP1" });
      const r1 = await push(h, dost, [toT2]);
      expect(r1.json.rejected[0].reason).toMatch(/giao lại cuộc kiểm tra đã tạo cho đoàn khác/);
      const byAdmin = change({ entity: "inspection", rowId: "insp-dost", field: "teamId", value: "T2", hlc: hlc(t++), user: "admin2" });
      const agencyToP2 = change({ entity: "agency", rowId: "agency-P1", field: "province", value: "P2", hlc: hlc(t++), user: "admin2" });
      const r2 = await push(h, admin, [byAdmin, agencyToP2]);
      expect(r2.json.accepted).toEqual([]);
      expect(r2.json.rejected.map((x: { reason: string }) => x.reason)).toEqual([expect.stringMatching(/đoàn khác/), expect.stringMatching(/tỉnh khác/)]);
      expect((await pullAll(h, users.get("inspT2")!)).some((c) => c.rowId === "insp-dost")).toBe(false);
      expect((await rowOf(h, "inspection", "insp-dost"))!.data.teamId).toBe("T1");
    });

    it("counts in an agency's history only the rows of the agency's own province and the inspection's team", async () => {
      const dost = users.get("dostP1")!;
      const ag = change({ entity: "agency", rowId: "ag-hist", field: "name", value: "UBND xã Lịch Sử", hlc: hlc(t++), user: "dostP1" });
      expect((await push(h, dost, [ag])).json.accepted).toEqual([ag.id]);
      const lead = users.get("leadT1")!;
      const insp = [
        change({ entity: "inspection", rowId: "insp-hist", field: "agencyId", value: "ag-hist", hlc: hlc(t++), user: "leadT1" }),
        change({ entity: "inspection", rowId: "insp-hist", field: "startedOn", value: "2026-03-02", hlc: hlc(t++), user: "leadT1" }),
        change({ entity: "result", rowId: "insp-hist/I.1.1", field: "outcome", value: "nonconform", hlc: hlc(t++), user: "leadT1" }),
        change({ entity: "result", rowId: "insp-hist/I.1.1", field: "inspectionId", value: "insp-hist", hlc: hlc(t++), user: "leadT1" }),
      ];
      expect((await push(h, lead, insp)).json.accepted).toHaveLength(4);
      // rows another province and another team filed under this inspection before the push rules refused them
      for (const [rowId, province, team] of [["insp-hist/I.2.1", "P2", "T3"], ["insp-hist/I.2.2", "P1", "T2"]] as const) {
        await h.storage.query(
          `insert into rows (entity, row_id, province, team, data) values ('result', $1, $2, $3, jsonb_build_object('inspectionId', 'insp-hist', 'outcome', 'nonconform'))`,
          [rowId, province, team],
        );
      }
      const r = await call(h, "GET", "/api/dost/agencies/ag-hist/history", dost);
      expect(r.status).toBe(200);
      expect(r.json.years.map((y: { year: number; nonconform: number }) => [y.year, y.nonconform])).toEqual([[2026, 1]]);
    });
  });
});
