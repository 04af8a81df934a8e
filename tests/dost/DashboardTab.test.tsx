// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads (the agency history picker reads the local registry).
import "fake-indexeddb/auto";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DashboardTab } from "../../src/app/dost/DashboardTab";
import { DbContext } from "../../src/app/shell/DbContext";
import { testDb } from "../app-db/testDb";
import { openHarness, type Harness, type TestUser } from "../server/serverHarness";
import { pushTitledResults } from "./support/pushTitledResults";

let h: Harness;
let dost: TestUser;
const realFetch = globalThis.fetch;
beforeAll(async () => {
  h = await openHarness("pglite");
  dost = await pushTitledResults(h);
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => h.app.request(String(input), init)) as typeof fetch;
});
afterAll(async () => {
  cleanup();
  globalThis.fetch = realFetch;
  await h.close();
});

describe("DashboardTab against the real server (PGlite)", () => {
  it("shows each criterion's title beside its code in the criteria table, the failing chart and the breakdown", async () => {
    render(
      <DbContext.Provider value={testDb()}>
        <DashboardTab token={dost.token} province="P1" year={2026} />
      </DbContext.Provider>,
    );
    const table = await screen.findByTestId("criteria", {}, { timeout: 10_000 });
    const heads = [...table.querySelectorAll("tbody th")].map((th) => [th.firstChild?.textContent, within(th as HTMLElement).queryByTestId("criterion-title")?.textContent ?? null]);
    expect(heads).toEqual([
      ["I.a.1", "Phạm vi áp dụng trong quyết định công bố bao gồm toàn bộ thủ tục hành chính thuộc thẩm quyền giải quyết của cơ quan"],
      ["I.b.1", "Phổ biến quy trình một cửa"],
      ["II.z.9", null],
    ]);
    expect([...screen.getByTestId("chart-criteria").querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "I.b.1: Phổ biến quy trình một cửa",
      "I.a.1: Phạm vi áp dụng trong quyết định công bố bao gồm toàn bộ thủ tục hành chính thuộc thẩm quyền giải quyết của cơ quan",
    ]);
    const groups = screen.getByTestId("compliance-groups");
    const rowOf = (code: string) => [...groups.querySelectorAll("tbody tr")].find((tr) => tr.children[1]!.firstChild?.textContent === code)!;
    expect(rowOf("I.b.1").children[1]!.textContent).toBe("I.b.1Phổ biến quy trình một cửa");
  });
});
