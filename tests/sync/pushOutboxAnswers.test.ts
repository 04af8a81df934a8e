/**
 * The tablet asks for the compact push answer and reads it; against a server that predates it (which ignores the
 * header) it reads the full answer; a compact answer that does not match the batch leaves the outbox as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDb } from "../../src/app/db/AppDb";
import { createInspection } from "../../src/app/db/createInspection";
import { META } from "../../src/app/db/META";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { SyncEngine } from "../../src/app/sync/SyncEngine";
import type { Change } from "../../src/domain/change";
import { formatHlc } from "../../src/domain/hlc";
import { PUSH_ANSWER_HEADER } from "../../src/domain/protocol";
import { testDb } from "../app-db/testDb";
import { BASE, openSyncServer, type SyncServer } from "./syncHarness";

let server: SyncServer;
beforeAll(async () => {
  server = await openSyncServer([{ username: "tuan", role: "inspector", province: "LS", team: "T1" }]);
});
afterAll(async () => server.storage.close());

const base = { agencyId: "a1", checklistId: "tt26", checklistVersion: "1", mode: "onsite" as const, teamId: "T1", province: "LS", startedOn: "2026-05-10" };
const PLAN_REFUSED = "Chỉ Sở KH&CN được sửa danh mục, kế hoạch, đoàn và bộ tiêu chí.";

/** A tablet with an inspection, two scores and one change the server refuses (an inspector writing a plan). */
async function tablet(): Promise<{ db: AppDb; refusedId: string }> {
  const db = testDb();
  const { token, user } = server.users.get("tuan")!;
  await db.meta.put({ key: META.session, value: { token, user: { username: "tuan", role: user.role, province: user.province, team: user.team } } });
  const id = await createInspection(db, base);
  await scoreCriterion(db, { inspectionId: id, criterionCode: "I.1.1", outcome: "conform" });
  await scoreCriterion(db, { inspectionId: id, criterionCode: "I.1.2", outcome: "partial" });
  const device = String((await db.meta.get(META.deviceId))!.value);
  const refused: Change = {
    id: `plan-${device}`, entity: "plan", rowId: `plan-${device}`, field: "year", value: 2026,
    hlc: formatHlc({ ms: Date.UTC(2026, 4, 10), counter: 0, device }), prevHlc: null, device, user: "tuan",
  };
  await db.changes.put(refused);
  await db.outbox.put({ id: refused.id, hlc: refused.hlc, queuedAt: 0 });
  return { db, refusedId: refused.id };
}

/** Records each push request's answer-form header and answer body; it may hide the header from the server or rewrite the answer. */
function recording(opts: { dropHeader?: boolean; tamper?: (answer: Record<string, unknown>) => Record<string, unknown> } = {}) {
  const seen: { asked: string | null; answer: Record<string, unknown> }[] = [];
  const f: typeof fetch = async (input, init) => {
    if (!String(input).includes("/api/sync/push")) return server.fetch(input, init);
    const headers = new Headers(init?.headers);
    const asked = headers.get(PUSH_ANSWER_HEADER);
    if (opts.dropHeader) headers.delete(PUSH_ANSWER_HEADER); // a server before the compact answer ignores it
    const res = await server.fetch(input, { ...init, headers });
    let answer = (await res.json()) as Record<string, unknown>;
    if (opts.tamper) answer = opts.tamper(answer);
    seen.push({ asked, answer });
    return new Response(JSON.stringify(answer), { status: res.status, headers: { "Content-Type": "application/json" } });
  };
  return { seen, fetch: f };
}

function engine(db: AppDb, f: typeof fetch): SyncEngine {
  return new SyncEngine({ db, baseUrl: BASE, fetch: f, getToken: () => server.users.get("tuan")!.token, locks: null });
}

describe("the tablet reading push answers", () => {
  it("asks for the compact answer and empties its outbox from it, keeping the refusal with its reason", async () => {
    const { db, refusedId } = await tablet();
    const queued = await db.outbox.count();
    const net = recording();
    const status = await engine(db, net.fetch).syncNow();
    expect(status.phase).toBe("idle");
    expect(net.seen.map((s) => s.asked)).toEqual(["compact"]);
    expect(net.seen[0]!.answer).toMatchObject({ acceptedCount: queued - 1, rejected: [{ id: refusedId, reason: PLAN_REFUSED }] });
    expect(net.seen[0]!.answer).not.toHaveProperty("accepted");
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((r) => [r.id, r.reason])).toEqual([[refusedId, PLAN_REFUSED]]);
  });

  it("reads the full answer of a server that predates the compact one", async () => {
    const { db, refusedId } = await tablet();
    const queued = await db.outbox.count();
    const net = recording({ dropHeader: true });
    expect((await engine(db, net.fetch).syncNow()).phase).toBe("idle");
    expect(net.seen[0]!.answer.accepted).toHaveLength(queued - 1);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((r) => r.id)).toEqual([refusedId]);
  });

  it("keeps the whole batch queued when the compact answer does not match it (count or highest stamp)", async () => {
    for (const tamper of [
      (a: Record<string, unknown>) => ({ ...a, acceptedCount: Number(a.acceptedCount) + 1 }),
      (a: Record<string, unknown>) => ({ ...a, acceptedMaxHlc: "000000000000001:00000:other" }),
    ]) {
      const { db } = await tablet();
      const queued = await db.outbox.count();
      const status = await engine(db, recording({ tamper }).fetch).syncNow();
      expect(status.phase).toBe("error");
      expect(status.error).toBe("Máy chủ chưa trả lời đủ các thay đổi. Sẽ tự thử lại.");
      expect(await db.outbox.count()).toBe(queued);
      expect(await db.rejected.count()).toBe(0);
    }
  });
});
