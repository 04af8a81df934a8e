// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { writeEdits } from "../../src/app/db/writeEdits";
import { testDb } from "../app-db/testDb";
import { seedTablet } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

const names = () => screen.queryAllByTestId("agency-option").map((o) => o.textContent);

describe("agency picker", () => {
  it("finds agencies with or without diacritics (đ → d) and groups them by kind and parent", async () => {
    const db = testDb();
    await seedTablet(db);
    // A commune merged away in the 2025 reorganisation stays findable for past inspections, after the current ones.
    await writeEdits(db, [
      ["name", "UBND xã Mường Lý (cũ)"], ["kind", "commune_committee"], ["parentId", "h-muonglat"], ["province", "38"], ["validFrom", null],
      ["validTo", "2025-06-30"], ["successorId", "x-muongly"], ["successorKind", "merged"], ["needsReview", false],
    ].map(([field, value]) => ({ entity: "agency" as const, rowId: "x-muongly-old", field: field as string, value })));
    renderApp(db, "#/agencies");
    const user = userEvent.setup();
    const search = await screen.findByTestId("agency-search");
    await waitFor(() => expect(names()).toHaveLength(6));
    // Grouped by kind: commune committees under their district, then the rest.
    const headings = screen.getAllByRole("heading").map((h) => h.textContent);
    expect(headings).toEqual(expect.arrayContaining(["UBND xã", "UBND huyện Mường Lát", "Sở, ban, ngành cấp tỉnh"]));

    await user.type(search, "muong ly");
    expect(names()).toEqual(["UBND xã Mường Lý", "UBND xã Mường Lý (cũ)hết hiệu lực từ 30/06/2025"]);
    await user.clear(search);
    await user.type(search, "MƯỜNG LÝ");
    expect(names()).toEqual(["UBND xã Mường Lý", "UBND xã Mường Lý (cũ)hết hiệu lực từ 30/06/2025"]);
    await user.clear(search);
    await user.type(search, "dong son");
    expect(names()).toEqual(["UBND xã Đông Sơn"]);
    await user.clear(search);
    await user.type(search, "trung ly");
    expect(names()).toEqual(["UBND xã Trung Lý"]);
    await user.clear(search);
    await user.type(search, "xyz");
    expect(names()).toEqual([]);
    expect(screen.getByText("Không tìm thấy cơ quan nào.")).toBeTruthy();
  });

  it("an agency added on the spot is marked for DOST review and starts the inspection", async () => {
    const db = testDb();
    await seedTablet(db);
    renderApp(db, "#/agencies");
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("agency-search"), "Xã Pù Nhi");
    await user.click(screen.getByRole("button", { name: "Thêm cơ quan chưa có" }));
    expect(screen.getByTestId("new-agency-name")).toHaveProperty("value", "Xã Pù Nhi");
    await user.click(screen.getByRole("button", { name: "Thêm" }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/start\?agency=/));
    const id = new URLSearchParams(window.location.hash.split("?")[1]).get("agency")!;
    expect(await db.agencies.get(id)).toMatchObject({ name: "Xã Pù Nhi", needsReview: true, kind: "commune_committee", province: "38" });
    await waitFor(() => expect(screen.getByTestId("start-agency").textContent).toBe("Xã Pù Nhi"));
    expect(await db.outbox.count()).toBeGreaterThan(0);
  });
});
