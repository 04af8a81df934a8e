import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BUILTIN_CHECKLISTS } from "../../src/checklists/builtinChecklists";
import type { Change } from "../../src/domain/change";
import { criterionTitle } from "../../src/domain/criterionTitle";
import type { DostSummary } from "../../src/domain/dostSummary";
import { foldVietnamese } from "../../src/domain/foldVietnamese";
import { OUTCOMES, type Outcome } from "../../src/domain/outcome";
import { sharedFile } from "../support/sharedFile";
import { api, type Api } from "./support/api";
import { changeWriter } from "./support/changeWriter";
import { startBrowser, type RunningBrowser } from "./support/startBrowser";
import { startServer, type RunningServer } from "./support/startServer";
import { logIn, shoot, visible } from "./support/ui";

const ADMIN = "admin-pass-e2e-123";
const PASSWORD = "mat-khau-e2e-123";
const PROVINCE = "thanh-hoa";
const TEAM = "doan-th-1";
const YEAR = 2026;
const USERS = { dost: "sokhcn.th", lead: "truongdoan.th" };

/**
 * Seed 003's appendix read here on its own terms (not with the app's parser): each unit is a tab-indented "N." cell,
 * its name on the next line and its district on the line after, left blank while it stays the same.
 */
function seedCommunes(text: string): { name: string; district: string }[] {
  const lines = text.normalize("NFC").split(/\r?\n/);
  const out: { name: string; district: string }[] = [];
  let district = "";
  for (let i = 0; i < lines.length; i++) {
    if (!/^\t\d+\.\s*$/.test(lines[i]!)) continue;
    const d = (lines[i + 2] ?? "").trim();
    if (d.startsWith("Huyện ")) district = d;
    out.push({ name: lines[i + 1]!.trim(), district });
  }
  return out;
}

/** Rows as the server holds them: every change folded in server order, one object per row id. */
function rowsOf(changes: Change[], entity: string): Map<string, Record<string, unknown>> {
  const rows = new Map<string, Record<string, unknown>>();
  for (const c of changes.filter((x) => x.entity === entity)) rows.set(c.rowId, { ...rows.get(c.rowId), [c.field]: c.value });
  return rows;
}

