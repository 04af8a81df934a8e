// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AppDb } from "../../src/app/db/AppDb";
import { META } from "../../src/app/db/META";
import { writeEdits } from "../../src/app/db/writeEdits";
import { useUiStore } from "../../src/app/state/useUiStore";
import { testDb } from "../app-db/testDb";
import { renderApp } from "../app/support/renderApp";
import { resetAppAfterEach } from "../app/support/resetAppAfterEach";

// Rows as an older registry wrote them, with the free-text province of that time.
const OLD = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/registry/agencies-before-scope-rules.json"), "utf8")) as { agencies: Record<string, unknown>[] };
const PROVINCE = "TP. Hồ Chí Minh";

resetAppAfterEach();

async function tablet(role: "dost" | "admin", rows = OLD.agencies): Promise<AppDb> {
  const db = testDb();
  await db.meta.put({ key: META.session, value: { token: "tok", user: { username: `${role}-1`, role, province: role === "dost" ? PROVINCE : null, team: null } } });
  await writeEdits(db, rows.flatMap((a) => Object.entries(a).filter(([k]) => k !== "id").map(([field, value]) => ({ entity: "agency" as const, rowId: String(a.id), field, value }))));
  return db;
}

const rowOf = (name: string) => screen.getAllByTestId("registry-row").find((r) => r.textContent!.startsWith(name))!;

