// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { META } from "../../src/app/db/META";
import { useUiStore } from "../../src/app/state/useUiStore";
import { createApp } from "../../src/server/createApp";
import { openStorage } from "../../src/server/openStorage";
import type { Storage } from "../../src/server/Storage";
import { testDb } from "../app-db/testDb";
import { renderApp } from "../app/support/renderApp";
import { captureDownloads } from "./support/captureDownloads";
import { expectedFigures } from "./support/expectedFigures";
import { PROVINCE, provinceFixture, YEAR } from "./support/provinceFixture";
import { pushFixture } from "./support/pushFixture";
import { readBlob } from "./support/readBlob";
import { resetAppAfterEach } from "../app/support/resetAppAfterEach";

const SEED = 4242;
const fx = provinceFixture(SEED);
const NOW = Date.UTC(YEAR, 10, 15, 3);
const exp = expectedFigures(fx, "2026-11-15");
let storage: Storage;
let app: ReturnType<typeof createApp>;
let token = "";
let saved: Blob[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  storage = await openStorage({ memory: true });
  app = createApp({ storage, now: () => NOW });
  token = (await pushFixture(app, storage, fx, NOW)).tokens.get("dost-th")!;
  // The console's requests go to the real server app in this process.
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => app.request(String(input), init)) as typeof fetch;
  saved = captureDownloads();
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await storage.close();
});
resetAppAfterEach();

