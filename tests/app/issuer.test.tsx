// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { saveIssuerSettings } from "../../src/app/db/saveIssuerSettings";
import { useUiStore } from "../../src/app/state/useUiStore";
import { EMPTY_ISSUER_FIELDS } from "../../src/domain/issuerSettings";
import { testDb } from "../app-db/testDb";
import { captureSavedFiles, fileText, INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

const NOW = Date.UTC(2026, 2, 5, 8);
const SETTINGS = {
  ...EMPTY_ISSUER_FIELDS,
  parentBody: "UBND TỈNH THANH HÓA",
  issuingBody: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
  place: "Thanh Hóa",
  symbols: { ...EMPTY_ISSUER_FIELDS.symbols, record: "BB-SKHCN" },
  draftingUnit: "TĐC",
  recipients: ["Chi cục TĐC"],
};

describe("record issuer (Thông tin văn bản): the province's, synced from DOST", () => {
  it("the review screen warns while it is unset, in Vietnamese and English, and not once it has synced", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    useUiStore.getState().setLang("vi");
    renderApp(db, `#/i/${INSPECTION_ID}/review`);
    expect((await screen.findByTestId("issuer-unset")).textContent).toBe(
      "Sở KH&CN chưa đặt thông tin cơ quan ban hành văn bản (chưa có thông tin cơ quan ban hành của tỉnh). Biên bản ký và khoá lúc này sẽ in phần đầu mặc định (Đoàn kiểm tra, địa danh để trống). Hãy đồng bộ hoặc đề nghị Sở KH&CN đặt trước khi ký.",
    );
    cleanup();
    useUiStore.getState().setLang("en");
    renderApp(db, `#/i/${INSPECTION_ID}/review`);
    expect((await screen.findByTestId("issuer-unset")).textContent).toMatch(/^DOST has not set the document issuer \(the province's issuer settings are not set\)/u);
    cleanup();
    useUiStore.getState().setLang("vi");

    // DOST sets part of it: the warning names what is still missing.
    const dost = testDb();
    await saveIssuerSettings(dost, "38", { ...SETTINGS, draftingUnit: "", place: "" }, { now: NOW });
    await applyRemoteChanges(db, await dost.changes.toArray());
    renderApp(db, `#/i/${INSPECTION_ID}/review`);
    await waitFor(() => expect(screen.getByTestId("issuer-unset").textContent).toContain("(địa danh, đơn vị soạn thảo (dòng Lưu))"));
    cleanup();

    // Once it is complete the warning goes, and the draft's export carries the province's settings.
    await saveIssuerSettings(dost, "38", SETTINGS, { now: NOW + 1000 });
    await applyRemoteChanges(db, await dost.changes.toArray());
    const files = captureSavedFiles();
    renderApp(db, `#/i/${INSPECTION_ID}/review`);
    await screen.findByTestId("export-json");
    await waitFor(() => expect(screen.queryByTestId("issuer-unset")).toBeNull());
    await userEvent.setup().click(screen.getByTestId("export-json"));
    await waitFor(() => expect(files).toHaveLength(1));
    const exp = JSON.parse(await fileText(files[0]!)) as { issuer?: unknown; inspection: { issuer?: unknown } };
    expect(exp.inspection.issuer).toEqual(SETTINGS);
    expect(exp.issuer).toBeUndefined(); // no per-device issuer any more
  });

  it("Settings shows the province's settings, read-only, as synced", async () => {
    const db = testDb();
    await seedTablet(db);
    const dost = testDb();
    await saveIssuerSettings(dost, "38", SETTINGS, { now: NOW });
    await applyRemoteChanges(db, await dost.changes.toArray());
    renderApp(db, "#/settings");
    expect((await screen.findByTestId("issuer-card")).querySelector("h2")?.textContent).toBe("Thông tin văn bản");
    await waitFor(() => expect(screen.getByTestId("issuer-issuing-body").textContent).toBe("Cơ quan ban hànhSỞ KHOA HỌC VÀ CÔNG NGHỆ"));
    expect(screen.getByTestId("issuer-symbol").textContent).toBe("Ký hiệu số biên bảnBB-SKHCN");
    expect(screen.getByTestId("issuer-drafting-unit").textContent).toBe("Đơn vị soạn thảo (dòng Lưu)TĐC");
    expect(screen.queryByTestId("issuer-unset")).toBeNull();
    expect(screen.getByTestId("issuer-card").querySelector("input")).toBeNull();
  });
});