describe("registry tab after the 2025 reorganisation", () => {
  it("reads an older registry by today's rules, shows each flag in Vietnamese and English, repairs the city's committee and clears flags by a merger", async () => {
    const db = await tablet("dost");
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Danh mục cơ quan" }, { timeout: 15_000 }));
    expect((await screen.findByTestId("registry-province")).textContent).toBe("Thành phố Hồ Chí Minh — mã 79");
    const counts = screen.getByTestId("registry-counts");
    await waitFor(() => expect(counts.textContent).toContain("Đang có hiệu lực: 4 cơ quan bắt buộc áp dụng (3 hệ thống"));
    expect(counts.textContent).toContain("2 khuyến khích áp dụng");
    expect(counts.textContent).toContain("1 theo quyết định của UBND tỉnh. Cần xử lý sau sắp xếp năm 2025: 3.");

    const town = rowOf("UBND thị trấn Củ Chi");
    expect(within(town).getByTestId("registry-flag").textContent).toBe("Từ 01/7/2025 không còn thị trấn; cần ghi đơn vị kế thừa.");
    expect(within(town).getByTestId("registry-scope").textContent).toBe("Khuyến khích");
    expect(within(rowOf("Trung tâm Phục vụ hành chính công")).getByTestId("registry-scope").textContent).toBe("Theo quyết định của UBND tỉnh");
    expect(within(rowOf("UBND xã Tân Thông Hội")).getByTestId("registry-flag").getAttribute("data-flag")).toBe("parent_ended");
    act(() => useUiStore.getState().setLang("en"));
    expect(within(rowOf("UBND thị trấn Củ Chi")).getByTestId("registry-flag").textContent).toBe("No thị trấn exists from 1/7/2025; record its successor.");
    expect(within(rowOf("UBND thị trấn Củ Chi")).getByTestId("registry-scope").textContent).toBe("Encouraged");
    act(() => useUiStore.getState().setLang("vi"));

    // Only the units to resolve.
    await user.click(screen.getByTestId("registry-flagged-only"));
    expect(screen.getAllByTestId("registry-row").map((r) => r.querySelector("input")!.getAttribute("aria-label")).sort()).toEqual(["UBND thị trấn Củ Chi", "UBND xã Tân Thông Hội", "Ủy ban nhân dân Thành phố Hồ Chí Minh"]);

    // The city's committee, stored as a district committee ending 30/6/2025, is saved as the province committee.
    await user.click(within(rowOf("Ủy ban nhân dân Thành phố Hồ Chí Minh")).getByTestId("fix-central-city"));
    await waitFor(async () => expect(await db.agencies.get("hcm")).toMatchObject({ kind: "province_committee", validTo: null }));
    await waitFor(() => expect(screen.getAllByTestId("registry-row")).toHaveLength(2));

    // DOST records the successor of the thị trấn and the commune: the flags clear.
    await user.click(screen.getByRole("checkbox", { name: "UBND thị trấn Củ Chi" }));
    await user.click(screen.getByRole("checkbox", { name: "UBND xã Tân Thông Hội" }));
    fireEvent.change(screen.getByTestId("successor-name"), { target: { value: "UBND xã Tân An Hội" } });
    await user.click(screen.getByTestId("reorganise"));
    await waitFor(() => expect(counts.textContent).toContain("Cần xử lý sau sắp xếp năm 2025: 0."));
    const successor = (await db.agencies.toArray()).find((a) => a.name === "UBND xã Tân An Hội")!;
    expect(await db.agencies.get("tt-cu-chi")).toMatchObject({ validTo: "2025-06-30", successorId: successor.id });
    expect(successor).toMatchObject({ kind: "commune_committee", validFrom: "2025-07-01", validTo: null, province: PROVINCE });
  });

  it("previews a pasted list with each unit's kind, scope and flags as they will land, the city's committee in both spellings", async () => {
    const db = await tablet("dost", []);
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Danh mục cơ quan" }, { timeout: 15_000 }));
    const list = ["STT\tTên đơn vị\tĐơn vị chủ quản", "1\tVăn phòng UBND Thành phố Hồ Chí Minh\tỦy ban nhân dân Thành phố Hồ Chí Minh", "2\tSở Tư pháp\tUBND thành phố Hồ Chí Minh", "3\tUBND thị trấn Củ Chi\tUBND huyện Củ Chi"].join("\n");
    fireEvent.change(screen.getByTestId("registry-paste"), { target: { value: list } });
    await user.click(screen.getByRole("button", { name: "Xem trước" }));
    await screen.findByTestId("registry-preview");
    const cells = screen.getAllByTestId("registry-preview-row").map((r) => [...r.querySelectorAll("td")].slice(4).map((c) => c.textContent));
    expect(cells).toEqual([
      ["Văn phòng UBND tỉnh", "Bắt buộc", ""],
      ["Sở, ban, ngành cấp tỉnh", "Bắt buộc", ""],
      ["UBND xã", "Khuyến khích", "Đơn vị chủ quản đã hết hiệu lực (cấp huyện kết thúc ngày 30/6/2025); cần ghi đơn vị kế thừa. Từ 01/7/2025 không còn thị trấn; cần ghi đơn vị kế thừa."],
    ]);
    await user.click(screen.getByTestId("registry-publish"));
    await waitFor(async () => expect((await db.agencies.toArray()).filter((a) => a.kind === "province_committee").map((a) => [a.name, a.validTo])).toEqual([["Ủy ban nhân dân Thành phố Hồ Chí Minh", null]]));
  });

  it("lets the admin pick a province from the 34, and still open data written with an older province value", async () => {
    const db = await tablet("admin");
    renderApp(db, "#/dost");
    const select = (await screen.findByTestId("dost-province", undefined, { timeout: 15_000 })) as HTMLSelectElement;
    const user = userEvent.setup();
    await waitFor(() => expect([...select.querySelectorAll("option")].map((o) => o.textContent)).toContain("TP. Hồ Chí Minh (ghi cũ của Thành phố Hồ Chí Minh)"));
    const listed = [...select.querySelectorAll("optgroup")[0]!.querySelectorAll("option")].map((o) => o.value);
    expect(listed).toHaveLength(34);
    expect(listed.slice(0, 3)).toEqual(["ha-noi", "cao-bang", "tuyen-quang"]);
    await user.selectOptions(select, "TP. Hồ Chí Minh");
    await user.click(screen.getByRole("tab", { name: "Danh mục cơ quan" }));
    expect((await screen.findByTestId("registry-province")).textContent).toBe("Thành phố Hồ Chí Minh — mã 79");
    await waitFor(() => expect(screen.getAllByTestId("registry-row")).toHaveLength(8));
    // A canonical province with no data on this device opens empty; an unknown value would be kept with a warning.
    await user.selectOptions(select, "ho-chi-minh");
    await waitFor(() => expect(screen.queryAllByTestId("registry-row")).toHaveLength(0));
  });
});