async function dostTabletSynced() {
  const db = testDb();
  await db.meta.put({ key: META.session, value: { token, user: { username: "dost-th", role: "dost", province: PROVINCE, team: null } } });
  let after = "0";
  for (;;) {
    const res = await app.request(`/api/sync/pull?after=${after}&limit=5000`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { changes: unknown[]; cursor: string; more: boolean };
    await applyRemoteChanges(db, body.changes, body.cursor, { now: NOW });
    after = body.cursor;
    if (!body.more) break;
  }
  return db;
}

describe(`DOST console against the real server (fixture seed ${SEED})`, () => {
  it("the dashboard shows the merged figures and every number opens the inspections behind it", async () => {
    const db = await dostTabletSynced();
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    const yearInput = await screen.findByTestId("dost-year", {}, { timeout: 15_000 });
    await user.clear(yearInput);
    await user.type(yearInput, String(YEAR));
    const coverage = await screen.findByTestId("coverage", {}, { timeout: 10_000 });
    expect(coverage.textContent).toContain(`Kế hoạch: ${exp.coverage.planned} (qua hồ sơ ${exp.coverage.plannedDesk}, tại trụ sở ${exp.coverage.plannedOnsite})`);
    expect(coverage.textContent).toContain(`đã tiến hành ${exp.coverage.started}`);
    expect(screen.getByTestId("coverage-rate").textContent).toBe(`Hoàn thành ${String(Math.round((exp.coverage.finalized / exp.coverage.planned) * 1000) / 10).replace(".", ",")}% kế hoạch`);
    const table = screen.getByTestId("criteria");
    const [code, tally] = [...exp.criteria].find(([, t]) => t.nonconform > 0)!;
    const row = within(table).getByText(code).closest("tr")!;
    const cells = within(row).getAllByTestId("figure").map((b) => Number(b.textContent));
    expect(cells).toEqual([tally.conform, tally.partial, tally.nonconform, tally.observation, tally.na]);
    await user.click(within(row).getAllByTestId("figure")[2]!);
    const list = await screen.findByTestId("inspection-list");
    const want = new Set(exp.results.filter((r) => r.code === code && r.outcome === "nonconform").map((r) => r.inspectionId));
    await waitFor(() => expect(within(list).queryAllByTestId("inspection-list-item")).toHaveLength(want.size));
    expect(screen.getByTestId("notices").querySelectorAll("li")).toHaveLength(exp.noticeIds.length);
    expect(screen.getByTestId("conflicts").querySelectorAll("li").length).toBe(Math.min(50, exp.conflictRows.length));
    // A waiting conflict is named by its agency and what it is, in words.
    expect([...screen.getByTestId("conflicts").querySelectorAll("li")].every((li) => /^UBND |^Sở /.test(li.textContent!) && /— (Kết quả đánh giá|Vấn đề tồn tại|Cuộc kiểm tra|Cơ quan|Hành động khắc phục) —/.test(li.textContent!))).toBe(true);
    expect(screen.getAllByRole("img").length).toBeGreaterThanOrEqual(2);
    // In English the agency kinds of the breakdown are English too.
    const groups = () => [...screen.getByTestId("compliance-groups").querySelectorAll("tbody tr td:first-child")].map((td) => td.textContent);
    expect(groups()).toContain("UBND xã");
    act(() => useUiStore.getState().setLang("en"));
    expect(groups()).toContain("Commune People's Committees");
    expect(groups()).not.toContain("UBND xã");
    act(() => useUiStore.getState().setLang("vi"));
    // The merged commune's history includes what its predecessors went through in 2025.
    await user.type(screen.getByTestId("history-search"), "muong ly (moi");
    // Units of one name are told apart by their parent (and the ended ones by their last day).
    await user.click(await screen.findByRole("button", { name: "UBND xã Mường Lý (mới) — UBND tỉnh Thanh Hóa" }));
    const history = await screen.findByTestId("agency-history");
    await waitFor(() => expect(history.textContent).toContain("Năm 2025"));
    expect(history.textContent).toContain("Năm 2026");
    expect(history.textContent).toContain("UBND xã Trung Lý");
  });

  it("every clickable figure of the dashboard and summary opens a list as long as the figure, brought into view", async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const db = await dostTabletSynced();
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    const yearInput = await screen.findByTestId("dost-year", {}, { timeout: 15_000 });
    await user.clear(yearInput);
    await user.type(yearInput, String(YEAR));
    await screen.findByTestId("coverage", {}, { timeout: 10_000 });
    const mismatches: string[] = [];
    let checked = 0;
    for (const groupBy of ["kind", "parent"]) {
      await user.selectOptions(screen.getByRole("combobox", { name: "Nhóm theo" }), groupBy);
      // Buttons in tables and text, and the bars of the charts (SVG parts with role=button, value last in their label).
      const figures = [...screen.getAllByTestId("figure"), ...document.querySelectorAll("svg [role=button]")];
      for (const fig of figures) {
        const shown = Number(fig.tagName === "BUTTON" ? fig.textContent : /(\d+)$/.exec(fig.getAttribute("aria-label") ?? "")?.[1]);
        scrolled.length = 0;
        await user.click(fig);
        const list = await screen.findByTestId("inspection-list");
        const countLine = await within(list).findByText(/^\d+ cuộc kiểm tra$/, {}, { timeout: 5_000 });
        const items = within(list).queryAllByTestId("inspection-list-item").length;
        const where = `${fig.closest("[data-testid]:not([data-testid=figure])")?.getAttribute("data-testid") ?? fig.closest("svg")?.getAttribute("aria-label")} ${fig.getAttribute("aria-label") ?? ""} → ${within(list).getByTestId("inspection-list-title").textContent}`;
        if (items !== shown || Number.parseInt(countLine.textContent!, 10) !== shown) mismatches.push(`${where}: figure ${shown}, list ${items}`);
        // Titles and rows speak Vietnamese: no form, status, outcome or record kind left as its code.
        const words = `${within(list).getByTestId("inspection-list-title").textContent} ${within(list).queryAllByTestId("inspection-list-item").map((i) => i.textContent).join(" ")}`;
        const raw = /\b(desk|onsite|draft|submitted|finalized|conform|partial|nonconform|observation|na|open|reported|accepted|not_accepted|verified|inspection|result|finding|action|attachment)\b/.exec(words);
        if (raw) mismatches.push(`${where}: untranslated "${raw[1]}"`);
        expect(scrolled, where).toContain(list);
        expect(document.activeElement, where).toBe(within(list).getByTestId("inspection-list-title"));
        await user.click(within(list).getByRole("button", { name: "Đóng" }));
        checked++;
      }
    }
    expect(mismatches, `seed ${SEED}`).toEqual([]);
    // Every kind of figure was there: coverage, form × status, criteria, groups, both charts, overdue, conflicts.
    expect(checked).toBeGreaterThan(100);
  }, 240_000);

  it("follow-up: a reported action is not accepted, the notice PDF is issued and the change queued for push", async () => {
    const db = await dostTabletSynced();
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Theo dõi khắc phục" }, { timeout: 15_000 }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Lọc" }), "reported");
    const reported = fx.model.actions.filter((a) => a.status === "reported" && !a.deleted);
    await waitFor(() => expect(screen.getAllByTestId("action-card")).toHaveLength(reported.length));
    const card = screen.getAllByTestId("action-card")[0]!;
    await user.type(within(card).getByLabelText("Nhận xét"), "Chưa có bằng chứng áp dụng quy trình mới");
    await user.type(within(card).getByLabelText("Số thông báo"), "31/TB-SKHCN");
    const before = saved.length;
    await user.click(within(card).getByTestId("reject"));
    await waitFor(() => expect(saved.length).toBe(before + 1), { timeout: 15_000 });
    const dir = mkdtempSync(join(tmpdir(), "dost-notice-"));
    writeFileSync(join(dir, "n.pdf"), await readBlob(saved[before]!));
    const text = execFileSync("pdftotext", [join(dir, "n.pdf"), "-"], { encoding: "utf8" }).normalize("NFC").replace(/\s+/g, " ");
    expect(text).toContain("Số: 31/TB-SKHCN");
    expect(text).toContain("Chưa có bằng chứng áp dụng quy trình mới");
    const outbox = new Set((await db.outbox.toArray()).map((o) => o.id));
    const queued = (await db.changes.toArray()).filter((c) => outbox.has(c.id) && c.entity === "action");
    expect(queued.map((c) => [c.field, c.value]).sort()).toEqual([["decisionNote", "Chưa có bằng chứng áp dụng quy trình mới"], ["noticeNumber", "31/TB-SKHCN"], ["status", "not_accepted"]]);
    // Pushed like any tablet's edits, the server's summary moves the action from reported to not accepted.
    const push = await app.request("/api/sync/push", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ device: queued[0]!.device, changes: queued }) });
    expect(((await push.json()) as { rejected: unknown[] }).rejected).toEqual([]);
    const s = (await (await app.request(`/api/dost/summary?year=${YEAR}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { actions: Record<string, number> };
    expect(s.actions.not_accepted).toBe(exp.actions.not_accepted + 1);
    expect(s.actions.reported).toBe(exp.actions.reported - 1);
  });

  it("reports: the November PDF and the December XLSX carry the server's figures for the year", async () => {
    const db = await dostTabletSynced();
    renderApp(db, "#/dost");
    const user = userEvent.setup();
    const yearInput = await screen.findByTestId("dost-year", {}, { timeout: 15_000 });
    await user.clear(yearInput);
    await user.type(yearInput, String(YEAR));
    await user.click(screen.getByRole("tab", { name: "Báo cáo" }));
    // The signer is configured on the device and printed under the signature.
    await user.click(within(screen.getByTestId("issuer-settings")).getByText("Cơ quan ban hành và người ký"));
    await user.type(screen.getByLabelText("Người ký"), "Lê Văn Hùng");
    // The director signs himself this time: one heading line (an empty line left by Enter is not drawn).
    const heading = screen.getByTestId("issuer-signer-heading");
    await user.clear(heading);
    await user.type(heading, "GIÁM ĐỐC{Enter}");
    // The two yearly reports, each in its own card (the tab also lists letters and team reports with PDF buttons).
    const card = (title: RegExp) => within(screen.getByRole("heading", { name: title }).closest("div")!);
    const nov = card(/^Báo cáo UBND tỉnh/).getByRole("button", { name: "PDF" });
    const dec = card(/^Báo cáo Bộ KH&CN/).getByRole("button", { name: "PDF" });
    const before = saved.length;
    await user.click(nov);
    await waitFor(() => expect(saved.length).toBe(before + 1), { timeout: 15_000 });
    const dir = mkdtempSync(join(tmpdir(), "dost-report-"));
    writeFileSync(join(dir, "r.pdf"), await readBlob(saved[before]!));
    const text = execFileSync("pdftotext", [join(dir, "r.pdf"), "-"], { encoding: "utf8" }).normalize("NFC").replace(/\s+/g, " ");
    expect(text).toContain("Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa");
    expect(text).toContain(`Số lượt cơ quan trong kế hoạch ${exp.coverage.planned}`);
    expect(text).toContain(`Số lượt đã hoàn thành (biên bản đã ký) ${exp.coverage.finalized}`);
    expect(text).toContain(`Tỷ lệ hoàn thành so với kế hoạch ${String(Math.round((exp.coverage.finalized / exp.coverage.planned) * 1000) / 10).replace(".", ",")}%`);
    expect(text).toContain("Lê Văn Hùng");
    expect(text).toContain("GIÁM ĐỐC");
    expect(text).not.toContain("KT. GIÁM ĐỐC");
    expect(text).not.toContain("PHÓ GIÁM ĐỐC");
    expect(dec).toBeTruthy();
    await user.click(card(/^Báo cáo Bộ KH&CN/).getByRole("button", { name: "XLSX" }));
    await waitFor(() => expect(saved.length).toBe(before + 2), { timeout: 15_000 });
    const xlsx = await readBlob(saved[before + 1]!);
    expect([xlsx[0], xlsx[1]]).toEqual([0x50, 0x4b]);
  });
});
