// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { cleanup, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BUILTIN_CHECKLISTS } from "../../src/checklists/builtinChecklists";
import { testDb } from "../app-db/testDb";
import { seedInspection, seedTablet, TEST_CHECKLIST } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

describe("built-in checklists", () => {
  it("the app offers and scores with exactly the list of src/checklists/builtinChecklists (no second copy)", async () => {
    // A version only that module knows: the app must take its built-in checklists from there.
    const probe = { ...TEST_CHECKLIST, id: "probe-builtin", version: "9" };
    BUILTIN_CHECKLISTS.push(probe);
    try {
      const db = testDb();
      await seedTablet(db);
      renderApp(db, "#/start?agency=x-muongly");
      const select = await screen.findByTestId("checklist-select");
      const values = () => [...select.querySelectorAll("option")].map((o) => o.value);
      await waitFor(() => expect(values()).toEqual(expect.arrayContaining(["probe-builtin@9", "test-tt26@2026.1", "phu-luc-i-2023@1", "tt26-dieu-36@1"])));
      cleanup();

      // An inspection pinned to it opens its scoring screen from the built-in list (the tablet has no copy).
      await db.checklists.clear();
      const id = "0190d1c4-0000-7000-8000-0000000000cc";
      await seedInspection(db, id);
      await db.inspections.update(id, { checklistId: "probe-builtin", checklistVersion: "9" });
      renderApp(db, `#/i/${id}/score?c=II.a.1`);
      expect((await screen.findByTestId("criterion-panel")).dataset.code).toBe("II.a.1");
    } finally {
      BUILTIN_CHECKLISTS.pop();
    }
  });
});
