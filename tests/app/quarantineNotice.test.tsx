// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { writeEdits } from "../../src/app/db/writeEdits";
import { QuarantineNotice } from "../../src/app/components/QuarantineNotice";
import { DbContext } from "../../src/app/shell/DbContext";
import type { SyncHandle } from "../../src/app/shell/SyncHandle";
import { useUiStore } from "../../src/app/state/useUiStore";
import { testDb } from "../app-db/testDb";
import { resetAppAfterEach } from "./support/resetAppAfterEach";
import { seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";

resetAppAfterEach();

const fromNewer = (id: string, field: string) => ({
  id,
  entity: "inspection",
  rowId: "i1",
  field,
  value: "high",
  hlc: "000001778400000:00000:D9",
  prevHlc: null,
  device: "D9",
  user: "u",
});

describe("the quarantine notice", () => {
  it("says how many pulled changes wait for an update, with their reasons, in Vietnamese then English", async () => {
    const db = testDb();
    await seedTablet(db);
    await applyRemoteChanges(db, [fromNewer("q1", "riskLevel"), fromNewer("q2", "riskLevel"), { ...fromNewer("q3", "x"), entity: "meeting" }], "5", {
      now: 1,
      quarantine: true,
    });
    renderApp(db, "#/");
    const notice = await screen.findByTestId("quarantine-waiting");
    expect(notice.textContent).toContain("Cần cập nhật ứng dụng để áp dụng 3 thay đổi từ máy chủ.");
    const reasons = within(notice).getByTestId("quarantine-waiting-reasons");
    expect([...reasons.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      '2 thay đổi: Trường "riskLevel" không có trong inspection.',
      '1 thay đổi: Loại bản ghi "meeting" chưa có trong phiên bản ứng dụng này.',
    ]);
    expect(screen.queryByTestId("quarantine-refused")).toBeNull();
    act(() => useUiStore.setState({ lang: "en" }));
    expect((await screen.findByTestId("quarantine-waiting")).textContent).toContain("Update the app to apply 3 changes from the server.");
    act(() => useUiStore.setState({ lang: "vi" }));
  });

  it("shows the changes the server refused, and 'Gửi lại ngay' queues them again and syncs", async () => {
    const db = testDb();
    await seedTablet(db);
    const [c] = await writeEdits(db, [{ entity: "inspection", rowId: "i1", field: "notes", value: "ghi chú" }]);
    await db.outbox.clear();
    await db.rejected.put({ id: c!.id, reason: "Bạn không thuộc đoàn của cuộc kiểm tra này.", at: 1 });
    let synced = 0;
    const sync: SyncHandle = { syncNow: async () => void synced++, subscribe: () => () => undefined };
    render(
      <DbContext.Provider value={db}>
        <QuarantineNotice sync={sync} />
      </DbContext.Provider>,
    );
    const refused = await screen.findByTestId("quarantine-refused");
    expect(refused.textContent).toContain("Máy chủ chưa nhận 1 thay đổi của máy này.");
    expect(within(refused).getByTestId("quarantine-refused-reasons").textContent).toBe("1 thay đổi: Bạn không thuộc đoàn của cuộc kiểm tra này.");
    await userEvent.setup().click(within(refused).getByRole("button", { name: "Gửi lại ngay" }));
    await waitFor(() => expect(screen.queryByTestId("quarantine-notice")).toBeNull());
    expect(synced).toBe(1);
    expect((await db.outbox.toArray()).map((o) => o.id)).toEqual([c!.id]);
    expect(await db.rejected.count()).toBe(0);
  });
});
