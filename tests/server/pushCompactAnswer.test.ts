/**
 * The compact push answer (X-Push-Answer: compact) confirms a batch by the number and highest stamp of its accepted
 * changes; a client that does not ask for it (app builds before it) keeps the answer that names every id.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUSH_ANSWER_HEADER } from "../../src/domain/protocol";
import { schemaProblems } from "./schemaProblems";
import { addUser, call, change, hlc, openHarness, type Harness, type TestUser } from "./serverHarness";

describe("push answer forms", () => {
  let h: Harness;
  let insp: TestUser;
  beforeAll(async () => {
    h = await openHarness("pglite");
    insp = await addUser(h, "insp-compact", "inspector", "P1", "T1");
  });
  afterAll(async () => h?.close());

  const pushAs = (changes: unknown[], compact: boolean) =>
    call(h, "POST", "/api/sync/push", insp, { device: "devA", changes }, compact ? { [PUSH_ANSWER_HEADER]: "compact" } : {});

  it("answers an old client (no header) with every accepted id, as before", async () => {
    const a = change({ entity: "result", rowId: "I-old/I.1.1", field: "outcome", value: "conform", user: insp.username });
    const b = change({ entity: "result", rowId: "I-old/I.1.2", field: "outcome", value: "partial", user: insp.username });
    const refused = change({ entity: "plan", rowId: "plan-old", field: "year", value: 2026, user: insp.username });
    const r = await pushAs([a, b, refused], false);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ accepted: [a.id, b.id], rejected: [{ id: refused.id, reason: "Chỉ Sở KH&CN được sửa danh mục, kế hoạch, đoàn và bộ tiêu chí." }], epoch: expect.any(String) });
  });

  it("answers a client that asks for it with the count and highest stamp of the accepted, and the refusals", async () => {
    const a = change({ entity: "result", rowId: "I-new/I.1.1", field: "outcome", value: "conform", user: insp.username, hlc: hlc(5_000_000) });
    const late = change({ entity: "result", rowId: "I-new/I.1.2", field: "note", value: "ghi chú", user: insp.username, hlc: hlc(7_000_000) });
    const early = change({ entity: "result", rowId: "I-new/I.1.3", field: "outcome", value: "na", user: insp.username, hlc: hlc(6_000_000) });
    // refused, and with the greatest stamp of all: it must not count as the highest accepted one
    const refused = change({ entity: "plan", rowId: "plan-new", field: "year", value: 2026, user: insp.username, hlc: hlc(9_000_000) });
    const r = await pushAs([a, late, early, refused], true);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      acceptedCount: 3,
      acceptedMaxHlc: late.hlc,
      rejected: [{ id: refused.id, reason: "Chỉ Sở KH&CN được sửa danh mục, kế hoạch, đoàn và bộ tiêu chí." }],
      epoch: expect.any(String),
    });
    expect(r.json).not.toHaveProperty("accepted");
    const doc = (await call(h, "GET", "/api/openapi.json", null)).json;
    expect(schemaProblems(doc, doc.components.schemas.PushCompactResponse, r.json, "answer")).toEqual([]);
    expect(schemaProblems(doc, doc.components.schemas.PushResponse, r.json, "answer")).not.toEqual([]);

    // sent again (a lost answer) with one id twice and a new one: each distinct accepted id counts once
    const more = change({ entity: "result", rowId: "I-new/I.1.4", field: "outcome", value: "partial", user: insp.username, hlc: hlc(6_500_000) });
    const again = await pushAs([a, late, late, more], true);
    expect(again.json).toEqual({ acceptedCount: 3, acceptedMaxHlc: late.hlc, rejected: [], epoch: r.json.epoch });
    const stored = await h.storage.query<{ n: number }>("select count(*)::int as n from changes where row_id like 'I-new/%'");
    expect(stored.rows[0]!.n).toBe(4);
  });

  it("says so when nothing is accepted, and another header value gets the full answer", async () => {
    const refused = change({ entity: "plan", rowId: "plan-none", field: "year", value: 2026, user: insp.username });
    const none = await pushAs([refused], true);
    expect(none.json).toMatchObject({ acceptedCount: 0, acceptedMaxHlc: null, rejected: [{ id: refused.id }] });
    const empty = await pushAs([], true);
    expect(empty.json).toMatchObject({ acceptedCount: 0, acceptedMaxHlc: null, rejected: [] });
    const ok = change({ entity: "result", rowId: "I-other/I.1.1", field: "outcome", value: "conform", user: insp.username });
    const other = await call(h, "POST", "/api/sync/push", insp, { device: "devA", changes: [ok] }, { [PUSH_ANSWER_HEADER]: "full" });
    expect(other.json).toMatchObject({ accepted: [ok.id], rejected: [] });
  });
});
