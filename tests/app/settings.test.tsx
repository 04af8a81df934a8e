// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { resultId } from "../../src/domain/result";
import { backupAll } from "../../src/app/backup/backupAll";
import { exportBundle } from "../../src/app/sync/bundle";
import { addPhoto } from "../../src/app/db/addPhoto";
import { META } from "../../src/app/db/META";
import { writeEdits } from "../../src/app/db/writeEdits";
import { testDb } from "../app-db/testDb";
import { LEAD_SESSION, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

describe("settings: backup and restore through the screen", () => {
  it("a backup file restored on another tablet brings back every record and the photo bytes unchanged", async () => {
    const a = testDb();
    await seedTablet(a);
    const insp = "0190d1c4-0000-7000-8000-0000000000bb";
    const rid = resultId(insp, "I.1.1");
    await writeEdits(a, [
      { entity: "inspection", rowId: insp, field: "agencyId", value: "x-muongly" },
      { entity: "inspection", rowId: insp, field: "status", value: "draft" },
      { entity: "result", rowId: rid, field: "inspectionId", value: insp },
      { entity: "result", rowId: rid, field: "criterionCode", value: "I.1.1" },
      { entity: "result", rowId: rid, field: "outcome", value: "partial" },
      { entity: "result", rowId: rid, field: "note", value: "Sổ theo dõi chưa cập nhật" },
    ]);
    const photo = Uint8Array.from({ length: 3000 }, (_, i) => (i * 37) % 256);
    await addPhoto(a, { inspectionId: insp, ownerId: rid, bytes: photo.buffer, mime: "image/jpeg", caption: "Sổ" });
    const file = await backupAll(a);

    const b = testDb();
    await b.meta.put({ key: META.session, value: LEAD_SESSION });
    renderApp(b, "#/settings");
    const user = userEvent.setup();
    const input = await screen.findByTestId("restore");
    await user.upload(input, new File([file as BlobPart], "sao-luu.htqlcl", { type: "application/octet-stream" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^Đã khôi phục: \d+ thay đổi, 1 ảnh/));

    expect(await b.results.get(rid)).toEqual(await a.results.get(rid));
    expect((await b.changes.toArray()).map((c) => c.id).sort()).toEqual((await a.changes.toArray()).map((c) => c.id).sort());
    const att = (await b.attachments.where("inspectionId").equals(insp).toArray())[0]!;
    const blob = await b.blobs.get(att.sha256!);
    expect(Buffer.from(new Uint8Array(blob!.bytes)).equals(Buffer.from(photo))).toBe(true);
  });

  it("a file that is not a backup is refused in plain words and nothing is written", async () => {
    const b = testDb();
    await b.meta.put({ key: META.session, value: LEAD_SESSION });
    renderApp(b, "#/settings");
    const user = userEvent.setup();
    await user.upload(await screen.findByTestId("restore"), new File(["không phải sao lưu"], "x.txt", { type: "text/plain" }));
    await waitFor(() => expect(screen.getAllByRole("alert").map((a) => a.textContent).join(" ")).toContain("Tệp không đọc được: Tệp không phải bản sao lưu"));
    expect(await b.changes.count()).toBe(0);
    expect(await b.results.count()).toBe(0);
  });
});

describe("settings: a sync bundle from another tablet", () => {
  it("is imported through the screen, which says what was new, what was already there and the photos; a second import adds nothing", async () => {
    const a = testDb();
    await seedTablet(a);
    const insp = "0190d1c4-0000-7000-8000-0000000000cc";
    const rid = resultId(insp, "I.1.1");
    await writeEdits(a, [
      { entity: "inspection", rowId: insp, field: "agencyId", value: "x-muongly" },
      { entity: "result", rowId: rid, field: "inspectionId", value: insp },
      { entity: "result", rowId: rid, field: "outcome", value: "nonconform" },
    ]);
    await addPhoto(a, { inspectionId: insp, ownerId: rid, bytes: Uint8Array.from([1, 2, 3, 4]).buffer, mime: "image/jpeg", caption: "Biên bản" });
    const file = await exportBundle(a);

    const b = testDb();
    await b.meta.put({ key: META.session, value: LEAD_SESSION });
    renderApp(b, "#/settings");
    const user = userEvent.setup();
    const upload = async () => user.upload(await screen.findByTestId("import-bundle"), new File([file as BlobPart], "goi.json", { type: "application/json" }));
    await upload();
    const all = await a.changes.count();
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(`Đã nhập gói đồng bộ: ${all} thay đổi mới, 0 đã có trên máy, 0 bị bỏ qua vì không hợp lệ, 1 ảnh mới.`),
    );
    expect((await b.results.get(rid))?.outcome).toBe("nonconform");
    await upload();
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe(`Đã nhập gói đồng bộ: 0 thay đổi mới, ${all} đã có trên máy, 0 bị bỏ qua vì không hợp lệ, 0 ảnh mới.`));
    expect(await b.changes.count()).toBe(await a.changes.count());
  });
});
