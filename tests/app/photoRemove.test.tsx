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
import { captureSavedFiles, fileText, INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

describe("removing a photo", () => {
  it("marks the attachment deleted: gone from the criterion, the export and the record", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const rid = resultId(INSPECTION_ID, "I.1.1");
    const bytes = (n: number) => Uint8Array.from({ length: 64 }, (_, i) => (i * n) % 256).buffer;
    const keep = await addPhoto(db, { inspectionId: INSPECTION_ID, ownerId: rid, bytes: bytes(3), mime: "image/jpeg", caption: "Sổ theo dõi" });
    const drop = await addPhoto(db, { inspectionId: INSPECTION_ID, ownerId: rid, bytes: bytes(7), mime: "image/jpeg", caption: "Ảnh chụp nhầm" });
    const user = userEvent.setup();
    renderApp(db, `#/i/${INSPECTION_ID}/score?c=I.1.1`);
    const panel = await screen.findByTestId("criterion-panel");
    await waitFor(() => expect(within(panel).getAllByTestId("photo-thumb")).toHaveLength(2));
    const wrong = within(panel).getAllByTestId("photo-thumb").find((th) => th.textContent?.includes("Ảnh chụp nhầm"))!;
    await user.click(within(wrong).getByRole("button", { name: "Xoá ảnh" }));
    // Asked once more: cancel keeps it.
    await user.click(within(wrong).getByRole("button", { name: "Huỷ" }));
    expect(within(panel).getAllByTestId("photo-thumb")).toHaveLength(2);
    await user.click(within(wrong).getByTestId("photo-remove"));
    await user.click(within(wrong).getByTestId("photo-remove-confirm"));
    await waitFor(() => expect(within(screen.getByTestId("criterion-panel")).getAllByTestId("photo-thumb").map((th) => th.querySelector("figcaption")?.textContent)).toEqual(["Sổ theo dõi"]));
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Đã lưu trên máy"));

    const ids = (a: { id: string }[]) => a.map((x) => x.id);
    expect((await db.attachments.get(drop))?.deleted).toBe(true);
    expect((await db.attachments.get(keep))?.deleted).not.toBe(true);
    // The change goes to the outbox like any edit, so other tablets and the server drop it too.
    expect((await db.changes.where("[entity+rowId+field]").equals(["attachment", drop, "deleted"]).toArray()).map((c) => c.value)).toContain(true);
    const exp = await exportInspection(db, INSPECTION_ID, { withoutPhotos: true });
    expect(ids(exp.attachments ?? [])).toEqual([keep]);

    // The export button of the review screen (the file the PDF is rendered from) leaves it out as well.
    const files = captureSavedFiles();
    await user.click(screen.getByTestId("tab-review"));
    await user.click(await screen.findByTestId("export-json"));
    await waitFor(() => expect(files).toHaveLength(1));
    const fromScreen = JSON.parse(await fileText(files[0]!)) as { attachments: { id: string; caption: string }[] };
    expect(fromScreen.attachments.map((a) => a.caption)).toEqual(["Sổ theo dõi"]);
  });
});