/** Issue 7: the DOST office imports seed 003's agency list in its console, and reads the merged results. */
describe("the DOST console in the built app", () => {
  let dir: string;
  let server: RunningServer;
  let a: Api;
  let b: RunningBrowser;
  let page: Page;
  const seedText = readFileSync(sharedFile("seeds/003_9b846d1ee19f2a62.txt"), "utf8");
  const communes = seedCommunes(seedText);
  const districts = new Set(communes.map((c) => foldVietnamese(c.district)));
  const unique = new Set(communes.map((c) => `${foldVietnamese(c.district)}|${foldVietnamese(c.name)}`));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "e2e-dost-"));
    server = await startServer({ dataDir: join(dir, "data"), staticDir: inject("distA"), adminPassword: ADMIN });
    a = api(server.url);
    const admin = await a.login("admin", ADMIN);
    await a.createUser(admin, { username: USERS.dost, password: PASSWORD, role: "dost", province: PROVINCE });
    await a.createUser(admin, { username: USERS.lead, password: PASSWORD, role: "lead", province: PROVINCE, team: TEAM });
    b = await startBrowser(join(dir, "profile"));
    page = await b.context.newPage();
    await page.setViewportSize({ width: 800, height: 1280 });
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the seed as this test reads it: the 92 communes the decision names, each with its district", () => {
    const stated = /có (\d+) UBND cấp xã/.exec(seedText.normalize("NFC"));
    expect(Number(stated?.[1])).toBe(92);
    expect(communes.length).toBe(92);
    expect(unique.size).toBe(92);
    expect(communes.every((c) => c.name.startsWith("UBND ") && c.district.startsWith("Huyện "))).toBe(true);
    expect(communes.find((c) => c.name === "UBND xã Mường Lý")?.district).toBe("Huyện Mường Lát");
  });

  it("a: the agency list of seed 003 is pasted, previewed and published, then found without diacritics", async () => {
    await page.goto(server.url);
    await logIn(page, USERS.dost, PASSWORD);
    await page.getByRole("link", { name: "Cài đặt" }).click();
    await visible(page.getByRole("heading", { name: "Cài đặt", level: 1 }));
    await page.getByRole("main").getByRole("link", { name: "Bảng điều khiển Sở KH&CN" }).click();
    await visible(page.getByRole("heading", { name: "Sở Khoa học và Công nghệ", level: 1 }), 30_000);
    expect(page.url()).toBe(`${server.url}/#/dost`);

    await page.getByRole("tab", { name: "Danh mục cơ quan" }).click();
    await visible(page.getByRole("heading", { name: "Danh mục (0)" }));
    await page.getByTestId("registry-paste").fill(seedText);
    await page.getByRole("button", { name: "Xem trước" }).click();
    const preview = page.getByTestId("registry-preview");
    await visible(preview);
    expect(await preview.locator("p").first().textContent()).toBe(`${communes.length} đơn vị đọc được.`);
    const previewRows = preview.locator("tbody tr");
    expect(await previewRows.count()).toBe(communes.length);
    const first = await previewRows.first().locator("td").allTextContents();
    // Then the kind guessed from the name, its scope (QĐ 19 Art. 2) and its flag: a 2022 list's district ended on 30/6/2025.
    expect(first).toEqual(["1", communes[0]!.name, communes[0]!.district, "2022", "UBND xã", "Khuyến khích", "Đơn vị chủ quản đã hết hiệu lực (cấp huyện kết thúc ngày 30/6/2025); cần ghi đơn vị kế thừa."]);
    await shoot(page, "dost-01-registry-preview");

    await page.getByTestId("registry-publish").click();
    const created = unique.size + districts.size;
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Đã ghi" }).textContent(), { timeout: 30_000 })
      .toBe(`Đã ghi ${created} cơ quan mới, 0 cơ quan đã có.`);
    await visible(page.getByRole("heading", { name: `Danh mục (${created})` }));
    expect(await page.getByTestId("registry-row").count()).toBe(created);
    expect(await preview.count()).toBe(0);

    await page.getByTestId("registry-search").fill("muong ly");
    await expect.poll(() => page.getByTestId("registry-row").count()).toBe(1);
    const row = page.getByTestId("registry-row");
    expect((await row.locator("td").nth(1).textContent())?.normalize("NFC")).toBe("UBND xã Mường Lý — UBND huyện Mường Lát");
    expect(await row.getByRole("combobox").inputValue()).toBe("commune_committee");
    await shoot(page, "dost-02-registry-search");
    await page.getByTestId("registry-search").fill("MUONG LAT");
    // The district's committee, the town and the communes under Mường Lát all carry the name or the parent's.
    await expect.poll(async () => (await page.getByTestId("registry-row").locator("td:nth-child(2)").allTextContents()).every((t) => foldVietnamese(t).includes("muong lat"))).toBe(true);
    expect(await page.getByTestId("registry-row").count()).toBeGreaterThan(1);
  });

  it("b: the console's edits sync by themselves, and the server holds every published agency", async () => {
    await expect.poll(() => page.getByTestId("unsynced-count").textContent(), { timeout: 60_000 }).toBe("Không còn gì chưa gửi");
    const pulled = await a.pullAll(await a.login(USERS.dost, PASSWORD));
    const agencies = rowsOf(pulled, "agency");
    expect(agencies.size).toBe(unique.size + districts.size);
    expect([...agencies.values()].every((r) => r.province === PROVINCE)).toBe(true);
    const parents = [...agencies.values()].filter((r) => r.parentId === null);
    expect(new Set(parents.map((r) => foldVietnamese(String(r.name)).replace(/^ubnd huyen /, "huyen ")))).toEqual(districts);
    // Every commune of the seed under its own district.
    const held = new Set(
      [...agencies.values()].filter((r) => r.parentId !== null).map((r) => `${foldVietnamese(String(agencies.get(String(r.parentId))?.name)).replace(/^ubnd huyen /, "huyen ")}|${foldVietnamese(String(r.name))}`),
    );
    expect(held).toEqual(unique);
    // Each commune's cohort year (the list heading it sits under) went out as an adoption record.
    expect(rowsOf(pulled, "adoption").size).toBe(unique.size);
  });

  it("c: merged results equal GET /api/dost/summary, and a figure opens the inspections behind it", async () => {
    // A team lead's tablet pushes three inspections of the year: two finalized with results, one still a draft.
    const dostToken = await a.login(USERS.dost, PASSWORD);
    const agencies = rowsOf(await a.pullAll(dostToken), "agency");
    const idOf = (name: string) => [...agencies].find(([, r]) => r.name === name)![0];
    const plan: { agency: string; mode: "onsite" | "desk"; status: "finalized" | "draft"; results: Record<string, Outcome> }[] = [
      { agency: "UBND xã Mường Lý", mode: "onsite", status: "finalized", results: { "I.a.1": "conform", "I.b.1": "nonconform", "II.a.1": "partial" } },
      { agency: "UBND xã Thành Thọ", mode: "desk", status: "finalized", results: { "I.a.1": "nonconform", "I.b.1": "nonconform", "II.a.1": "conform" } },
      { agency: "UBND xã Thạch Cẩm", mode: "desk", status: "draft", results: { "I.a.1": "nonconform" } },
    ];
    const leadToken = await a.login(USERS.lead, PASSWORD);
    const write = changeWriter("th-lead-tablet", USERS.lead);
    for (const [n, p] of plan.entries()) {
      const id = `th-insp-${n + 1}`;
      const startedOn = `${YEAR}-0${n + 3}-1${n}`;
      await a.push(leadToken, "th-lead-tablet", [
        ...write("inspection", id, {
          agencyId: idOf(p.agency), planId: null, checklistId: "tt26-dieu-36", checklistVersion: "1", mode: p.mode, teamId: TEAM,
          province: PROVINCE, startedOn, decisionRef: `${n + 10}/QĐ-SKHCN`,
        }),
        ...Object.entries(p.results).flatMap(([code, outcome]) => write("result", `${id}/${code}`, { inspectionId: id, criterionCode: code, outcome })),
        ...write("inspection", id, p.status === "finalized" ? { signedOn: startedOn, status: "finalized" } : { status: "draft" }),
      ]);
    }

    // The server's summary counts what was pushed: criteria of finalized inspections only.
    const summaryRes = await fetch(`${server.url}/api/dost/summary?year=${YEAR}`, { headers: { Authorization: `Bearer ${dostToken}` } });
    expect(summaryRes.status).toBe(200);
    const summary = (await summaryRes.json()) as DostSummary;
    const tally = new Map<string, Record<Outcome, number>>();
    for (const p of plan.filter((x) => x.status === "finalized")) {
      for (const [code, o] of Object.entries(p.results)) {
        const t = tally.get(code) ?? { conform: 0, partial: 0, nonconform: 0, observation: 0, na: 0 };
        t[o]++;
        tally.set(code, t);
      }
    }
    expect(summary.inspections).toEqual({ onsite: 1, desk: 2, finalized: 2, draft: 1, submitted: 0 });
    // Each criterion is named by its title in the built-in TT 26 Art. 36 checklist the inspections used.
    const tt26 = BUILTIN_CHECKLISTS.find((c) => c.id === "tt26-dieu-36")!;
    const titleOf = (code: string) => criterionTitle(tt26.sections.flatMap((x) => x.items.flatMap((i) => i.criteria)).find((c) => c.code === code)!);
    expect(summary.criteria).toEqual([...tally].map(([code, t]) => ({ code, title: titleOf(code), ...t })));

    // The console, on the merged-results tab for that year, shows the same figures.
    await page.getByRole("tab", { name: "Kết quả tổng hợp" }).click();
    await page.getByTestId("dost-year").fill(String(YEAR));
    const criteria = page.getByTestId("criteria");
    await visible(criteria, 30_000);
    await expect.poll(() => criteria.locator("tbody tr").count(), { timeout: 15_000 }).toBe(summary.criteria.length);
    const shown = await criteria.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector("th")?.firstChild?.textContent ?? "",
        tr.querySelector("th [data-testid=criterion-title]")?.textContent?.normalize("NFC") ?? "",
        ...[...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
      ]),
    );
    expect(shown).toEqual(summary.criteria.map((k) => [k.code, k.title, ...OUTCOMES.map((o) => String(k[o]))]));
    const totals = await page.getByTestId("form-status").locator("tbody tr").last().locator("td").allTextContents();
    expect(totals).toEqual([String(summary.inspections.desk), String(summary.inspections.onsite)]);
    const finalizedRow = await page.getByTestId("form-status").locator("tbody tr", { hasText: "Đã ký" }).locator("td").allTextContents();
    expect(finalizedRow.reduce((s, x) => s + Number(x), 0)).toBe(summary.inspections.finalized);
    // No plan was published for the province: coverage counts all three as outside the plan.
    const coverage = (await page.getByTestId("coverage").textContent())!.normalize("NFC");
    expect(coverage).toContain("Kế hoạch: 0 ");
    expect(coverage).toContain(`ngoài kế hoạch ${plan.length}`);
    await shoot(page, "dost-03-merged-results");

    // "I.b.1 / Không đạt" opens the two finalized inspections that found it, by agency name.
    const nonconformAt = 1 + OUTCOMES.indexOf("nonconform");
    const cell = criteria.locator("tbody tr", { has: page.locator("th", { hasText: /^I\.b\.1(?!\d)/ }) }).locator("td").nth(nonconformAt - 1);
    expect(await cell.textContent()).toBe("2");
    await cell.getByTestId("figure").click();
    const list = page.getByTestId("inspection-list");
    await visible(list);
    await expect.poll(() => list.getByTestId("inspection-list-item").count(), { timeout: 15_000 }).toBe(2);
    const items = (await list.getByTestId("inspection-list-item").allTextContents()).map((t) => t.normalize("NFC"));
    expect(items.map((t) => plan.find((p) => t.includes(p.agency))?.agency).sort()).toEqual(["UBND xã Mường Lý", "UBND xã Thành Thọ"]);
    expect(items.join("\n")).not.toContain("Thạch Cẩm");
    await shoot(page, "dost-04-inspection-list");
    await list.getByRole("button", { name: "Đóng" }).click();
    expect(await list.count()).toBe(0);

    // d: a team without a link carries its tablet's sync bundle to DOST; the console sends it to the server.
    const carry = changeWriter("th-offline-tablet", USERS.lead);
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from("ảnh sổ công văn")]);
    const sha = createHash("sha256").update(photo).digest("hex");
    const carried = [
      ...carry("result", "th-insp-9/I.b.1", { inspectionId: "th-insp-9", criterionCode: "I.b.1", outcome: "nonconform", severity: "minor" }),
      ...carry("attachment", "th-att-9", { ownerId: "th-insp-9/I.b.1", inspectionId: "th-insp-9", sha256: sha, mime: "image/jpeg", bytes: photo.length, caption: "Sổ công văn" }),
      ...carry("inspection", "th-insp-9", { agencyId: idOf("UBND xã Trung Lý"), planId: null, checklistId: "tt26-dieu-36", checklistVersion: "1", mode: "onsite", teamId: TEAM, province: PROVINCE, startedOn: `${YEAR}-06-02`, signedOn: `${YEAR}-06-02`, status: "finalized" }),
    ];
    const bundle = { format: "htqlcl-bundle/1", changes: carried, blobs: { [sha]: photo.toString("base64") }, province: PROVINCE, team: TEAM };
    await page.getByRole("tab", { name: "Nhập gói đồng bộ" }).click();
    await page.getByTestId("dost-bundle-file").setInputFiles({ name: "htqlcl-goi-dong-bo.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bundle)) });
    const result = page.getByTestId("dost-bundle-result");
    await visible(result, 30_000);
    expect(await result.getByTestId("dost-bundle-new").textContent()).toBe(`${carried.length} thay đổi mới được nhận`);
    expect(await result.getByTestId("dost-bundle-photos").textContent()).toBe("1 ảnh được lưu");
    await shoot(page, "dost-10-bundle-import");
    // A truncated copy of the file is named, and nothing is sent.
    await page.getByTestId("dost-bundle-file").setInputFiles({ name: "cat-do.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bundle).slice(0, 200)) });
    await expect.poll(() => page.getByRole("alert").textContent(), { timeout: 15_000 }).toMatch(/^cat-do\.json: Tệp gói đồng bộ bị hỏng hoặc chưa chép hết/);
    // The merged results now count the carried inspection: I.b.1 not met three times.
    await page.getByRole("tab", { name: "Kết quả tổng hợp" }).click();
    await visible(criteria, 30_000);
    await expect.poll(() => criteria.locator("tbody tr", { has: page.locator("th", { hasText: /^I\.b\.1(?!\d)/ }) }).locator("td").nth(nonconformAt - 1).textContent(), { timeout: 15_000 }).toBe("3");
    const photoRes = await fetch(`${server.url}/api/blobs/${sha}`, { headers: { Authorization: `Bearer ${leadToken}` } });
    expect(Buffer.from(await photoRes.arrayBuffer()).equals(photo)).toBe(true);

    // The other tabs open for the same province-year (pictures for the layout review).
    for (const [n, tab] of [[5, "Bộ tiêu chí"], [6, "Kế hoạch kiểm tra"], [7, "Tiến độ áp dụng"], [8, "Theo dõi khắc phục"], [9, "Báo cáo"]] as const) {
      await page.getByRole("tab", { name: tab }).click();
      expect(await page.getByRole("tab", { name: tab }).getAttribute("aria-selected")).toBe("true");
      await visible(page.getByRole("tabpanel"));
      await shoot(page, `dost-0${n}-${foldVietnamese(tab).replace(/ /g, "-")}`);
    }
  });
});
