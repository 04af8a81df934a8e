// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { resultId } from "../../src/domain/result";
import { addPhoto } from "../../src/app/db/addPhoto";
import { exportInspection } from "../../src/app/db/exportInspection";
import { testDb } from "../app-db/testDb";
import { INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

describe("a photo's caption", () => {
  it("can be written after the shot, saves itself, and is what the export carries", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const rid = resultId(INSPECTION_ID, "I.1.1");
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i * 5) % 256).buffer;
    const id = await addPhoto(db, { inspectionId: INSPECTION_ID, ownerId: rid, bytes, mime: "image/jpeg", caption: "" });
    const user = userEvent.setup();
    renderApp(db, `#/i/${INSPECTION_ID}/score?c=I.1.1`);
    const thumb = await screen.findByTestId("photo-thumb");
    await user.type(within(thumb).getByTestId("photo-caption-edit"), "Sổ theo dõi văn bản đến năm 2025");
    await user.tab();
    await waitFor(async () => expect((await db.attachments.get(id))?.caption).toBe("Sổ theo dõi văn bản đến năm 2025"));
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Đã lưu trên máy"));
    // The screen's live query catches up after the commit (later when other live queries, such as the sync bar's, run too).
    await waitFor(() => expect(within(screen.getByTestId("photo-thumb")).getByText("Sổ theo dõi văn bản đến năm 2025", { selector: "figcaption" })).toBeTruthy());
    // The next photo's caption field, named as such once a photo is there, is left empty: the edit is this photo's.
    expect((screen.getByLabelText("Chú thích cho ảnh sắp chụp / chọn") as HTMLInputElement).value).toBe("");
    const exp = await exportInspection(db, INSPECTION_ID, { withoutPhotos: true });
    expect((exp.attachments ?? []).map((a) => a.caption)).toEqual(["Sổ theo dõi văn bản đến năm 2025"]);
  });
});
