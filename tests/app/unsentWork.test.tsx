// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addPhoto } from "../../src/app/db/addPhoto";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { App } from "../../src/app/shell/App";
import type { SyncHandle, SyncStatus } from "../../src/app/shell/SyncHandle";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();
afterEach(() => setOnline(true));

function setOnline(online: boolean): void {
  Object.defineProperty(navigator, "onLine", { configurable: true, get: () => online });
}

function fakeSync(first: SyncStatus) {
  let emit: (s: SyncStatus) => void = () => undefined;
  const sync: SyncHandle = {
    syncNow: vi.fn(async () => undefined),
    subscribe: (l) => {
      emit = l;
      l(first);
      return () => undefined;
    },
  };
  return { sync, emit: (s: SyncStatus) => act(() => emit(s)) };
}

const IDLE: SyncStatus = { phase: "idle", pending: 0, done: 0, total: 0, lastSyncedAt: null };
/** What a sync that the server answered leaves: an empty outbox and every photo marked as uploaded. */
async function allSent(db: ReturnType<typeof testDb>): Promise<void> {
  await db.outbox.clear();
  await db.blobs.toCollection().modify({ uploaded: 1 });
}

describe("what is unsent, in the inspector's terms", () => {
  it("shows offline at once from the browser's offline event, and 'Đã đồng bộ' again when the network is back", async () => {
    const db = testDb();
    await seedTablet(db);
    await allSent(db);
    const { sync } = fakeSync(IDLE);
    window.history.replaceState(null, "", "#/");
    render(<App db={db} sync={sync} onLogin={async () => undefined} />);
    const bar = await screen.findByTestId("sync-bar");
    await waitFor(() => expect(screen.getByTestId("unsynced-count").textContent).toBe("Không còn gì chưa gửi"));
    expect(within(bar).getByRole("status").textContent).toBe("Đã đồng bộ");

    // No sync attempt is needed to know: the engine has not reported anything.
    setOnline(false);
    act(() => void window.dispatchEvent(new Event("offline")));
    expect(within(bar).getByRole("status").textContent).toBe("Không có mạng: dữ liệu vẫn lưu trên máy");
    expect(bar.dataset.phase).toBe("offline");
    expect(sync.syncNow).not.toHaveBeenCalled();

    setOnline(true);
    act(() => void window.dispatchEvent(new Event("online")));
    expect(within(bar).getByRole("status").textContent).toBe("Đã đồng bộ");
  });

  it("counts unsent work as inspections and photos, not field changes", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    await allSent(db);
    const { sync } = fakeSync(IDLE);
    window.history.replaceState(null, "", "#/");
    render(<App db={db} sync={sync} onLogin={async () => undefined} />);
    await waitFor(() => expect(screen.getByTestId("unsynced-count").textContent).toBe("Không còn gì chưa gửi"));

    // A criterion scored with a note (several field changes) and one photo.
    await scoreCriterion(db, { inspectionId: INSPECTION_ID, criterionCode: "I.1.1", outcome: "conform", note: "Đủ hồ sơ", evidence: ["Danh mục TTHC"] });
    await addPhoto(db, { inspectionId: INSPECTION_ID, ownerId: `${INSPECTION_ID}/I.1.1`, bytes: new Uint8Array([1, 2, 3, 4]).buffer, mime: "image/jpeg", sha256: "a".repeat(64) });
    expect(await db.outbox.count()).toBeGreaterThan(5);
    await waitFor(() => expect(screen.getByTestId("unsynced-count").textContent).toBe("1 cuộc kiểm tra · 1 ảnh chưa gửi"));
    // The number of field changes is still there for support, out of the way.
    expect(screen.getByTestId("unsynced-count").title).toBe(`Thay đổi chưa đồng bộ: ${await db.outbox.count()}`);

    // A second inspection, and an agency proposed on the spot (a record of no inspection).
    await seedInspection(db, "0190d1c4-0000-7000-8000-0000000000bb");
    await db.blobs.toCollection().modify({ uploaded: 1 });
    await waitFor(() => expect(screen.getByTestId("unsynced-count").textContent).toBe("2 cuộc kiểm tra chưa gửi"));
  });

  it("gives each inspection on the home screen its sync badge and its progress in criteria", async () => {
    const db = testDb();
    await seedTablet(db);
    const [sent, partly, local] = ["0190d1c4-0000-7000-8000-000000000001", "0190d1c4-0000-7000-8000-000000000002", "0190d1c4-0000-7000-8000-000000000003"];
    await seedInspection(db, sent);
    await scoreCriterion(db, { inspectionId: sent, criterionCode: "I.1.1", outcome: "conform" });
    await seedInspection(db, partly);
    await allSent(db);
    await scoreCriterion(db, { inspectionId: partly, criterionCode: "I.1.2", outcome: "nonconform", severity: "minor" });
    await scoreCriterion(db, { inspectionId: partly, criterionCode: "II.a.1", outcome: "conform" });
    await seedInspection(db, local);
    const { sync } = fakeSync(IDLE);
    window.history.replaceState(null, "", "#/");
    render(<App db={db} sync={sync} onLogin={async () => undefined} />);
    await waitFor(() => expect(screen.getAllByTestId("sync-badge")).toHaveLength(3));
    const badgeOf = (id: string) => {
      const li = screen.getAllByTestId("inspection-item").find((el) => el.dataset.inspection === id)!;
      return [within(li).getByTestId("sync-badge").textContent, within(li).getByTestId("inspection-progress").textContent];
    };
    await waitFor(() =>
      expect([sent, partly, local].map(badgeOf)).toEqual([
        ["Đã lên máy chủ", "1/3 tiêu chí"],
        ["Đã gửi một phần", "2/3 tiêu chí"],
        ["Chỉ trên máy này", "0/3 tiêu chí"],
      ]),
    );
  });

  it("shows a progress bar while photos upload and hundreds of changes are sent", async () => {
    const db = testDb();
    await seedTablet(db);
    const { sync, emit } = fakeSync(IDLE);
    window.history.replaceState(null, "", "#/");
    render(<App db={db} sync={sync} onLogin={async () => undefined} />);
    await screen.findByTestId("sync-bar");
    expect(screen.queryByTestId("sync-progress")).toBeNull();
    emit({ phase: "uploading", pending: 480, done: 2, total: 5, lastSyncedAt: null });
    let bar = screen.getByRole("progressbar", { name: "Đang tải ảnh lên 2/5" }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([2, 5]);
    emit({ phase: "pushing", pending: 480, done: 120, total: 480, lastSyncedAt: null });
    bar = screen.getByRole("progressbar", { name: "Đang gửi 120/480" }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([120, 480]);
    emit({ phase: "pulling", pending: 0, done: 0, total: 0, lastSyncedAt: null });
    expect(screen.getByRole("progressbar", { name: "Đang nhận dữ liệu" })).toBeTruthy();
    emit(IDLE);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
});
