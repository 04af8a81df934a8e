// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { finalizeInspection } from "../../src/app/db/finalizeInspection";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { writeEdits } from "../../src/app/db/writeEdits";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

describe("Không đạt needs its severity before the record is signed", () => {
  it("is listed as missing with a link to the criterion, blocks finalizing, and is cleared by choosing nặng / nhẹ", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: "I.1.1", outcome: "conform" });
    await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: "I.1.2", outcome: "nonconform" });
    await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: "II.a.1", outcome: "partial" });
    // Numbered and dated, so the severity is the only thing left before signing.
    await writeEdits(db, [{ entity: "inspection", rowId: INSPECTION_ID, field: "recordNumber", value: "05" }, { entity: "inspection", rowId: INSPECTION_ID, field: "signedOn", value: "2026-03-06" }]);
    const user = userEvent.setup();
    renderApp(db, `#/i/${INSPECTION_ID}/review`);

    const gaps = await screen.findByTestId("gaps");
    expect(within(gaps).getAllByRole("link").map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["I.1.2: Không đạt nhưng chưa chọn mức độ (nặng / nhẹ)", `#/i/${INSPECTION_ID}/score?c=I.1.2`],
    ]);
    expect((screen.getByTestId("finalize") as HTMLButtonElement).disabled).toBe(true);
    // The data layer refuses too, in plain Vietnamese, and writes nothing.
    const before = await db.changes.count();
    await expect(finalizeInspection(db, INSPECTION_ID, { signedOn: "2026-03-06" })).rejects.toThrow('Tiêu chí I.1.2 "Không đạt" nhưng chưa chọn mức độ (nặng / nhẹ).');
    expect(await db.changes.count()).toBe(before);
    expect((await db.inspections.get(INSPECTION_ID))?.status).toBe("draft");

    // The link opens the criterion; one tap on the severity and the list is empty.
    await user.click(within(gaps).getByRole("link"));
    await waitFor(() => expect(screen.getByTestId("criterion-panel").getAttribute("data-code")).toBe("I.1.2"));
    await user.click(within(screen.getByRole("group", { name: "Mức độ" })).getByRole("button", { name: "nhẹ" }));
    await waitFor(async () => expect((await db.results.get(`${INSPECTION_ID}/I.1.2`))?.severity).toBe("minor"));
    await user.click(screen.getByTestId("tab-review"));
    await waitFor(() => expect((screen.getByTestId("finalize") as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId("gaps")).toBeNull();
  });
});
