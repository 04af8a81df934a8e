// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadResumeState } from "../../src/app/db/loadResumeState";
import { resetSaves } from "../../src/app/save/runSave";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";

afterEach(() => {
  cleanup();
  resetSaves();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe("resume after the browser is killed", () => {
  it("route, criterion and scroll come back from IndexedDB even when localStorage lost its writes", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const view = renderApp(db, "#/");
    await screen.findByTestId("new-inspection");
    const hash = `#/i/${INSPECTION_ID}/score?c=II.a.1`;
    act(() => {
      window.location.hash = hash;
    });
    await waitFor(() => expect(screen.getByTestId("criterion-panel").dataset.code).toBe("II.a.1"));
    Object.defineProperty(window, "scrollY", { value: 640, configurable: true });
    act(() => {
      window.dispatchEvent(new Event("scroll"));
    });
    await waitFor(async () => expect(await loadResumeState(db)).toEqual({ hash, y: 640 }));

    // SIGKILL: Chromium drops recent localStorage writes; the page is gone and reopens at the bare address.
    view.unmount();
    localStorage.clear();
    Object.defineProperty(window, "scrollY", { value: 0, configurable: true });
    Object.defineProperty(document.documentElement, "scrollHeight", { value: 5000, configurable: true });
    const scrollTo = vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
    renderApp(db, "");
    await waitFor(() => expect(window.location.hash).toBe(hash));
    expect((await screen.findByTestId("criterion-panel")).dataset.code).toBe("II.a.1");
    await waitFor(() => expect(scrollTo).toHaveBeenCalledWith(0, 640));
    expect(Object.keys({ ...localStorage })).toEqual([]);
  });

  it("a touch before the remembered scroll is restored cancels it: the page never jumps under the user's finger", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const hash = `#/i/${INSPECTION_ID}/score?c=II.a.1`;
    await db.meta.put({ key: "ui.resume", value: { hash, y: 640 } });
    // The page is not tall enough yet (its lists still loading): the restore waits.
    Object.defineProperty(window, "scrollY", { value: 0, configurable: true });
    Object.defineProperty(document.documentElement, "scrollHeight", { value: 100, configurable: true });
    const scrollTo = vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
    renderApp(db, "");
    await waitFor(() => expect(window.location.hash).toBe(hash));
    await screen.findByTestId("criterion-panel");
    expect(document.documentElement.dataset.resume).toBe("pending");
    act(() => {
      screen.getByTestId("criterion-panel").dispatchEvent(new Event("pointerdown", { bubbles: true }));
    });
    expect(document.documentElement.dataset.resume).toBe("done");
    Object.defineProperty(document.documentElement, "scrollHeight", { value: 5000, configurable: true });
    await new Promise((r) => setTimeout(r, 2300)); // past the restore's 2 s of tries
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it("an address that names a screen wins over the remembered one", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    await db.meta.put({ key: "ui.resume", value: { hash: `#/i/${INSPECTION_ID}/findings`, y: 0 } });
    renderApp(db, "#/settings");
    await screen.findByTestId("issuer-card");
    expect(window.location.hash).toBe("#/settings");
  });
});
