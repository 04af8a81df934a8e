// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { proposeFindings } from "../../src/app/db/proposeFindings";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet, TEST_CHECKLIST } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

const code = () => screen.getByTestId("criterion-panel").getAttribute("data-code");

describe("the speed of the walk", () => {
  it("moves on by itself after Đạt or Lưu ý when asked to, not after Không đạt, and offers 'Tiếp: Vấn đề tồn tại' at the end", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const user = userEvent.setup();
    renderApp(db, `#/i/${INSPECTION_ID}/score?c=I.1.1`);
    await screen.findByTestId("criterion-panel");

    // Off by default: Đạt keeps the criterion on screen.
    expect((screen.getByTestId("auto-advance") as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole("button", { name: "Đạt" }));
    await waitFor(async () => expect((await db.results.get(`${INSPECTION_ID}/I.1.1`))?.outcome).toBe("conform"));
    expect(code()).toBe("I.1.1");

    await user.click(screen.getByTestId("auto-advance"));
    expect(localStorage.getItem("htqlcl.autoAdvance")).toBe("1");
    await user.click(screen.getByRole("button", { name: "Lưu ý" }));
    await waitFor(() => expect(code()).toBe("I.1.2"));
    // Không đạt asks for its severity: the screen stays.
    await user.click(screen.getByRole("button", { name: "Không đạt" }));
    await waitFor(async () => expect((await db.results.get(`${INSPECTION_ID}/I.1.2`))?.outcome).toBe("nonconform"));
    expect(code()).toBe("I.1.2");
    await user.click(await screen.findByRole("button", { name: "nặng" }));
    await user.click(screen.getByTestId("next-unanswered"));
    await waitFor(() => expect(code()).toBe("II.a.1"));
    expect(screen.queryByTestId("next-findings")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Đạt" }));

    // Everything scored: one tap to the findings.
    const toFindings = await screen.findByTestId("next-findings");
    expect(toFindings.textContent).toBe("Tiếp: Vấn đề tồn tại");
    await user.click(toFindings);
    await waitFor(() => expect(window.location.hash).toBe(`#/i/${INSPECTION_ID}/findings`));
  });

  it("lists findings added by hand after the proposed ones, with a criterion picker", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: "II.a.1", outcome: "nonconform", severity: "minor" });
    await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: "I.1.2", outcome: "partial" });
    const user = userEvent.setup();
    renderApp(db, `#/i/${INSPECTION_ID}/findings`);
    await user.click(await screen.findByTestId("add-finding"));
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(1));
    await proposeFindings(db, INSPECTION_ID, { checklist: TEST_CHECKLIST });
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(3));
    // A hand-added finding with no criterion used to sort first ("~" collates before letters).
    expect(screen.getAllByTestId("finding").map((f) => f.dataset.criterion)).toEqual(["I.1.2", "II.a.1", ""]);
    const byHand = screen.getAllByTestId("finding")[2]!;
    expect(within(screen.getAllByTestId("finding")[0]!).queryByTestId("finding-criterion")).toBeNull();
    const picker = within(byHand).getByTestId("finding-criterion") as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(["— Không gắn tiêu chí —", ...["I.1.1", "I.1.2", "II.a.1"]]);
    await user.selectOptions(picker, "I.1.1");
    // Tied to I.1.1 (before the others in checklist order), it still comes last: it was added by hand.
    await waitFor(() => expect(screen.getAllByTestId("finding").map((f) => f.dataset.criterion)).toEqual(["I.1.2", "II.a.1", "I.1.1"]));
    const stored = (await db.findings.where("inspectionId").equals(INSPECTION_ID).toArray()).find((f) => !f.id.includes("/finding/"));
    expect(stored?.criterionCode).toBe("I.1.1");
  });
});
