// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resultId } from "../../src/domain/result";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { writeEdits } from "../../src/app/db/writeEdits";
import { resetSaves, runSave } from "../../src/app/save/runSave";
import { App } from "../../src/app/shell/App";
import type { SyncHandle, SyncStatus } from "../../src/app/shell/SyncHandle";
import { useUpdateStore } from "../../src/app/shell/useUpdateStore";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet, TEST_CHECKLIST } from "./support/fixtures";
import { renderApp } from "./support/renderApp";

afterEach(() => {
  cleanup();
  resetSaves();
  localStorage.clear();
  useUpdateStore.setState({ waiting: false, activate: null });
});

const INSPECTION = INSPECTION_ID;

describe("app shell states", () => {
  it("a checklist that uses fewer outcomes offers only those", async () => {
    const db = testDb();
    await seedTablet(db);
    const doc = { ...TEST_CHECKLIST, version: "2026.2", outcomes: ["conform", "nonconform", "na"] as ("conform" | "nonconform" | "na")[] };
    await writeEdits(db, [
      { entity: "checklist", rowId: `${doc.id}@${doc.version}`, field: "document", value: doc },
      { entity: "checklist", rowId: `${doc.id}@${doc.version}`, field: "province", value: "38" },
    ]);
    await seedInspection(db);
    await writeEdits(db, [{ entity: "inspection", rowId: INSPECTION, field: "checklistVersion", value: "2026.2" }]);
    renderApp(db, `#/i/${INSPECTION}/score?c=I.1.1`);
    const panel = await screen.findByTestId("criterion-panel");
    expect(within(panel).getAllByRole("button").filter((b) => b.dataset.outcome).map((b) => b.textContent)).toEqual(["Đạt", "Không đạt", "Không áp dụng"]);
  });

  it("Vietnamese first, English on one tap, and back", async () => {
    const db = testDb();
    await seedTablet(db);
    renderApp(db, "#/");
    expect(await screen.findByRole("heading", { name: "Trang chủ" })).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(await screen.findByRole("heading", { name: "Home" })).toBeTruthy();
    expect(screen.getByTestId("new-inspection").textContent).toBe("Start an inspection");
    expect(document.documentElement.lang).toBe("en");
    await user.click(screen.getByRole("button", { name: "Tiếng Việt" }));
    expect(await screen.findByRole("heading", { name: "Trang chủ" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("vi");
  });

  it("home lists the plan's assignments for my team; Bắt đầu opens the start screen with the planned form", async () => {
    const db = testDb();
    await seedTablet(db);
    await writeEdits(db, [
      { entity: "plan", rowId: "plan-2026", field: "year", value: 2026 },
      { entity: "plan", rowId: "plan-2026", field: "province", value: "38" },
      { entity: "plan", rowId: "plan-2026", field: "onsiteShare", value: 0.34 },
      {
        entity: "plan",
        rowId: "plan-2026",
        field: "entries",
        value: [
          { agencyId: "x-trungly", mode: "desk", teamId: "team-1", month: 4 },
          { agencyId: "x-dongson", mode: "onsite", teamId: "team-2", month: 5 },
        ],
      },
    ]);
    await seedInspection(db);
    renderApp(db, "#/");
    const items = await screen.findAllByTestId("assigned-item");
    expect(items.map((i) => i.textContent)).toEqual([expect.stringContaining("UBND xã Trung Lý")]);
    expect(items[0]!.textContent).toContain("Qua hồ sơ, báo cáo · 04/2026");
    expect((await screen.findAllByTestId("inspection-item")).map((i) => i.textContent)).toEqual([expect.stringContaining("UBND xã Mường Lý")]);
    const user = userEvent.setup();
    await user.click(within(items[0]!).getByRole("button", { name: "Bắt đầu" }));
    await waitFor(() => expect(screen.getByTestId("start-agency").textContent).toBe("UBND xã Trung Lý"));
    expect(screen.getByRole("radio", { name: "Qua hồ sơ, báo cáo" })).toHaveProperty("checked", true);
  });

  it("two tablets scored one criterion differently: the conflict is shown and the team lead's choice settles it", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const rid = resultId(INSPECTION, "I.1.1");
    const [mine] = await writeEdits(db, [
      { entity: "result", rowId: rid, field: "inspectionId", value: INSPECTION },
      { entity: "result", rowId: rid, field: "criterionCode", value: "I.1.1" },
      { entity: "result", rowId: rid, field: "outcome", value: "conform" },
    ]).then((cs) => cs.slice(2));
    // The other tablet wrote the same field without having seen ours (prevHlc null): concurrent.
    await applyRemoteChanges(db, [
      { id: "other-1", entity: "result", rowId: rid, field: "outcome", value: "nonconform", hlc: "001700000000000:00000:tabletB", prevHlc: null, device: "tabletB", user: "thanhvien" },
    ]);
    renderApp(db, `#/i/${INSPECTION}/conflicts`);
    const conflict = await screen.findByTestId("conflict");
    expect(screen.getByTestId("conflict-count").textContent).toBe(" (1)");
    expect(conflict.dataset.field).toBe("outcome");
    // Field name and outcomes in the user's words, never the codes.
    expect(within(conflict).getByRole("heading").textContent).toBe("I.1.1 · Kết quả");
    expect(conflict.textContent).toContain("Đang hiển thị: Đạt");
    expect(conflict.textContent).toContain("Giá trị khác từ thanhvien (tabletB): Không đạt");
    expect(conflict.textContent).not.toMatch(/outcome|conform/);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "English" }));
    await waitFor(() => expect(within(screen.getByTestId("conflict")).getByRole("heading").textContent).toBe("I.1.1 · Outcome"));
    expect(screen.getByTestId("conflict").textContent).toContain("Other value from thanhvien (tabletB): Nonconform");
    await user.click(screen.getByRole("button", { name: "Tiếng Việt" }));
    await user.click(within(screen.getByTestId("conflict")).getByTestId("keep-other"));
    await screen.findByTestId("no-conflicts");
    expect(screen.queryByTestId("conflict-count")).toBeNull();
    const row = await db.results.get(rid);
    expect(row?.outcome).toBe("nonconform");
    expect(row?._conflicts?.outcome ?? []).toEqual([]);
    expect(mine?.value).toBe("conform");
  });

  it("the update prompt activates the new version only after acceptance and once no write is in flight", async () => {
    const db = testDb();
    await seedTablet(db);
    renderApp(db, "#/");
    const activate = vi.fn();
    await screen.findByTestId("new-inspection");
    act(() => useUpdateStore.getState().setWaiting(activate));
    const prompt = await screen.findByTestId("update-prompt");
    expect(prompt.textContent).toContain("Có phiên bản mới");
    expect(activate).not.toHaveBeenCalled();

    // A write is in flight when the user accepts: the update waits for it.
    let finish: () => void = () => undefined;
    let pending!: Promise<boolean>;
    act(() => {
      pending = runSave(() => new Promise<void>((res) => (finish = res)));
    });
    const user = userEvent.setup();
    await user.click(within(prompt).getByRole("button", { name: "Cập nhật" }));
    await screen.findByText("Đang chờ lưu xong…");
    expect(activate).not.toHaveBeenCalled();
    await act(async () => {
      finish();
      await pending;
    });
    await waitFor(() => expect(activate).toHaveBeenCalledTimes(1));
  });

  it("never reloads by itself: 'Để sau' hides the prompt and nothing activates", async () => {
    const db = testDb();
    await seedTablet(db);
    renderApp(db, "#/");
    const activate = vi.fn();
    await screen.findByTestId("new-inspection");
    act(() => useUpdateStore.getState().setWaiting(activate));
    const user = userEvent.setup();
    await user.click(within(await screen.findByTestId("update-prompt")).getByRole("button", { name: "Để sau" }));
    expect(screen.queryByTestId("update-prompt")).toBeNull();
    expect(activate).not.toHaveBeenCalled();
  });

  it("an outdated app (server answered 426) is told to update and keeps its unsynced changes", async () => {
    const db = testDb();
    await seedTablet(db);
    const pendingBefore = await db.outbox.count();
    let emit: (s: SyncStatus) => void = () => undefined;
    const sync: SyncHandle & { subscribed: boolean } = {
      subscribed: false,
      syncNow: vi.fn(async () => undefined),
      subscribe: (l) => {
        emit = l;
        sync.subscribed = true;
        l({ phase: "idle", pending: pendingBefore, done: 0, total: 0, lastSyncedAt: null });
        return () => undefined;
      },
    };
    window.history.replaceState(null, "", "#/");
    render(<App db={db} sync={sync} onLogin={async () => undefined} />);
    await screen.findByTestId("sync-bar");
    // The bar subscribes in an effect: under load that can come after the bar is on screen.
    await waitFor(() => expect(sync.subscribed).toBe(true));
    act(() => emit({ phase: "update-required", pending: pendingBefore, done: 0, total: 0, lastSyncedAt: null, error: "Cần cập nhật ứng dụng" }));
    const notice = await screen.findByTestId("update-required");
    expect(notice.textContent).toContain("Các thay đổi chưa đồng bộ vẫn được giữ trên máy");
    await waitFor(() => expect(screen.getByTestId("unsynced-count").dataset.pending).toBe(String(pendingBefore)));
    // The seed is the team, agencies and checklist: records of no inspection.
    expect(screen.getByTestId("unsynced-count").textContent).toMatch(/^\d+ mục khác chưa gửi$/);
    expect(await db.outbox.count()).toBe(pendingBefore);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Đồng bộ ngay" }));
    expect(sync.syncNow).toHaveBeenCalledTimes(1);
  });

  it("storage: the persist() answer, usage against quota with the 80% warning, and private-mode warning", async () => {
    const db = testDb();
    await seedTablet(db);
    const storage = { persisted: async () => false, persist: async () => false, estimate: async () => ({ usage: 85 * 1024 * 1024, quota: 100 * 1024 * 1024 }) };
    Object.defineProperty(navigator, "storage", { value: storage, configurable: true });
    try {
      renderApp(db, "#/");
      const panel = await screen.findByTestId("storage-panel");
      expect(within(panel).getByTestId("persist-answer").textContent).toContain("CHƯA cho phép lưu lâu dài");
      expect(panel.textContent).toContain("Đã dùng 85 MB / 100 MB (85%)");
      expect(within(panel).getByTestId("storage-80-warning")).toBeTruthy();
      // A quota this small with no persistence is what private windows give.
      expect(within(panel).getByTestId("private-mode-warning")).toBeTruthy();
      // And before work starts on the start screen.
      cleanup();
      renderApp(db, "#/start?agency=x-muongly");
      expect(await screen.findByTestId("private-mode-banner")).toBeTruthy();
    } finally {
      Object.defineProperty(navigator, "storage", { value: undefined, configurable: true });
    }
  });
});
