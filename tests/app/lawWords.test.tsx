// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { cleanup, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useUiStore } from "../../src/app/state/useUiStore";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

describe("the law's words in the UI (issue 12, point 11)", () => {
  it("says 'chưa đáp ứng yêu cầu' beside Không đạt and 'vấn đề tồn tại' for findings, in both languages", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    useUiStore.getState().setLang("vi");
    renderApp(db, `#/i/${INSPECTION_ID}/score`);
    expect((await screen.findByTestId("nonconform-meaning")).textContent).toBe("Không đạt: chưa đáp ứng yêu cầu");
    // the button keeps its own name, which the drivers tap by
    expect(screen.getByRole("button", { name: "Không đạt" }).dataset.outcome).toBe("nonconform");
    cleanup();
    renderApp(db, `#/i/${INSPECTION_ID}/findings`);
    expect(await screen.findByText("Chưa có vấn đề tồn tại nào.")).toBeTruthy();
    expect(screen.getByTestId("add-finding").textContent).toBe("Thêm vấn đề tồn tại");
    expect(document.body.textContent).not.toMatch(/phát hiện/iu);
    cleanup();
    useUiStore.getState().setLang("en");
    renderApp(db, `#/i/${INSPECTION_ID}/score`);
    expect((await screen.findByTestId("nonconform-meaning")).textContent).toBe("Nonconform: does not yet meet requirements");
    useUiStore.getState().setLang("vi");
  });
});
