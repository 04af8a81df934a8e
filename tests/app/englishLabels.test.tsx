// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { AGENCY_KIND_LABELS_VI, AGENCY_KINDS } from "../../src/domain/agency";
import { OUTCOME_LABELS_VI, OUTCOMES, SEVERITY_LABELS_VI } from "../../src/domain/outcome";
import { writeEdits } from "../../src/app/db/writeEdits";
import { translate } from "../../src/app/i18n/translate";
import { resetSaves } from "../../src/app/save/runSave";
import { useUiStore } from "../../src/app/state/useUiStore";
import { resultId } from "../../src/domain/result";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";

afterEach(() => {
  cleanup();
  resetSaves();
  useUiStore.getState().setLang("vi");
  localStorage.clear();
});

describe("labels of domain codes in both languages", () => {
  it("the Vietnamese labels are the domain's own and every one has an English label", () => {
    for (const o of OUTCOMES) expect(translate("vi", `outcome_${o}`)).toBe(OUTCOME_LABELS_VI[o]);
    for (const s of ["major", "minor"] as const) expect(translate("vi", `severity_${s}`)).toBe(SEVERITY_LABELS_VI[s]);
    for (const k of AGENCY_KINDS) {
      expect(translate("vi", `agencyKind_${k}`)).toBe(AGENCY_KIND_LABELS_VI[k]);
      expect(translate("en", `agencyKind_${k}`)).not.toBe(AGENCY_KIND_LABELS_VI[k]);
    }
  });

  it("in English mode the agency picker's kinds and the severity buttons are English", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const rid = resultId(INSPECTION_ID, "I.1.1");
    await writeEdits(db, [
      { entity: "result", rowId: rid, field: "inspectionId", value: INSPECTION_ID },
      { entity: "result", rowId: rid, field: "criterionCode", value: "I.1.1" },
      { entity: "result", rowId: rid, field: "outcome", value: "nonconform" },
    ]);
    useUiStore.getState().setLang("en");
    renderApp(db, "#/agencies");
    await screen.findByTestId("agency-search");
    await waitFor(() => expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toContain("Commune People's Committees"));
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent ?? "");
    expect(headings).toContain("Provincial departments and agencies");
    expect(headings.filter((h) => /UBND|Sở/.test(h))).toEqual([]);
    cleanup();

    renderApp(db, `#/i/${INSPECTION_ID}/score?c=I.1.1`);
    const panel = await screen.findByTestId("criterion-panel");
    const severity = within(panel).getByRole("group", { name: "Severity" });
    expect(within(severity).getAllByRole("button").map((b) => b.textContent)).toEqual(["major", "minor"]);
    expect(within(panel).getByRole("button", { name: "Nonconform" }).getAttribute("aria-pressed")).toBe("true");
    // Back in Vietnamese: the accessible names the end-to-end tests use.
    await userEvent.setup().click(screen.getByRole("button", { name: "Tiếng Việt" }));
    await waitFor(() => expect(within(screen.getByTestId("criterion-panel")).getByRole("group", { name: "Mức độ" })).toBeTruthy());
    expect(within(screen.getByTestId("criterion-panel")).getByRole("group", { name: "Đánh giá" })).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Mức độ" })).getByRole("button", { name: "nặng" })).toBeTruthy();
  });
});
