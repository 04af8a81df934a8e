// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ResultRow } from "../../src/app/db/rowTypes";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { CriterionPanel } from "../../src/app/screens/CriterionPanel";
import { criteriaOf } from "../../src/app/screens/criteriaOf";
import { DbContext } from "../../src/app/shell/DbContext";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet, TEST_CHECKLIST } from "./support/fixtures";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

describe("the scoring screen writes through the data layer's scoreCriterion", () => {
  it("clears a severity the screen has not seen yet when Đạt replaces Không đạt", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    // Stored: Không đạt, nặng (set by another tablet's pull a moment ago). The screen still shows Không đạt without severity.
    await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: "I.1.2", outcome: "nonconform", severity: "major" });
    const stale = { ...(await db.results.get(`${INSPECTION_ID}/I.1.2`))!, severity: undefined } as ResultRow;
    const at = criteriaOf(TEST_CHECKLIST).find((c) => c.criterion.code === "I.1.2")!;
    const user = userEvent.setup();
    render(
      <DbContext.Provider value={db}>
        <CriterionPanel inspectionId={INSPECTION_ID} at={at} result={stale} attachments={[]} locked={false} />
      </DbContext.Provider>,
    );
    await user.click(screen.getByRole("button", { name: "Đạt" }));
    await waitFor(async () => expect((await db.results.get(`${INSPECTION_ID}/I.1.2`))?.outcome).toBe("conform"));
    expect((await db.results.get(`${INSPECTION_ID}/I.1.2`))?.severity).toBeNull();
  });

  it("records what a first result belongs to, once", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const at = criteriaOf(TEST_CHECKLIST).find((c) => c.criterion.code === "I.1.1")!;
    const user = userEvent.setup();
    render(
      <DbContext.Provider value={db}>
        <CriterionPanel inspectionId={INSPECTION_ID} at={at} result={undefined} attachments={[]} locked={false} />
      </DbContext.Provider>,
    );
    await user.click(screen.getByRole("button", { name: "Lưu ý" }));
    await waitFor(async () => expect((await db.results.get(`${INSPECTION_ID}/I.1.1`))?.outcome).toBe("observation"));
    await user.click(screen.getByRole("button", { name: "Đạt" }));
    await waitFor(async () => expect((await db.results.get(`${INSPECTION_ID}/I.1.1`))?.outcome).toBe("conform"));
    const fields = (await db.changes.toArray()).filter((c) => c.rowId === `${INSPECTION_ID}/I.1.1`).map((c) => c.field);
    expect(fields.sort()).toEqual(["criterionCode", "inspectionId", "outcome", "outcome"]);
  });
});
