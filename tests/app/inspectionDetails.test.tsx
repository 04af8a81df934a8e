// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { finalizeInspection } from "../../src/app/db/finalizeInspection";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

describe("inspection details after the start", () => {
  it("decision, place, team members and the agency's representatives are edited on site, saved without a button, and kept", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const user = userEvent.setup();
    const view = renderApp(db, `#/i/${INSPECTION_ID}/review`);
    const details = await screen.findByTestId("inspection-details");

    const ref = within(details).getByTestId("details-decision-ref");
    await user.clear(ref);
    await user.type(ref, "126/QĐ-SKHCN");
    await user.tab();
    const date = within(details).getByTestId("details-decision-date");
    await user.type(date, "02/03/2026");
    await user.tab();

    // The representative arrives: a name and a role typed in the empty row, then a second person added.
    const reps = within(details).getByTestId("details-agency-members");
    await user.click(within(reps).getByRole("button", { name: "+ Thêm" }));
    const inputs = () => within(reps).getAllByRole("textbox");
    await user.type(inputs()[0]!, "Hà Văn Cường");
    await user.type(inputs()[1]!, "Chủ tịch UBND xã");
    await user.click(within(reps).getByRole("button", { name: "+ Thêm" }));
    await user.type(inputs()[2]!, "Lò Thị Dung");
    await user.type(inputs()[3]!, "Công chức Văn phòng - Thống kê");
    // Nothing is written while typing inside the list; leaving it saves once.
    expect((await db.inspections.get(INSPECTION_ID))?.agencyMembers).toEqual([]);
    await user.click(screen.getByRole("heading", { name: "Người ký biên bản" }));
    await waitFor(async () =>
      expect((await db.inspections.get(INSPECTION_ID))?.agencyMembers).toEqual([
        { name: "Hà Văn Cường", role: "Chủ tịch UBND xã" },
        { name: "Lò Thị Dung", role: "Công chức Văn phòng - Thống kê" },
      ]),
    );
    // A team member who did not come is removed with one tap, saved at once.
    const members = within(details).getByTestId("details-members");
    await user.click(within(members).getByRole("button", { name: "+ Thêm" }));
    await user.type(within(members).getAllByRole("textbox")[0]!, "Phạm Thị Bình");
    await user.click(screen.getByRole("heading", { name: "Người ký biên bản" }));
    await waitFor(async () => expect((await db.inspections.get(INSPECTION_ID))?.members).toEqual([{ name: "Phạm Thị Bình", role: "" }]));
    await user.click(within(members).getByRole("button", { name: "Xoá Phạm Thị Bình" }));
    await waitFor(async () => expect((await db.inspections.get(INSPECTION_ID))?.members).toEqual([]));
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Đã lưu trên máy"));

    const insp = await db.inspections.get(INSPECTION_ID);
    expect({ decisionRef: insp?.decisionRef, decisionDate: insp?.decisionDate }).toEqual({ decisionRef: "126/QĐ-SKHCN", decisionDate: "2026-03-02" });
    // Each edit is a change in the outbox, for the server and the other tablets.
    const agencyMembersChanges = await db.changes.where("[entity+rowId+field]").equals(["inspection", INSPECTION_ID, "agencyMembers"]).toArray();
    expect(agencyMembersChanges).toHaveLength(2);

    // Reopened: everything is read back from the tablet.
    view.unmount();
    renderApp(db, `#/i/${INSPECTION_ID}/review`);
    const again = await screen.findByTestId("inspection-details");
    await waitFor(() => expect((within(again).getByTestId("details-decision-ref") as HTMLInputElement).value).toBe("126/QĐ-SKHCN"));
    expect((within(again).getByTestId("details-decision-date") as HTMLInputElement).value).toBe("02/03/2026");
    expect(within(within(again).getByTestId("details-agency-members")).getAllByRole("textbox").map((i) => (i as HTMLInputElement).value)).toEqual([
      "Hà Văn Cường", "Chủ tịch UBND xã", "Lò Thị Dung", "Công chức Văn phòng - Thống kê",
    ]);

    // Signed: the details can no longer be changed.
    for (const c of ["I.1.1", "I.1.2", "II.a.1"]) await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: c, outcome: "conform" });
    await finalizeInspection(db, INSPECTION_ID, { signedOn: "2026-03-06", recordNumber: "05", leadName: "Nguyễn Thị Lan", agencyRepresentative: "Hà Văn Cường" });
    await waitFor(() => expect((within(screen.getByTestId("inspection-details")).getByTestId("details-decision-ref") as HTMLInputElement).disabled).toBe(true));
    // The lists are disabled as a whole (their fieldset), so every input and button in them is.
    for (const i of within(screen.getByTestId("details-agency-members")).getAllByRole("textbox")) expect(i.matches(":disabled")).toBe(true);
  });
});
