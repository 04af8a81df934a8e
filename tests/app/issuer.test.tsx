// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { loadIssuerSettings } from "../../src/app/db/loadIssuerSettings";
import { saveIssuerSettings } from "../../src/app/db/saveIssuerSettings";
import { ReportsTab } from "../../src/app/dost/ReportsTab";
import { DbContext } from "../../src/app/shell/DbContext";
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

describe("DOST sets the province's issuer settings in the console", () => {
  it("saves each field on leaving it, syncs it as the province's record, and refuses a symbol of another body", async () => {
    const db = testDb();
    await seedTablet(db, { token: "t", user: { username: "dost38", role: "dost", province: "38", team: null } });
    render(
      <DbContext.Provider value={db}>
        <ReportsTab token="t" province="38" year={2026} />
      </DbContext.Provider>,
    );
    const user = userEvent.setup();
    const type = async (testId: string, text: string) => {
      const input = screen.getByTestId(testId);
      await user.clear(input);
      await user.type(input, text);
      await user.tab();
    };
    await type("issuer-parent-body", "UBND TỈNH THANH HÓA");
    await type("issuer-issuing-body", "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    await type("issuer-place", "Thanh Hóa");
    await type("issuer-drafting-unit", "TĐC");
    await type("issuer-symbol-record", "BB-ĐKT");
    expect((await screen.findByTestId("issuer-error")).textContent).toContain('Ký hiệu "BB-ĐKT" không khớp cơ quan ban hành "SỞ KHOA HỌC VÀ CÔNG NGHỆ"');
    expect((await loadIssuerSettings(db, "38"))?.symbols.record).toBe("");
    await type("issuer-symbol-record", "BB-SKHCN");
    await waitFor(() => expect(screen.queryByTestId("issuer-error")).toBeNull());
    await waitFor(async () => expect((await loadIssuerSettings(db, "38"))?.symbols.record).toBe("BB-SKHCN"));
    const saved = await loadIssuerSettings(db, "38");
    expect(saved).toMatchObject({ parentBody: "UBND TỈNH THANH HÓA", issuingBody: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", place: "Thanh Hóa", draftingUnit: "TĐC" });
    // queued to sync as the province's one issuer record
    const queued = (await db.changes.toArray()).filter((c) => c.entity === "issuer");
    expect(new Set(queued.map((c) => c.rowId))).toEqual(new Set(["issuer/38"]));
    expect(queued.find((c) => c.field === "province")?.value).toBe("38");
  });
});
