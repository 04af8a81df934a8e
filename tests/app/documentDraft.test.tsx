// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { resultId } from "../../src/domain/result";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

describe("a document reference typed but not added", () => {
  it("is added to its own criterion when the inspector moves on, not lost and not carried to the next one", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const user = userEvent.setup();
    renderApp(db, `#/i/${INSPECTION_ID}/score?c=I.1.1`);
    const panel = await screen.findByTestId("criterion-panel");
    await user.type(within(panel).getByTestId("doc-number"), "15/QĐ-UBND");
    await user.type(within(panel).getByTestId("doc-date"), "03/02/2025");
    // Straight to the next criterion, without "Thêm văn bản".
    await user.click(screen.getByTestId("next-unanswered"));
    await waitFor(() => expect(screen.getByTestId("criterion-panel").getAttribute("data-code")).toBe("I.1.2"));

    await waitFor(async () => expect((await db.results.get(resultId(INSPECTION_ID, "I.1.1")))?.documents).toEqual([{ number: "15/QĐ-UBND", date: "2025-02-03" }]));
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Đã lưu trên máy"));
    expect((within(screen.getByTestId("criterion-panel")).getByTestId("doc-number") as HTMLInputElement).value).toBe("");
    expect(await db.results.get(resultId(INSPECTION_ID, "I.1.2"))).toBeUndefined();

    // Back on I.1.1 it is listed, with its date as dd/mm/yyyy.
    await user.click(screen.getByTestId("crit-I.1.1"));
    await waitFor(() => expect(within(screen.getByTestId("documents")).getByRole("listitem").textContent).toContain("15/QĐ-UBND (03/02/2025)"));
  });
});
