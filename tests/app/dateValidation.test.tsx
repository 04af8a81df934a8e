// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { finalizeInspection } from "../../src/app/db/finalizeInspection";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { openStartForm } from "./support/openStartForm";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

async function typeDate(user: ReturnType<typeof userEvent.setup>, testId: string, text: string): Promise<void> {
  const input = screen.getByTestId(testId);
  await user.clear(input);
  await user.type(input, text);
  fireEvent.blur(input);
}


describe("dates that hold: the start form, the inspection details and the signing date", () => {
  it("calls 31/11/2026 a date that does not exist, and refuses to create the inspection while it is flagged", async () => {
    const { db, user } = await openStartForm();
    await typeDate(user, "started-on", "01/12/2026");
    await typeDate(user, "decision-date", "31/11/2026");
    expect(screen.getByTestId("decision-date-problem").textContent).toBe("Ngày 31/11/2026 không có thật: tháng 11/2026 chỉ có 30 ngày.");
    expect(screen.getByTestId("decision-date").getAttribute("aria-invalid")).toBe("true");
    await user.click(screen.getByTestId("create-inspection"));
    await waitFor(() => expect(screen.getByText("Chưa tạo cuộc kiểm tra: hãy sửa ngày đang báo lỗi (Ngày quyết định).")).toBeTruthy());
    expect(await db.inspections.count()).toBe(0);
    expect(window.location.hash).toBe("#/start?agency=x-muongly");

    // Another impossible month and a text that is not a date get their own words.
    await typeDate(user, "decision-date", "12/13/2026");
    expect(screen.getByTestId("decision-date-problem").textContent).toBe("Ngày 12/13/2026 không có thật: không có tháng 13.");
    await typeDate(user, "decision-date", "30-11");
    expect(screen.getByTestId("decision-date-problem").textContent).toBe("Ngày phải theo dạng dd/mm/yyyy, ví dụ 05/03/2026.");

    // Fixed: created with the date, not blank.
    await typeDate(user, "decision-date", "30/11/2026");
    expect(screen.queryByTestId("decision-date-problem")).toBeNull();
    await user.click(screen.getByTestId("create-inspection"));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/i\/[0-9a-f-]{36}\/score/));
    const insp = (await db.inspections.toArray())[0]!;
    expect([insp.decisionDate, insp.startedOn]).toEqual(["2026-11-30", "2026-12-01"]);
  });

  it("refuses a decision dated after the inspection day, until the inspection day moves after it", async () => {
    const { db, user } = await openStartForm();
    await typeDate(user, "started-on", "05/03/2026");
    await typeDate(user, "decision-date", "10/03/2026");
    expect(screen.getByTestId("decision-date-problem").textContent).toBe("Ngày quyết định không được sau ngày kiểm tra (05/03/2026).");
    await user.click(screen.getByTestId("create-inspection"));
    await waitFor(() => expect(screen.getByText("Chưa tạo cuộc kiểm tra: hãy sửa ngày đang báo lỗi (Ngày quyết định).")).toBeTruthy());
    expect(await db.inspections.count()).toBe(0);

    await typeDate(user, "started-on", "12/03/2026");
    await waitFor(() => expect(screen.queryByTestId("decision-date-problem")).toBeNull());
    await user.click(screen.getByTestId("create-inspection"));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/i\/[0-9a-f-]{36}\/score/));
    const insp = (await db.inspections.toArray())[0]!;
    expect([insp.decisionDate, insp.startedOn]).toEqual(["2026-03-10", "2026-03-12"]);
  });

  it("refuses a signing date before the inspection day, on the screen and in the data layer", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db); // inspection day 05/03/2026
    for (const c of ["I.1.1", "I.1.2", "II.a.1"]) await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: c, outcome: "conform" });
    const user = userEvent.setup();
    renderApp(db, `#/i/${INSPECTION_ID}/review`);
    await screen.findByTestId("signed-on");
    await typeDate(user, "signed-on", "04/03/2026");
    expect(screen.getByTestId("signed-on-problem").textContent).toBe("Ngày ký biên bản không được trước ngày kiểm tra (05/03/2026).");
    expect((await db.inspections.get(INSPECTION_ID))?.signedOn).toBeNull();
    await typeDate(user, "details-decision-date", "06/03/2026");
    expect(screen.getByTestId("details-decision-date-problem").textContent).toBe("Ngày quyết định không được sau ngày kiểm tra (05/03/2026).");
    expect((await db.inspections.get(INSPECTION_ID))?.decisionDate).toBeNull();

    const before = await db.changes.count();
    await expect(finalizeInspection(db, INSPECTION_ID, { signedOn: "2026-03-04" })).rejects.toThrow("Ngày ký biên bản (04/03/2026) không được trước ngày kiểm tra (05/03/2026).");
    expect(await db.changes.count()).toBe(before);

    await typeDate(user, "signed-on", "05/03/2026");
    await waitFor(async () => expect((await db.inspections.get(INSPECTION_ID))?.signedOn).toBe("2026-03-05"));
    expect(screen.queryByTestId("signed-on-problem")).toBeNull();
  });
});
