/** Criterion titles in the DOST summary: from the checklist version the results used, the province's or built-in. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILTIN_CHECKLISTS } from "../../src/checklists/builtinChecklists";
import { DostSummarySchema } from "../../src/domain/dostSummary";
import { call, openHarness, type Backend, type Harness, type TestUser } from "../server/serverHarness";
import { pushTitledResults } from "./support/pushTitledResults";

describe.each<Backend>(["pglite", "postgres"])("criterion titles in GET /api/dost/summary on %s", (backend) => {
  let h: Harness;
  let dost: TestUser;
  beforeAll(async () => {
    h = await openHarness(backend);
    dost = await pushTitledResults(h);
  });
  afterAll(async () => h?.close());

  it("names each code by the checklist most of its results used, keeps the code, and leaves an unknown one untitled", async () => {
    const r = await call(h, "GET", "/api/dost/summary?year=2026", dost);
    expect(r.status).toBe(200);
    const s = DostSummarySchema.parse(r.json);
    const ia1 = BUILTIN_CHECKLISTS.find((c) => c.id === "tt26-dieu-36")!.sections[0]!.items[0]!.criteria[0]!;
    expect(ia1.code).toBe("I.a.1");
    expect(s.criteria).toEqual([
      { code: "I.a.1", title: ia1.activities[0], conform: 0, partial: 0, nonconform: 1, observation: 0, na: 0 },
      // two results under the province's matrix against one under TT 26: the matrix names it (its colon dropped)
      { code: "I.b.1", title: "Phổ biến quy trình một cửa", conform: 1, partial: 2, nonconform: 0, observation: 0, na: 0 },
      // only another province published "xx": its wording is not borrowed
      { code: "II.z.9", conform: 1, partial: 0, nonconform: 0, observation: 0, na: 0 },
    ]);
  });
});
