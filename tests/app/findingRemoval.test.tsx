// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { addAction } from "../../src/app/db/addAction";
import { proposeFindings, proposedFindingId } from "../../src/app/db/proposeFindings";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { useUiStore } from "../../src/app/state/useUiStore";
import { resetSaves } from "../../src/app/save/runSave";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";

afterEach(() => {
  cleanup();
  useUiStore.getState().setLang("vi");
  resetSaves();
  localStorage.clear();
});

describe("findings and corrective actions", () => {
  it("action statuses are in the chosen language; an action and a finding are removed only after a second tap, the finding with its actions", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: "I.1.2", outcome: "nonconform", severity: "major" });
    await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: "II.a.1", outcome: "partial" });
    await proposeFindings(db, INSPECTION_ID);
    const fid = proposedFindingId(INSPECTION_ID, "I.1.2");
    const keep = await addAction(db, { findingId: fid, inspectionId: INSPECTION_ID, description: "Ban hành lại quyết định", owner: "Văn phòng UBND xã" });
    const drop = await addAction(db, { findingId: fid, inspectionId: INSPECTION_ID, description: "Thêm nhầm", owner: "" });
    const user = userEvent.setup();
    renderApp(db, `#/i/${INSPECTION_ID}/findings`);
    await waitFor(() => expect(screen.getAllByTestId("action")).toHaveLength(2));

    // Vietnamese only, no English tacked on; English once the language is switched.
    const status = within(screen.getAllByTestId("action")[0]!).getByTestId("action-status");
    expect(within(status).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Chưa báo cáo khắc phục", "Cơ quan đã báo cáo", "Đã chấp nhận", "Chưa chấp nhận", "Đã xác nhận hiệu lực",
    ]);

    // The mistaken action: the first tap asks, Huỷ keeps it, the second tap removes it.
    const wrong = screen.getAllByTestId("action").find((a) => (within(a).getByTestId("action-description") as HTMLTextAreaElement).value === "Thêm nhầm")!;
    await user.click(within(wrong).getByTestId("action-remove"));
    expect(within(wrong).getByRole("alertdialog").textContent).toContain("Xoá hành động khắc phục này?");
    await user.click(within(wrong).getByRole("button", { name: "Huỷ" }));
    expect(screen.getAllByTestId("action")).toHaveLength(2);
    await user.click(within(wrong).getByTestId("action-remove"));
    await user.click(within(wrong).getByTestId("action-remove-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("action")).toHaveLength(1));
    expect((await db.actions.get(drop))?.deleted).toBe(true);
    expect((await db.actions.get(keep))?.deleted).toBe(false);

    // Removing the finding asks too, and takes its remaining action with it.
    const finding = screen.getAllByTestId("finding").find((f) => f.getAttribute("data-criterion") === "I.1.2")!;
    await user.click(within(finding).getByTestId("finding-remove"));
    expect(await db.findings.get(fid).then((f) => f?.deleted)).toBe(false);
    await user.click(within(finding).getByTestId("finding-remove-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("finding").map((f) => f.getAttribute("data-criterion"))).toEqual(["II.a.1"]));
    expect((await db.findings.get(fid))?.deleted).toBe(true);
    expect((await db.actions.get(keep))?.deleted).toBe(true);
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Đã lưu trên máy"));

    await user.click(screen.getByRole("button", { name: "English" }));
    await user.click(within(screen.getByTestId("finding")).getByTestId("add-action"));
    const en = await screen.findByTestId("action-status");
    expect(within(en).getAllByRole("option").map((o) => o.textContent)).toEqual(["Not yet reported", "Reported by the agency", "Accepted", "Not accepted", "Verified effective"]);
  });
});
