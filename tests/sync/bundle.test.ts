/** Sync bundles between a tablet and another tablet or DOST: the same idempotent rules, and never across provinces. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDb } from "../../src/app/db/AppDb";
import { addPhoto } from "../../src/app/db/addPhoto";
import { createInspection } from "../../src/app/db/createInspection";
import { META } from "../../src/app/db/META";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { exportBundle, importBundle } from "../../src/app/sync/bundle";
import { resultId } from "../../src/domain/result";
import { testDb } from "../app-db/testDb";
import { openSyncServer, type SyncServer } from "./syncHarness";

const NOW = Date.UTC(2026, 4, 10, 8);

async function tablet(server: SyncServer, username: string): Promise<AppDb> {
  const db = testDb();
  const { user, token } = server.users.get(username)!;
  await db.meta.put({ key: META.session, value: { token, user: { username, role: user.role, province: user.province, team: user.team } } });
  return db;
}

describe("sync bundle", () => {
  let server: SyncServer;
  let bytes: Uint8Array;
  let inspectionId: string;
  beforeAll(async () => {
    server = await openSyncServer([
      { username: "insp1", role: "inspector", province: "P1", team: "T1" },
      { username: "lead1", role: "lead", province: "P1", team: "T1" },
      { username: "insp2", role: "inspector", province: "P1", team: "T2" },
      { username: "insp9", role: "inspector", province: "P2", team: "T9" },
      { username: "dost1", role: "dost", province: "P1" },
      { username: "dost2", role: "dost", province: "P2" },
    ]);
    const db = await tablet(server, "insp1");
    inspectionId = await createInspection(db, { agencyId: "ag1", checklistId: "tt26-dieu-36", checklistVersion: "1", mode: "onsite", teamId: "T1", province: "P1", startedOn: "2026-05-10" }, { now: NOW });
    await scoreCriterion(db, { inspectionId, criterionCode: "I.1.1", outcome: "conform" }, { now: NOW + 1000 });
    await addPhoto(db, { inspectionId, ownerId: resultId(inspectionId, "I.1.1"), bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]).buffer, mime: "image/jpeg", caption: "ảnh" }, { now: NOW + 2000 });
    bytes = await exportBundle(db, { now: NOW + 3000 });
  });
  afterAll(async () => server.storage.close());

  const post = (username: string, body: Uint8Array | string) =>
    server.fetch("http://sync.test/api/sync/bundle", {
      method: "POST",
      headers: { Authorization: `Bearer ${server.users.get(username)!.token}`, "Content-Type": "application/json" },
      body: body as BodyInit,
    });

  it("says on the file which province and team exported it", () => {
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as { province: string; team: string; changes: unknown[]; blobs: Record<string, string> };
    expect(doc).toMatchObject({ format: "htqlcl-bundle/1", province: "P1", team: "T1" });
    expect(doc.changes.length).toBeGreaterThan(5);
    expect(Object.keys(doc.blobs)).toHaveLength(1);
  });

  it("is refused whole on a tablet of another province or team, and taken by a teammate's tablet", async () => {
    for (const who of ["insp9", "insp2"]) {
      const db = await tablet(server, who);
      await expect(importBundle(db, bytes)).rejects.toThrow(who === "insp9" ? /tỉnh "P1"/ : /đoàn "T1"/);
      expect(await db.changes.count()).toBe(0);
      expect(await db.blobs.count()).toBe(0);
    }
    const mate = await tablet(server, "lead1");
    const rep = await importBundle(mate, bytes);
    expect(rep.added).toBeGreaterThan(5);
    expect(await mate.outbox.count()).toBe(rep.added);
    expect((await importBundle(mate, bytes)).added).toBe(0);
  });

  it("at DOST: refused by another province's DOST, imported once by its own, into the team's scope", async () => {
    const foreign = await post("dost2", bytes);
    expect(foreign.status).toBe(422);
    expect(foreign.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await server.storage.query("select count(*)::int as n from changes")).rows[0]).toEqual({ n: 0 });

    const first = (await (await post("dost1", bytes)).json()) as { accepted: string[]; rejected: unknown[]; blobs: number };
    expect(first.rejected).toEqual([]);
    expect(first.blobs).toBe(1);
    const again = (await (await post("dost1", bytes)).json()) as { accepted: string[]; rejected: unknown[] };
    expect(again.accepted.sort()).toEqual(first.accepted.sort());
    const stored = await server.storage.query<{ n: number; province: string; team: string }>(
      "select count(*)::int as n, min(province) as province, min(team) as team from changes where status = 'accepted'",
    );
    expect(stored.rows[0]).toEqual({ n: first.accepted.length, province: "P1", team: "T1" });
    const row = await server.storage.query<{ team: string; data: { outcome: string } }>("select team, data from rows where entity = 'result' and row_id = $1", [resultId(inspectionId, "I.1.1")]);
    expect(row.rows[0]).toEqual({ team: "T1", data: expect.objectContaining({ outcome: "conform" }) });
  });

  it("refuses a truncated or damaged file with a Vietnamese message, writing nothing", async () => {
    const text = new TextDecoder().decode(bytes);
    const cut = text.slice(0, Math.floor(text.length / 2));
    const db = await tablet(server, "lead1");
    await expect(importBundle(db, new TextEncoder().encode(cut))).rejects.toThrow(/không phải gói đồng bộ/);
    expect(await db.changes.count()).toBe(0);
    await server.wipeData();
    const truncated = await post("dost1", cut);
    expect(truncated.status).toBe(400);
    const doc = JSON.parse(text) as { blobs: Record<string, string> };
    const sha = Object.keys(doc.blobs)[0]!;
    doc.blobs[sha] = Buffer.from("ảnh khác").toString("base64");
    const damaged = await post("dost1", JSON.stringify(doc));
    expect(damaged.status).toBe(422);
    expect(((await damaged.json()) as { detail: string }).detail).toMatch(/bị hỏng/);
    expect((await server.storage.query("select (select count(*)::int from changes) as c, (select count(*)::int from blobs) as b")).rows[0]).toEqual({ c: 0, b: 0 });
  });
});
