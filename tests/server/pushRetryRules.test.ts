/** A refused change is judged again when it is sent again (src/server/sync/pushChanges.ts): refusals are not forever. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, change, countChanges, openHarness, pullAll, push, rowOf, type Harness } from "./serverHarness";

describe("push: a previously rejected change", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => h?.close());

  it("is checked again and, once allowed, accepted in place of its rejected record", async () => {
    const insp = await addUser(h, "insp-retry", "inspector", "P1", "T1");
    const draft = change({ entity: "inspection", rowId: "ins-retry", field: "notes", value: "nháp", user: insp.username });
    const finalize = change({ entity: "inspection", rowId: "ins-retry", field: "status", value: "finalized", user: insp.username });
    const first = await push(h, insp, [draft, finalize]);
    expect(first.status).toBe(200);
    expect(first.json.accepted).toEqual([draft.id]);
    expect(first.json.rejected).toEqual([{ id: finalize.id, reason: "Chỉ trưởng đoàn được hoàn tất hoặc mở lại cuộc kiểm tra." }]);

    // still refused when sent again unchanged: one rejected record, not two
    const again = await push(h, insp, [finalize]);
    expect(again.json.rejected.map((r: { id: string }) => r.id)).toEqual([finalize.id]);
    expect(await countChanges(h, "id = $1", [finalize.id])).toBe(1);

    // the inspector becomes the team's lead: the same change is now allowed
    await h.storage.query("update users set role = 'lead' where username = $1", [insp.username]);
    const retried = await push(h, insp, [finalize]);
    expect(retried.status).toBe(200);
    expect(retried.json).toMatchObject({ accepted: [finalize.id], rejected: [] });
    expect(await countChanges(h, "id = $1 and status = 'accepted'", [finalize.id])).toBe(1);
    expect(await countChanges(h, "id = $1", [finalize.id])).toBe(1);
    expect((await rowOf(h, "inspection", "ins-retry"))?.data.status).toBe("finalized");
    expect((await pullAll(h, insp)).map((c) => c.id)).toContain(finalize.id);

    // and an accepted change sent once more stays accepted, stored once
    const repeat = await push(h, insp, [finalize]);
    expect(repeat.json).toMatchObject({ accepted: [finalize.id], rejected: [] });
    expect(await countChanges(h, "id = $1", [finalize.id])).toBe(1);
  });
});
