// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { loadRecordIssuer } from "../../src/app/db/loadRecordIssuer";
import { testDb } from "../app-db/testDb";
import { captureSavedFiles, fileText, INSPECTION_ID, seedInspection, seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

describe("record issuer (Thông tin văn bản)", () => {
  it("is set in Settings, kept in IndexedDB, and carried by the inspection export", async () => {
    const db = testDb();
    await seedTablet(db);
    await seedInspection(db);
    const user = userEvent.setup();
    const view = renderApp(db, "#/settings");
    expect((await screen.findByTestId("issuer-card")).querySelector("h2")?.textContent).toBe("Thông tin văn bản");
    const fill = async (testId: string, text: string) => {
      const input = screen.getByTestId(testId);
      await user.type(input, text);
      fireEvent.blur(input);
    };
    await fill("issuer-parent-body", "UBND TỈNH THANH HÓA");
    await fill("issuer-issuing-body", "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    await fill("issuer-place", "Thanh Hóa");
    await fill("issuer-symbol", "ĐKT");
    await fill("issuer-recipients", "UBND xã Mường Lý;\n\nLưu: VT, ĐKT.");
    const expected = {
      parentBody: "UBND TỈNH THANH HÓA",
      issuingBody: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      place: "Thanh Hóa",
      symbol: "ĐKT",
      recipients: ["UBND xã Mường Lý;", "Lưu: VT, ĐKT."],
    };
    await waitFor(async () => expect(await loadRecordIssuer(db)).toEqual(expected));

    // After a restart the card shows what was stored, and every export carries it.
    view.unmount();
    renderApp(db, "#/settings");
    await waitFor(() => expect((screen.getByTestId("issuer-place") as HTMLInputElement).value).toBe("Thanh Hóa"));
    cleanup();
    const files = captureSavedFiles();
    renderApp(db, `#/i/${INSPECTION_ID}/review`);
    await user.click(await screen.findByTestId("export-json"));
    await waitFor(() => expect(files).toHaveLength(1));
    const exp = JSON.parse(await fileText(files[0]!)) as { format: string; issuer?: unknown };
    expect(exp.format).toBe("htqlcl-inspection/1");
    expect(exp.issuer).toEqual(expected);
  });
});
