import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AppDb } from "../../src/app/db/AppDb";
import { createInspection } from "../../src/app/db/createInspection";
import { META } from "../../src/app/db/META";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { writeEdits } from "../../src/app/db/writeEdits";
import { SyncEngine } from "../../src/app/sync/SyncEngine";
import { resultId } from "../../src/domain/result";
import { testDb } from "../app-db/testDb";
import { inEra, serverFetch, useEra, type Era } from "./schemaEras";
import { BASE, openSyncServer, type SyncServer } from "./syncHarness";

let server: SyncServer;
let serverEra: Era = "current";
beforeAll(async () => {
  server = await openSyncServer([
    { username: "lan", role: "lead", province: "LS", team: "T1" },
    { username: "minh", role: "inspector", province: "LS", team: "T1" },
  ]);
});
afterAll(async () => server.storage.close());
beforeEach(async () => {
  serverEra = "current";
  await server.wipeData();
});
afterEach(() => useEra("current"));

const T0 = Date.UTC(2026, 4, 10, 8);

/** A tablet running the app of one era; `sync` starts its app afresh (as after an update) and syncs once. */
interface Tablet {
  db: AppDb;
  era: Era;
  build: string;
  sync(): Promise<void>;
  run<T>(fn: () => Promise<T>): Promise<T>;
}

async function tablet(username: string, era: Era): Promise<Tablet> {
  const db = testDb();
  const { token, user } = server.users.get(username)!;
  await db.meta.put({ key: META.session, value: { token, user: { username, role: user.role, province: user.province, team: user.team } } });
  const t: Tablet = {
    db,
    era,
    build: `${era}-1`,
    run: (fn) => inEra(t.era, fn),
    async sync() {
      const engine = new SyncEngine({
        db,
        baseUrl: BASE,
        fetch: serverFetch(server, () => serverEra),
        getToken: () => token,
        locks: null,
        now: () => T0,
        appVersion: t.build,
      });
      const s = await t.run(() => engine.syncNow());
      expect(s.phase, s.error).toBe("idle");
    },
  };
  return t;
}

const base = { agencyId: "a1", checklistId: "tt26", checklistVersion: "1", mode: "onsite" as const, teamId: "T1", province: "LS", startedOn: "2026-05-10" };

/** Everything a replica shows: merged rows of the inspection's kinds, and the ids of the changes it applied. */
async function state(db: AppDb) {
  return {
    inspections: await db.inspections.toArray(),
    results: await db.results.toArray(),
    findings: await db.findings.toArray(),
    changes: (await db.changes.toCollection().primaryKeys()).sort(),
  };
}

async function serverChanges(): Promise<{ id: string; status: string }[]> {
  return (await server.storage.query<{ id: string; status: string }>("select id, status from changes order by id")).rows;
}

/** The newer app's edits: a field the current schema lacks, a finding kind it does not know, and ordinary ones. */
async function newerEdits(t: Tablet): Promise<{ id: string; findingId: string }> {
  return t.run(async () => {
    const id = await createInspection(t.db, base, { now: T0 });
    await scoreCriterion(t.db, { inspectionId: id, criterionCode: "I.1.1", outcome: "conform" }, { now: T0 });
    await writeEdits(t.db, [{ entity: "inspection", rowId: id, field: "riskLevel", value: "high" }], { now: T0 + 1 });
    const findingId = `${id}/F1`;
    await writeEdits(
      t.db,
      [
        { entity: "finding", rowId: findingId, field: "inspectionId", value: id },
        { entity: "finding", rowId: findingId, field: "criterionCode", value: null },
        { entity: "finding", rowId: findingId, field: "kind", value: "recommendation" },
        { entity: "finding", rowId: findingId, field: "text", value: "Nên số hoá sổ theo dõi văn bản đến." },
      ],
      { now: T0 + 2 },
    );
    return { id, findingId };
  });
}

