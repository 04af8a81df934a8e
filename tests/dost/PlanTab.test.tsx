// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { META } from "../../src/app/db/META";
import { writeEdits } from "../../src/app/db/writeEdits";
import { resetSaves } from "../../src/app/save/runSave";
import { useUiStore } from "../../src/app/state/useUiStore";
import { createUser } from "../../src/server/auth/createUser";
import { testDb } from "../app-db/testDb";
import { renderApp } from "../app/support/renderApp";
import { captureDownloads } from "./support/captureDownloads";
import { fetchToServer } from "./support/fetchToServer";
import { readBlob } from "./support/readBlob";
import { TEST_HASH } from "../server/serverHarness";

const YEAR = new Date().getFullYear();
const at = fetchToServer([{ username: "dost-th", role: "dost", province: "TH" }]);
let saved: Blob[] = [];

beforeAll(async () => {
  for (const u of [
    { username: "lan", role: "lead" as const, province: "TH", team: "doan-lan", displayName: "Trần Thị Lan" },
    { username: "minh", role: "inspector" as const, province: "TH", team: "doan-minh", displayName: "Lê Minh" },
    { username: "xa", role: "lead" as const, province: "NA", team: "doan-na", displayName: "Người tỉnh khác" },
  ]) await createUser(at.server.storage, { ...u, password: "mat-khau-123" }, TEST_HASH);
  saved = captureDownloads();
});
afterEach(() => {
  cleanup();
  resetSaves();
  act(() => useUiStore.getState().setLang("vi"));
});

describe("PlanTab: teams are named for people, never by a bare id", () => {
  it("names each team by its record, its lead or its members, lets DOST name one, and the plan export uses the names", async () => {
    const db = testDb();
    await db.meta.put({ key: META.session, value: { token: at.server.users.get("dost-th")!.token, user: { username: "dost-th", role: "dost", province: "TH", team: null } } });
    const agency = (id: string, name: string) => ["name", "kind", "province"].map((field) => ({ entity: "agency" as const, rowId: id, field, value: ({ name, kind: "commune_committee", province: "TH" } as Record<string, unknown>)[field] }));
    await writeEdits(db, [
      ...agency("a1", "UBND xã Một"),
      { entity: "team", rowId: "t1", field: "name", value: "Đoàn kiểm tra số 1" },
      { entity: "team", rowId: "t1", field: "province", value: "TH" },
      // a team known only from its inspection, signed by its lead
      { entity: "inspection", rowId: "i1", field: "province", value: "TH" },
      { entity: "inspection", rowId: "i1", field: "teamId", value: "doan-lead1" },
      { entity: "inspection", rowId: "i1", field: "leadName", value: "Nguyễn Văn An" },
      // a plan assigning a team nobody knows anything about
      { entity: "plan", rowId: `plan-TH-${YEAR}`, field: "year", value: YEAR },
      { entity: "plan", rowId: `plan-TH-${YEAR}`, field: "province", value: "TH" },
      { entity: "plan", rowId: `plan-TH-${YEAR}`, field: "entries", value: [{ agencyId: "a1", mode: "desk", teamId: "doan-ghost", month: 3 }] },
    ]);
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Kế hoạch kiểm tra" }, { timeout: 15_000 }));
    const row = await screen.findByTestId("plan-row");
    const options = () => [...row.querySelectorAll("td:nth-child(4) option")].map((o) => o.textContent);
    await waitFor(() => expect(options()).toEqual([
      "Đoàn chưa đặt tên (mã doan-ghost)",
      "Đoàn của Trần Thị Lan",
      "Đoàn của Nguyễn Văn An",
      "Đoàn gồm Lê Minh",
      "Đoàn kiểm tra số 1",
    ]));
    act(() => useUiStore.getState().setLang("en"));
    expect(options()[1]).toBe("Team led by Trần Thị Lan");
    act(() => useUiStore.getState().setLang("vi"));

    // DOST names the team known only from its inspection: a team record is written (and queued for the teams).
    await user.click(within(screen.getByTestId("team-names")).getByText("Tên các đoàn kiểm tra"));
    await user.type(screen.getByRole("textbox", { name: "Tên mới cho Đoàn của Nguyễn Văn An" }), "Đoàn kiểm tra số 2");
    const namedRow = screen.getAllByTestId("team-name-row").find((r) => r.textContent!.startsWith("Đoàn của Nguyễn Văn An"))!;
    await user.click(within(namedRow).getByRole("button", { name: "Đặt tên" }));
    await waitFor(() => expect(options()[2]).toBe("Đoàn kiểm tra số 2"));
    expect(await db.teams.get("doan-lead1")).toMatchObject({ name: "Đoàn kiểm tra số 2", province: "TH", members: [] });
    expect((await db.outbox.toArray()).length).toBeGreaterThan(0);
    expect((await db.changes.toArray()).filter((c) => c.entity === "team" && c.rowId === "doan-lead1").map((c) => c.field).sort()).toEqual(["members", "name", "province"]);

    // The plan's XLSX names the assigned team in words.
    await user.click(screen.getByRole("button", { name: "XLSX" }));
    await waitFor(() => expect(saved.length).toBe(1));
    const sheets = Object.entries(unzipSync(await readBlob(saved[0]!))).filter(([k]) => k.startsWith("xl/worksheets/")).map(([, v]) => strFromU8(v)).join("");
    expect(sheets).toContain("Đoàn chưa đặt tên (mã doan-ghost)");
  });
});
