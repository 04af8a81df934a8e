// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { resultId } from "../../src/domain/result";
import { writeEdits } from "../../src/app/db/writeEdits";
import { retryFailedSaves } from "../../src/app/save/runSave";
import { useSaveStore } from "../../src/app/save/useSaveStore";
import { testDb } from "../app-db/testDb";
import { seedTablet, TEST_CHECKLIST } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

async function startInspection(db: Awaited<ReturnType<typeof testDb>>): Promise<string> {
  const id = "0190d1c4-0000-7000-8000-000000000001";
  const fields = {
    agencyId: "x-muongly", planId: null, checklistId: TEST_CHECKLIST.id, checklistVersion: TEST_CHECKLIST.version, mode: "onsite", teamId: "team-1",
    province: "38", startedOn: "2026-03-05", status: "draft", decisionRef: "", decisionDate: null, place: "", leadName: "", agencyRepresentative: "",
    members: [], agencyMembers: [], notes: "", agencyComments: "", recordNumber: "", signedOn: null, leadSignature: null, agencySignature: null,
  };
  await writeEdits(db, Object.entries(fields).map(([field, value]) => ({ entity: "inspection" as const, rowId: id, field, value })));
  return id;
}

describe("typing is never lost", () => {
  it("a note typed and left at once (no pause, no blur) is saved when the criterion changes", async () => {
    const db = testDb();
    await seedTablet(db);
    const id = await startInspection(db);
    renderApp(db, `#/i/${id}/score?c=I.1.1`);
    const user = userEvent.setup();
    const panel = await screen.findByTestId("criterion-panel");
    const note = within(panel).getByTestId("criterion-note");
    await user.type(note, "Chưa có sổ");
    // Straight to another criterion via the route: the panel unmounts before the typing pause ends.
    window.location.hash = `#/i/${id}/score?c=I.1.2`;
    await waitFor(() => expect(screen.getByTestId("criterion-panel").dataset.code).toBe("I.1.2"));
    await waitFor(async () => expect((await db.results.get(resultId(id, "I.1.1")))?.note).toBe("Chưa có sổ"));
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Đã lưu trên máy"));
  });
});

describe("typing is never lost when the app goes away", () => {
  it("a note still in its typing pause is saved when the page is hidden (tab closed, app sent to the background)", async () => {
    const db = testDb();
    await seedTablet(db);
    const id = await startInspection(db);
    renderApp(db, `#/i/${id}/score?c=I.1.2`);
    const user = userEvent.setup();
    const note = within(await screen.findByTestId("criterion-panel")).getByTestId("criterion-note");
    await user.type(note, "Đang ghi dở");
    expect(useSaveStore.getState().inFlight).toBe(0);
    window.dispatchEvent(new Event("pagehide"));
    // The write starts at once, not after the typing pause.
    expect(useSaveStore.getState().inFlight).toBe(1);
    await waitFor(async () => expect((await db.results.get(resultId(id, "I.1.2")))?.note).toBe("Đang ghi dở"));
  });
});

describe("a failed write is never shown as saved", () => {
  it("quota full: the error is shown in plain words, nothing is written, and the retry saves it", async () => {
    const db = testDb();
    await seedTablet(db);
    const id = await startInspection(db);
    const outboxBefore = await db.outbox.count();
    // Every text the status element ever shows is recorded, so a brief "saved" flash would be caught too.
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(document.querySelector('[data-testid="save-status"]')?.textContent ?? ""));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });

    let failing = true;
    const hook = () => {
      if (failing) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    db.outbox.hook("creating", hook);
    renderApp(db, `#/i/${id}/score?c=I.1.1`);
    const user = userEvent.setup();
    const panel = await screen.findByTestId("criterion-panel");
    await user.click(within(panel).getByRole("button", { name: "Đạt" }));

    await waitFor(() => expect(screen.getByTestId("save-status").dataset.state).toBe("error"));
    const status = screen.getByTestId("save-status");
    expect(status.getAttribute("role")).toBe("alert");
    expect(status.textContent).toContain("bộ nhớ của máy đã đầy");
    expect(seen.some((s) => s.includes("Đã lưu trên máy"))).toBe(false);
    // One transaction: no change, no outbox entry, no row.
    expect(await db.results.get(resultId(id, "I.1.1"))).toBeUndefined();
    expect(await db.outbox.count()).toBe(outboxBefore);
    expect(within(screen.getByTestId("criterion-panel")).getByRole("button", { name: "Đạt" }).getAttribute("aria-pressed")).toBe("false");

    // A retry while it still fails stays an error.
    await act(async () => retryFailedSaves());
    await waitFor(() => expect(screen.getByTestId("save-status").dataset.state).toBe("error"));
    expect(seen.some((s) => s.includes("Đã lưu trên máy"))).toBe(false);

    // Storage freed: the retry commits and only then "Đã lưu trên máy" appears.
    failing = false;
    await user.click(within(screen.getByTestId("save-status")).getByRole("button", { name: "Thử lại" }));
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Đã lưu trên máy"));
    expect((await db.results.get(resultId(id, "I.1.1")))?.outcome).toBe("conform");
    expect(await db.outbox.count()).toBeGreaterThan(outboxBefore);
    observer.disconnect();
    db.outbox.hook("creating").unsubscribe(hook);
  });

  it("a closed database connection is reported, not swallowed", async () => {
    const db = testDb();
    await seedTablet(db);
    const id = await startInspection(db);
    renderApp(db, `#/i/${id}/score?c=I.1.2`);
    const user = userEvent.setup();
    const panel = await screen.findByTestId("criterion-panel");
    db.close();
    await user.click(within(panel).getByRole("button", { name: "Lưu ý" }));
    await waitFor(() => expect(screen.getByTestId("save-status").dataset.state).toBe("error"));
    expect(screen.getByTestId("save-status").textContent).toContain("trình duyệt đã đóng kết nối cơ sở dữ liệu");
  });
});