describe("quarantine of pulled changes this app cannot apply", () => {
  it("an old tablet talking to a newer server keeps what it cannot apply, says so, and converges once updated", async () => {
    serverEra = "next";
    const newer = await tablet("lan", "next");
    const old = await tablet("minh", "current");
    const { id, findingId } = await newerEdits(newer);
    await newer.sync();
    expect((await serverChanges()).every((c) => c.status === "accepted")).toBe(true);

    await old.sync();
    // what it understands is applied; the two changes it cannot apply wait, with their reason, and are not lost
    expect((await old.db.results.get(resultId(id, "I.1.1")))?.outcome).toBe("conform");
    expect((await old.db.findings.get(findingId))?.text).toBe("Nên số hoá sổ theo dõi văn bản đến.");
    expect((await old.db.findings.get(findingId))?.kind).toBeUndefined();
    const waiting = await old.db.quarantine.toArray();
    expect(waiting.map((q) => (q.change as { field: string }).field).sort()).toEqual(["kind", "riskLevel"]);
    expect(waiting.find((q) => (q.change as { field: string }).field === "riskLevel")?.reason).toMatch(/Trường "riskLevel" không có trong inspection/);
    expect(waiting.find((q) => (q.change as { field: string }).field === "kind")?.reason).toMatch(/finding\.kind/);
    // the cursor moved on: a later change from the newer tablet still arrives
    await newer.run(() => scoreCriterion(newer.db, { inspectionId: id, criterionCode: "I.1.2", outcome: "partial" }, { now: T0 + 3 }));
    await newer.sync();
    await old.sync();
    expect((await old.db.results.get(resultId(id, "I.1.2")))?.outcome).toBe("partial");
    expect(await old.db.quarantine.count()).toBe(2);
    // the old tablet's own edits still reach the server and the newer tablet
    await old.run(() => scoreCriterion(old.db, { inspectionId: id, criterionCode: "I.1.3", outcome: "nonconform", severity: "minor" }, { now: T0 + 4 }));
    await old.sync();
    await newer.sync();
    expect((await newer.db.results.get(resultId(id, "I.1.3")))?.severity).toBe("minor");

    // the old tablet is updated: its next start applies the waiting changes
    old.era = "next";
    old.build = "next-1";
    await old.sync();
    expect(await old.db.quarantine.count()).toBe(0);
    expect((await old.db.inspections.get(id) as { riskLevel?: unknown } | undefined)?.riskLevel).toBe("high");
    expect((await old.db.findings.get(findingId))?.kind).toBe("recommendation");
    expect(await state(old.db)).toEqual(await state(newer.db));
    expect((await serverChanges()).map((c) => c.id)).toEqual((await state(old.db)).changes);
  });

  it("a newer tablet talking to an older server keeps the refusals with their reason and sends them again after the update", async () => {
    serverEra = "current";
    const newer = await tablet("lan", "next");
    const old = await tablet("minh", "current");
    const { id, findingId } = await newerEdits(newer);
    await newer.sync();
    const refused = await newer.db.rejected.toArray();
    expect(refused).toHaveLength(2);
    expect(refused.map((r) => r.reason).join(" ")).toMatch(/riskLevel/);
    // the newer tablet still shows its own values; the server stored the refusals with their reason
    expect((await newer.db.inspections.get(id) as { riskLevel?: unknown } | undefined)?.riskLevel).toBe("high");
    expect((await serverChanges()).filter((c) => c.status === "rejected").map((c) => c.id).sort()).toEqual(refused.map((r) => r.id).sort());
    // syncing again on the same app version does not resend them
    await newer.sync();
    expect(await newer.db.rejected.count()).toBe(2);

    await old.sync();
    expect((await old.db.inspections.get(id))?.agencyId).toBe("a1");
    expect(await old.db.quarantine.count()).toBe(0);

    // the server is updated, and with it the app it serves: the newer tablet's next start sends the refusals again
    serverEra = "next";
    newer.build = "next-2";
    await newer.sync();
    expect(await newer.db.rejected.count()).toBe(0);
    expect(await newer.db.outbox.count()).toBe(0);
    expect((await serverChanges()).every((c) => c.status === "accepted")).toBe(true);
    // a tablet still on the old app keeps them in quarantine; updated, it converges
    await old.sync();
    expect(await old.db.quarantine.count()).toBe(2);
    old.era = "next";
    old.build = "next-2";
    await old.sync();
    expect((await old.db.findings.get(findingId))?.kind).toBe("recommendation");
    expect(await state(old.db)).toEqual(await state(newer.db));
    expect((await serverChanges()).map((c) => c.id)).toEqual((await state(newer.db)).changes);
  });
});
