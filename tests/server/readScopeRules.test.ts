/** Read rules of the sync server (src/server/sync/readScopeSql.ts), run as SQL on a real PGlite database. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY_NAMES, INSPECTION_ENTITIES } from "../../src/domain/entities";
import type { ServerUser } from "../../src/server/auth/ServerUser";
import { openStorage } from "../../src/server/openStorage";
import type { Storage } from "../../src/server/Storage";
import { readScopeSql } from "../../src/server/sync/readScopeSql";
import { addUser, change, openHarness, pullAll, push, type Harness } from "./serverHarness";

const user = (role: ServerUser["role"], province: string | null, team: string | null): ServerUser => ({
  id: `${role}-${province}-${team}`,
  username: `${role}-${province}-${team}`,
  role,
  province,
  team,
  displayName: "x",
});

/** One row of every entity in every scope: two teams of P1, one of P2, and province-wide (team null) rows. */
const SCOPES = [
  { province: "P1", team: "T1" },
  { province: "P1", team: "T2" },
  { province: "P2", team: "T3" },
  { province: "P1", team: null },
  { province: "P2", team: null },
];
const ROWS = SCOPES.flatMap((s) => ENTITY_NAMES.map((entity) => ({ ...s, entity, id: `${entity}/${s.province}/${s.team ?? "-"}` })));

describe("readScopeSql", () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorage({ memory: true });
    await storage.query("create table scope_probe (id text, province text, team text, entity text)");
    await storage.query(
      "insert into scope_probe select * from jsonb_to_recordset($1::jsonb) as x(id text, province text, team text, entity text)",
      [JSON.stringify(ROWS)],
    );
  });
  afterAll(async () => storage?.close());

  async function readable(u: ServerUser, firstParam = 1): Promise<string[]> {
    const { sql, params } = readScopeSql(u, "p", firstParam);
    // parameters numbered from firstParam: fill the ones before with values that are not used
    const before = Array.from({ length: firstParam - 1 }, (_, i) => `unused${i}`);
    const filler = before.map((_, i) => `$${i + 1}::text is not null`).join(" and ");
    const where = filler ? `${filler} and (${sql})` : sql;
    const r = await storage.query<{ id: string }>(`select id from scope_probe p where ${where} order by id`, [...before, ...params]);
    return r.rows.map((x) => x.id);
  }
  const expected = (keep: (r: (typeof ROWS)[number]) => boolean) => ROWS.filter(keep).map((r) => r.id).sort();
  const teamKinds = (e: string) => INSPECTION_ENTITIES.includes(e as (typeof INSPECTION_ENTITIES)[number]);

  it("admin reads everything", async () => {
    expect(await readable(user("admin", null, null))).toEqual(expected(() => true));
  });

  it("DOST reads its whole province and nothing else", async () => {
    expect(await readable(user("dost", "P1", null))).toEqual(expected((r) => r.province === "P1"));
  });

  it.each(["lead", "inspector"] as const)("a %s reads its team's rows and its province's DOST rows only", async (role) => {
    const got = await readable(user(role, "P1", "T1"));
    expect(got).toEqual(expected((r) => r.province === "P1" && (r.team === "T1" || !teamKinds(r.entity))));
  });

  it("team-less inspection rows are not readable by teams", async () => {
    const got = await readable(user("inspector", "P1", "T1"));
    for (const e of INSPECTION_ENTITIES) expect(got).not.toContain(`${e}/P1/-`);
    expect(got).toContain("agency/P1/-");
    expect(got).toContain("checklist/P1/-");
    // DOST rows of the team's own province are read, also when filed under another team
    expect(got).toContain("plan/P1/T2");
    expect(got).not.toContain("result/P1/T2");
  });

  it("parameters are numbered from the one given", async () => {
    expect(await readable(user("inspector", "P1", "T1"), 4)).toEqual(await readable(user("inspector", "P1", "T1")));
    expect(await readable(user("dost", "P2", null), 3)).toEqual(expected((r) => r.province === "P2"));
  });
});

describe("pull: team-less inspection rows", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => h?.close());

  it("an inspection DOST created province-wide reaches DOST but no team; DOST's agency reaches the team", async () => {
    const dost = await addUser(h, "dost-p1", "dost", "P1");
    const insp = await addUser(h, "insp-t1", "inspector", "P1", "T1");
    const other = await addUser(h, "insp-p2", "inspector", "P2", "T3");
    const ins = change({ entity: "inspection", rowId: "ins-wide", field: "notes", value: "do Sở tạo", user: dost.username });
    const ag = change({ entity: "agency", rowId: "ag-1", field: "name", value: "UBND xã A", user: dost.username });
    const r = await push(h, dost, [ins, ag]);
    expect(r.status).toBe(200);
    expect(r.json.rejected).toEqual([]);
    const ids = async (u: typeof dost) => (await pullAll(h, u)).map((c) => c.id).sort();
    expect(await ids(dost)).toEqual([ins.id, ag.id].sort());
    expect(await ids(insp)).toEqual([ag.id]);
    expect(await ids(other)).toEqual([]);
  });
});
