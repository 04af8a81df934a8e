// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { navigate } from "../../src/app/router/navigate";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { openStartForm } from "./support/openStartForm";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

// A pasted note of 152 characters, as in the issue.
const NOTE = "Sổ theo dõi văn bản đến năm 2026 ghi đủ số, ngày và trích yếu; riêng tháng 3 thiếu chữ ký người nhận ở 4 văn bản, đề nghị bổ sung trước ngày 30/4.".padEnd(152, ".");

/** Two tablets' worth of one database: the same name on two factories, as a browser before and after a crash. */
async function seeded(name: string) {
  const db = testDb(name, new IDBFactory());
  await seedTablet(db);
  await seedInspection(db);
  return db;
}

describe("not one keystroke lost", () => {
  it("mirrors a pasted note synchronously; after a crash before its IndexedDB write, the next start saves it", async () => {
    expect(NOTE.length).toBe(152);
    const before = await seeded("crash");
    const user = userEvent.setup();
    renderApp(before, `#/i/${INSPECTION_ID}/score?c=I.1.1`);
    const note = await screen.findByTestId("criterion-note");
    await user.click(note);
    await user.paste(NOTE);
    // Still in the typing pause: nothing is in the data yet, but the mirror already holds the whole text.
    expect((await before.results.get(`${INSPECTION_ID}/I.1.1`))?.note).toBeUndefined();
    const mirrored = Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!]));
    expect(Object.values(mirrored).some((v) => v.includes(NOTE))).toBe(true);

    // The crash: the write never happened. The browser starts again on the same storage, IndexedDB without the note.
    cleanup();
    const after = await seeded("crash");
    for (const [k, v] of Object.entries(mirrored)) localStorage.setItem(k, v);
    renderApp(after, `#/i/${INSPECTION_ID}/score?c=I.1.1`);
    await waitFor(async () => expect((await after.results.get(`${INSPECTION_ID}/I.1.1`))?.note).toBe(NOTE));
    expect(((await screen.findByTestId("criterion-note")) as HTMLTextAreaElement).value).toBe(NOTE);
    // The result knows what it belongs to, as if saved normally; the mirror is gone.
    expect(await after.results.get(`${INSPECTION_ID}/I.1.1`)).toMatchObject({ inspectionId: INSPECTION_ID, criterionCode: "I.1.1" });
    expect(Object.keys(localStorage).filter((k) => k.includes("ui.draft:"))).toEqual([]);
    expect(await after.meta.where("key").startsWith("ui.draft:").count()).toBe(0);
  });

  it("a killed browser that lost localStorage still has the IndexedDB copy of the draft", async () => {
    const before = await seeded("kill");
    const user = userEvent.setup();
    renderApp(before, `#/i/${INSPECTION_ID}/review`);
    const place = await screen.findByTestId("details-place");
    await user.clear(place);
    await user.type(place, "Hội trường UBND xã");
    await waitFor(async () => expect((await before.meta.where("key").startsWith("ui.draft:").first())?.value).toMatchObject({ edits: [{ field: "place", value: "Hội trường UBND xã" }] }));
    const copy = (await before.meta.where("key").startsWith("ui.draft:").toArray())!;
    cleanup();
    localStorage.clear();

    const after = await seeded("kill");
    await after.meta.bulkPut(copy);
    renderApp(after, `#/i/${INSPECTION_ID}/review`);
    await waitFor(async () => expect((await after.inspections.get(INSPECTION_ID))?.place).toBe("Hội trường UBND xã"));
  });

  it("a draft whose save did commit is not written again at the next start", async () => {
    const db = await seeded("committed");
    const user = userEvent.setup();
    const view = renderApp(db, `#/i/${INSPECTION_ID}/score?c=I.1.1`);
    const note = await screen.findByTestId("criterion-note");
    await user.type(note, "Đủ hồ sơ");
    fireEvent.blur(note);
    await waitFor(async () => expect((await db.results.get(`${INSPECTION_ID}/I.1.1`))?.note).toBe("Đủ hồ sơ"));
    // The committed save forgets its mirror.
    await waitFor(async () => expect(await db.meta.where("key").startsWith("ui.draft:").count()).toBe(0));
    expect(Object.keys(localStorage).filter((k) => k.includes("ui.draft:"))).toEqual([]);
    const changes = await db.changes.count();
    view.unmount();
    renderApp(db, `#/i/${INSPECTION_ID}/score?c=I.1.1`);
    await screen.findByTestId("criterion-note");
    expect(await db.changes.count()).toBe(changes);
  });

  it("the start form saves itself: Back and Forward, and a fresh start, bring it back as typed; creating forgets it", async () => {
    const { db, user } = await openStartForm();
    await user.type(screen.getByTestId("decision-ref"), "125/QĐ-SKHCN");
    await user.type(screen.getByTestId("agency-representative"), "Hà Văn Cường");
    const dd = screen.getByTestId("started-on");
    await user.clear(dd);
    await user.type(dd, "05/03/2026");
    fireEvent.blur(dd);

    // Back to the home screen and Forward again.
    act(() => navigate("/"));
    await screen.findByTestId("new-inspection");
    act(() => navigate("/start", { agency: "x-muongly" }));
    await waitFor(() => expect((screen.getByTestId("decision-ref") as HTMLInputElement).value).toBe("125/QĐ-SKHCN"));
    expect((screen.getByTestId("agency-representative") as HTMLInputElement).value).toBe("Hà Văn Cường");
    expect((screen.getByTestId("started-on") as HTMLInputElement).value).toBe("05/03/2026");
    // The list of checklist versions loads by itself; the chosen one is selected again once it is there.
    await waitFor(() => expect((screen.getByTestId("checklist-select") as HTMLSelectElement).value).toBe("test-tt26@2026.1"));

    // A fresh start that lost localStorage (a killed browser): the IndexedDB copy.
    cleanup();
    localStorage.clear();
    renderApp(db, "#/start?agency=x-muongly");
    await waitFor(() => expect((screen.getByTestId("decision-ref") as HTMLInputElement).value).toBe("125/QĐ-SKHCN"));
    await waitFor(() => expect((screen.getByTestId("started-on") as HTMLInputElement).value).toBe("05/03/2026"));
    await waitFor(() => expect((screen.getByTestId("checklist-select") as HTMLSelectElement).value).toBe("test-tt26@2026.1"));

    await user.click(screen.getByTestId("create-inspection"));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/i\/[0-9a-f-]{36}\/score/));
    expect((await db.inspections.toArray())[0]).toMatchObject({ decisionRef: "125/QĐ-SKHCN", agencyRepresentative: "Hà Văn Cường", startedOn: "2026-03-05" });
    act(() => navigate("/start", { agency: "x-muongly" }));
    await screen.findByTestId("decision-ref");
    expect((screen.getByTestId("decision-ref") as HTMLInputElement).value).toBe("");
    expect(await db.meta.where("key").startsWith("ui.form:").count()).toBe(0);
  });
});
