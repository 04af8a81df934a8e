// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { resetSaves } from "../../src/app/save/runSave";
import { testDb } from "../app-db/testDb";
import { seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";

afterEach(() => {
  cleanup();
  resetSaves();
  localStorage.clear();
  Object.defineProperty(navigator, "storage", { value: undefined, configurable: true });
});

const browserSays = (persisted: boolean) => {
  const asked: string[] = [];
  const storage = {
    persisted: async () => (asked.push("persisted"), persisted),
    persist: async () => (asked.push("persist"), persisted),
    estimate: async () => ({ usage: 5 * 1024 * 1024, quota: 10 * 1024 ** 3 }),
  };
  Object.defineProperty(navigator, "storage", { value: storage, configurable: true });
  return asked;
};

describe("starting an inspection where storage may not last", () => {
  it("warns on the start screen when the browser refused persistent storage, after asking for it", async () => {
    const db = testDb();
    await seedTablet(db);
    const asked = browserSays(false);
    renderApp(db, "#/start?agency=x-muongly");
    const warning = await screen.findByTestId("start-storage-warning");
    expect(warning.textContent).toBe("Trình duyệt CHƯA cho phép lưu lâu dài: dữ liệu có thể bị xoá khi máy thiếu bộ nhớ. Hãy cài ứng dụng lên màn hình chính.");
    expect(asked).toContain("persist");
    // A normal window with a large quota is not taken for a private one.
    expect(screen.queryByTestId("private-mode-banner")).toBeNull();
  });

  it("says nothing once persistence is granted", async () => {
    const db = testDb();
    await seedTablet(db);
    const asked = browserSays(true);
    renderApp(db, "#/start?agency=x-muongly");
    await screen.findByTestId("create-inspection");
    await waitFor(() => expect(asked).toContain("persisted"));
    // Let the answer reach the screen before looking for the warning.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId("start-storage-warning")).toBeNull();
  });
});
