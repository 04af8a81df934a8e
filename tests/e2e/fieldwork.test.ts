import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Change } from "../../src/domain/change";
import { ENTITIES, type EntityName } from "../../src/domain/entities";
import { api, type Api } from "./support/api";
import { PASSWORD, seedProvince, type Province } from "./support/seedProvince";
import { startBrowser, type RunningBrowser } from "./support/startBrowser";
import { startServer, type RunningServer } from "./support/startServer";
import { testPhoto } from "./support/testPhoto";
import { drawSignature } from "./support/drawSignature";
import { inkOf } from "./support/inkOf";
import { storedInspection } from "./support/storedInspection";
import { expectSaved, logIn, openCriterion, outcomeButton, score, shoot, typeDate, visible } from "./support/ui";

const ADMIN = "admin-pass-e2e-123";

/**
 * One team lead's tablet through issue 6's scenarios 1–4 and 7, in order: first visit online, days offline, back
 * online, a killed browser, the record PDF with the network cut. One server and one browser profile throughout.
 */
describe("an inspector's tablet, from the first visit to the PDF", () => {
  let dir: string;
  let server: RunningServer;
  let b: RunningBrowser;
  let page: Page;
  let a: Api;
  let province: Province;
  let inspectionUrl = "";

  const restartServer = async () => {
    server = await startServer({ port: server.port, dataDir: join(dir, "data"), staticDir: inject("distA"), adminPassword: ADMIN });
  };
  const goOffline = async () => {
    await server.stop();
    await b.context.setOffline(true);
  };
  const restartBrowser = async (offline: boolean) => {
    await b.close();
    b = await startBrowser(join(dir, "profile"));
    await b.context.setOffline(offline);
    page = await b.context.newPage();
    await page.setViewportSize({ width: 800, height: 1280 });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "e2e-fieldwork-"));
    server = await startServer({ dataDir: join(dir, "data"), staticDir: inject("distA"), adminPassword: ADMIN });
    a = api(server.url);
    province = await seedProvince(a, ADMIN);
    b = await startBrowser(join(dir, "profile"));
    page = await b.context.newPage();
    await page.setViewportSize({ width: 800, height: 1280 });
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("1. first visit online: log in, and the assignments, agencies and checklists come down", async () => {
    await page.goto(server.url);
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    await visible(page.getByRole("heading", { name: "Đăng nhập" }));
    await shoot(page, "01-login");
    await logIn(page, province.users.lead, PASSWORD);

    // The plan's two assignments for this team (not the one for doan-2), with the agencies' names.
    const assigned = page.getByTestId("assigned-item");
    await expect.poll(() => assigned.count(), { timeout: 30_000 }).toBe(2);
    const texts = await assigned.allTextContents();
    expect(texts[0]).toContain("Ủy ban nhân dân xã Đình Lập");
    expect(texts[0]).toContain("Tại trụ sở · 05/2026");
    expect(texts[1]).toContain("Ủy ban nhân dân phường Lương Văn Tri");
    expect(texts[1]).toContain("Qua hồ sơ, báo cáo · 06/2026");
    expect(texts.join()).not.toContain("Sở Tư pháp");
    await shoot(page, "02-home");

    // Every agency of the province is in the picker, found without diacritics too.
    await page.getByTestId("new-inspection").click();
    const options = page.getByTestId("agency-option");
    await expect.poll(() => options.count()).toBe(3);
    await page.getByTestId("agency-search").fill("so tu phap");
    await expect.poll(() => options.allTextContents()).toEqual(["Sở Tư pháp tỉnh Lạng Sơn"]);
    await page.getByTestId("agency-search").fill("");
    await shoot(page, "03-agency-picker");

    // The province's published checklist version is offered beside the built-in ones, and the team's members.
    await options.filter({ hasText: "Sở Tư pháp" }).click();
    await visible(page.getByRole("heading", { name: "Bắt đầu cuộc kiểm tra" }));
    const offered = () => page.getByTestId("checklist-select").locator("option").allTextContents();
    await expect.poll(offered).toContain("Nội dung kiểm tra theo Điều 36 Thông tư 26/2014/TT-BKHCN (1)");
    expect(await offered()).toContain(`${province.checklist.title} (1)`);
    await expect.poll(() => page.getByTestId("team-members").locator("input").first().inputValue()).toBe("Hoàng Văn Thắng");
    await shoot(page, "04-start");

    await page.getByRole("link", { name: "Cài đặt" }).click();
    await visible(page.getByRole("heading", { name: "Cài đặt", level: 1 }));
    await shoot(page, "10-settings");

    // Installed: the service worker controls the app once it is opened again, so it starts without a network.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.url}/`);
    await page.getByRole("link", { name: "Kiểm tra ISO hành chính công" }).click();
    await visible(page.getByRole("heading", { name: "Trang chủ" }));
    await page.goto(server.url);
    await visible(page.getByRole("heading", { name: "Trang chủ" }));
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  it("2. network cut, app restarted: it starts; an inspection is scored with a photo, a finding and an action; all survive a reload", async () => {
    await goOffline();
    await restartBrowser(true);
    await page.goto(server.url);
    await visible(page.getByRole("heading", { name: "Trang chủ" }), 30_000);
    await expect.poll(() => page.getByTestId("assigned-item").count()).toBe(2);

    // Start the on-site assignment from the plan.
    await page.getByTestId("assigned-item").filter({ hasText: "xã Đình Lập" }).getByRole("button", { name: "Bắt đầu" }).click();
    await visible(page.getByRole("heading", { name: "Bắt đầu cuộc kiểm tra" }));
    expect(await page.getByTestId("start-agency").textContent()).toBe("Ủy ban nhân dân xã Đình Lập");
    await page.getByTestId("checklist-select").selectOption({ label: `${province.checklist.title} (1)` });
    await page.getByTestId("decision-ref").fill("45/QĐ-SKHCN");
    await page.getByTestId("lead-name").fill("Hoàng Văn Thắng");
    await page.getByTestId("agency-representative").fill("Lý Thị Mai");
    await page.getByTestId("create-inspection").click();
    await visible(page.getByTestId("criterion-panel"));
    await expectSaved(page);
    inspectionUrl = page.url().replace(/\?.*$/, "");
    expect(inspectionUrl).toMatch(/#\/i\/[0-9a-f-]{36}\/score$/);

    // I.a.1 conform; I.b.1 nonconform (major) with a note and a photo; II.a.1 partly; II.b.1 an observation.
    await openCriterion(page, "I.a.1");
    await score(page, "Đạt");
    await openCriterion(page, "I.b.1");
    await score(page, "Không đạt");
    await page.getByRole("group", { name: "Mức độ" }).getByRole("button", { name: "nặng" }).click();
    await expectSaved(page);
    await page.getByTestId("criterion-note").fill("Chưa phổ biến quy trình ISO cho công chức bộ phận một cửa.");
    await page.getByTestId("criterion-note").blur();
    await expectSaved(page);
    await page.getByTestId("photo-caption").fill("Bảng niêm yết thủ tục hành chính");
    await page.getByTestId("photo-gallery").setInputFiles({ name: "niem-yet.png", mimeType: "image/png", buffer: testPhoto(640, 480, 1) });
    await expect.poll(() => page.getByTestId("photo-thumb").getAttribute("data-has-bytes"), { timeout: 15_000 }).toBe("1");
    await expectSaved(page);
    await openCriterion(page, "II.a.1");
    await score(page, "Đạt một phần");
    await openCriterion(page, "II.b.1");
    await score(page, "Lưu ý");
    await shoot(page, "05-scoring");

    // Findings proposed from the scoring; one gets a corrective action with an owner and a due date.
    await page.getByTestId("tab-findings").click();
    await page.getByTestId("propose-findings").click();
    await expect.poll(() => page.getByTestId("finding").count()).toBe(2);
    await expectSaved(page);
    const finding = page.getByTestId("finding").filter({ has: page.getByRole("heading", { name: "I.b.1" }) });
    await finding.getByTestId("add-action").click();
    await visible(finding.getByTestId("action"));
    await finding.getByTestId("action-description").fill("Tổ chức phổ biến quy trình cho toàn bộ công chức bộ phận một cửa.");
    await finding.getByTestId("action-owner").fill("Văn phòng HĐND và UBND xã");
    await typeDate(finding.getByTestId("action-due"), "2026-07-31");
    await finding.getByTestId("action-description").click();
    await finding.getByTestId("action-owner").click();
    await expectSaved(page);
    await shoot(page, "06-findings");

    // A reload, still offline: everything is read back from the tablet.
    await page.reload();
    await visible(page.getByTestId("finding"), 30_000);
    const f = page.getByTestId("finding").filter({ has: page.getByRole("heading", { name: "I.b.1" }) });
    expect(await f.getByTestId("finding-kind").inputValue()).toBe("nonconformity:major");
    expect(await f.getByTestId("finding-text").inputValue()).toContain("Chưa phổ biến quy trình ISO");
    expect(await f.getByTestId("action-description").inputValue()).toBe("Tổ chức phổ biến quy trình cho toàn bộ công chức bộ phận một cửa.");
    expect(await f.getByTestId("action-owner").inputValue()).toBe("Văn phòng HĐND và UBND xã");
    expect(await f.getByTestId("action-due").inputValue()).toBe("31/07/2026");
    await page.getByTestId("tab-score").click();
    await openCriterion(page, "I.b.1");
    expect(await outcomeButton(page, "Không đạt").getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByRole("group", { name: "Mức độ" }).getByRole("button", { name: "nặng" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByTestId("criterion-note").inputValue()).toBe("Chưa phổ biến quy trình ISO cho công chức bộ phận một cửa.");
    expect(await page.getByTestId("photo-thumb").getAttribute("data-has-bytes")).toBe("1");
    expect(await page.getByTestId("photo-thumb").locator("figcaption").textContent()).toBe("Bảng niêm yết thủ tục hành chính");
    for (const [code, label] of [["I.a.1", "Đạt"], ["II.a.1", "Đạt một phần"], ["II.b.1", "Lưu ý"]] as const) {
      await openCriterion(page, code);
      expect(await outcomeButton(page, label).getAttribute("aria-pressed")).toBe("true");
    }
    await page.getByTestId("tab-review").click();
    await visible(page.getByTestId("section-counts"));
    await shoot(page, "07-review");
    const unsynced = await page.getByTestId("unsynced-count").textContent();
    expect(unsynced).toMatch(/^1 cuộc kiểm tra( · .+)? chưa gửi$/);
  });

  it("3. network back: sync finishes by itself, and the server holds exactly those changes", async () => {
    await restartServer();
    await b.context.setOffline(false);
    await expect.poll(() => page.getByTestId("unsynced-count").textContent(), { timeout: 60_000 }).toBe("Không còn gì chưa gửi");

    const inspectionId = /#\/i\/([^/]+)\//.exec(inspectionUrl)![1]!;
    const dost = await a.login(province.users.dost, PASSWORD);
    const all = await a.pullAll(dost);
    const mine = all.filter((c) => c.device !== "dost-office-pc");
    const byField = new Map<string, Change[]>();
    for (const c of mine) byField.set(`${c.entity}.${c.field}`, [...(byField.get(`${c.entity}.${c.field}`) ?? []), c]);
    const count = (k: string) => byField.get(k)?.length ?? 0;
    const values = (k: string) => (byField.get(k) ?? []).map((c) => c.value);

    // One tablet wrote all of them, each once.
    expect(new Set(mine.map((c) => c.device)).size).toBe(1);
    expect(new Set(mine.map((c) => c.id)).size).toBe(mine.length);
    expect(new Set(mine.map((c) => c.user))).toEqual(new Set([province.users.lead]));

    // The inspection: one row, every field written once.
    const insp = mine.filter((c) => c.entity === "inspection");
    expect(new Set(insp.map((c) => c.rowId))).toEqual(new Set([inspectionId]));
    expect(insp.length).toBe(new Set(insp.map((c) => c.field)).size);
    const field = (f: string) => insp.find((c) => c.field === f)?.value;
    expect(field("agencyId")).toBe("ag-xa-dinh-lap");
    expect(field("planId")).toBe(province.planId);
    expect(field("checklistId")).toBe("lang-son-2026");
    expect(field("mode")).toBe("onsite");
    expect(field("teamId")).toBe("doan-1");
    expect(field("status")).toBe("draft");
    expect(field("decisionRef")).toBe("45/QĐ-SKHCN");
    expect(field("agencyRepresentative")).toBe("Lý Thị Mai");

    // Results: four criteria, their outcomes once each, one severity, one note.
    const results = mine.filter((c) => c.entity === "result");
    expect(new Set(results.map((c) => c.rowId))).toEqual(new Set(["I.a.1", "I.b.1", "II.a.1", "II.b.1"].map((k) => `${inspectionId}/${k}`)));
    expect(count("result.outcome")).toBe(4);
    expect(Object.fromEntries((byField.get("result.outcome") ?? []).map((c) => [c.rowId.split("/")[1], c.value]))).toEqual({
      "I.a.1": "conform", "I.b.1": "nonconform", "II.a.1": "partial", "II.b.1": "observation",
    });
    expect(values("result.severity")).toEqual(["major"]);
    expect(values("result.note")).toEqual(["Chưa phổ biến quy trình ISO cho công chức bộ phận một cửa."]);
    expect(count("result.inspectionId")).toBe(4);
    expect(count("result.criterionCode")).toBe(4);

    // Two proposed findings, one action with its owner and due date, one photo with its bytes on the server.
    expect(new Set(mine.filter((c) => c.entity === "finding").map((c) => c.rowId)).size).toBe(2);
    expect(values("finding.severity").sort()).toEqual(["major", "minor"]);
    const actionRows = new Set(mine.filter((c) => c.entity === "action").map((c) => c.rowId));
    expect(actionRows.size).toBe(1);
    expect(values("action.description").at(-1)).toBe("Tổ chức phổ biến quy trình cho toàn bộ công chức bộ phận một cửa.");
    expect(values("action.owner").at(-1)).toBe("Văn phòng HĐND và UBND xã");
    expect(values("action.dueOn").at(-1)).toBe("2026-07-31");
    expect(values("attachment.caption")).toEqual(["Bảng niêm yết thủ tục hành chính"]);
    expect(values("attachment.ownerId")).toEqual([`${inspectionId}/I.b.1`]);
    const sha = String(values("attachment.sha256")[0]);
    const blob = await a.blob(dost, sha);
    expect(blob.status).toBe(200);
    // Chromium encodes WebP: the photo is stored and served as WebP (the PDF carries it as JPEG).
    expect(values("attachment.mime")).toEqual(["image/webp"]);
    expect(blob.mime).toBe("image/webp");
    expect([Buffer.from(blob.bytes.subarray(0, 4)).toString("latin1"), Buffer.from(blob.bytes.subarray(8, 12)).toString("latin1")]).toEqual(["RIFF", "WEBP"]);
    expect(blob.bytes.length).toBe(values("attachment.bytes")[0]);

    // Nothing else: every change counted by entity and field is one the steps above made. New rows write every
    // field once; then the result fields scored, the action's three edits.
    const expected: Record<string, number> = {};
    const add = (entity: EntityName, fields: readonly string[], n: number) => {
      for (const f of fields) expected[`${entity}.${f}`] = (expected[`${entity}.${f}`] ?? 0) + n;
    };
    // The issuer settings are frozen into the inspection at finalize, not before.
    add("inspection", Object.keys(ENTITIES.inspection.fields).filter((f) => f !== "issuer"), 1);
    add("result", ["inspectionId", "criterionCode", "outcome"], 4);
    add("result", ["severity", "note"], 1);
    add("finding", Object.keys(ENTITIES.finding.fields), 2);
    add("action", Object.keys(ENTITIES.action.fields), 1);
    add("action", ["description", "owner"], 1);
    // The due date may be written twice with the same value (on the keystroke that completes it, and on leaving the
    // field before the screen has re-read it): counted apart, its values checked.
    const dueOn = values("action.dueOn");
    byField.delete("action.dueOn");
    expect(dueOn[0]).toBeNull();
    expect(dueOn.length).toBeGreaterThanOrEqual(2);
    expect(new Set(dueOn.slice(1))).toEqual(new Set(["2026-07-31"]));
    delete expected["action.dueOn"];
    add("attachment", Object.keys(ENTITIES.attachment.fields), 1);
    expect(Object.fromEntries([...byField].map(([k, v]) => [k, v.length]))).toEqual(expected);
  });

  it("4. the browser is killed in the middle of scoring; it reopens by itself on that criterion, and every edit that showed saved is there", async () => {
    await page.getByRole("link", { name: "Kiểm tra ISO hành chính công" }).click();
    await page.getByTestId("assigned-item").filter({ hasText: "phường Lương Văn Tri" }).getByRole("button", { name: "Bắt đầu" }).click();
    await visible(page.getByRole("heading", { name: "Bắt đầu cuộc kiểm tra" }));
    expect(await page.getByRole("radio", { name: "Qua hồ sơ, báo cáo" }).isChecked()).toBe(true);
    await page.getByTestId("checklist-select").selectOption({ label: `${province.checklist.title} (1)` });
    await page.getByTestId("decision-ref").fill("46/QĐ-SKHCN");
    await page.getByTestId("create-inspection").click();
    await visible(page.getByTestId("criterion-panel"));
    await expectSaved(page);

    // Edits each seen as "Đã lưu trên máy" before the next.
    const saved: { code: string; outcome: string; note?: string }[] = [];
    await openCriterion(page, "I.a.1");
    await score(page, "Đạt");
    saved.push({ code: "I.a.1", outcome: "Đạt" });
    await openCriterion(page, "I.b.1");
    await score(page, "Đạt một phần");
    await page.getByTestId("criterion-note").fill("Đã phổ biến cho 8/10 công chức.");
    await page.getByTestId("criterion-note").blur();
    await expectSaved(page);
    saved.push({ code: "I.b.1", outcome: "Đạt một phần", note: "Đã phổ biến cho 8/10 công chức." });

    // In the middle of scoring the next one: a tap and some typing, then the browser process dies (SIGKILL).
    await openCriterion(page, "II.a.1");
    await outcomeButton(page, "Không đạt").click();
    const pressed = await outcomeButton(page, "Không đạt").getAttribute("aria-pressed");
    const state = await page.getByTestId("save-status").getAttribute("data-state");
    if (pressed === "true" && state === "saved") saved.push({ code: "II.a.1", outcome: "Không đạt" });
    await page.getByTestId("criterion-note").pressSequentially("Chưa có quyết định", { delay: 5 });
    const killedAt = /#\/i\/([0-9a-f-]{36})\/score\?c=II\.a\.1$/.exec(page.url());
    expect(killedAt, page.url()).not.toBeNull();
    await b.kill();

    // The app is opened at its bare address (the home screen icon), not at the route: it resumes by itself on the
    // same inspection and criterion, without going through the home screen.
    b = await startBrowser(join(dir, "profile"));
    page = await b.context.newPage();
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.goto(server.url);
    await visible(page.getByTestId("criterion-panel"), 30_000);
    expect(page.url()).toBe(`${server.url}/#/i/${killedAt![1]}/score?c=II.a.1`);
    expect(await page.getByTestId("criterion-panel").getAttribute("data-code")).toBe("II.a.1");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Ủy ban nhân dân phường Lương Văn Tri");
    expect(await page.getByRole("heading", { name: "Trang chủ" }).count()).toBe(0);
    await shoot(page, "11-resumed-after-kill");

    // Every saved edit is there.
    for (const s of saved) {
      await openCriterion(page, s.code);
      expect(await outcomeButton(page, s.outcome).getAttribute("aria-pressed")).toBe("true");
      if (s.note) expect(await page.getByTestId("criterion-note").inputValue()).toBe(s.note);
    }
    // The edits also reach the server once the tablet syncs by itself.
    await expect.poll(() => page.getByTestId("unsynced-count").textContent(), { timeout: 60_000 }).toBe("Không còn gì chưa gửi");
    const id = /#\/i\/([^/]+)\//.exec(page.url())![1]!;
    const code: Record<string, string> = { "Đạt": "conform", "Đạt một phần": "partial", "Không đạt": "nonconform" };
    const onServer = await a.pullAll(await a.login(province.users.dost, PASSWORD));
    for (const s of saved) {
      const outcome = onServer.filter((c) => c.entity === "result" && c.field === "outcome" && c.rowId === `${id}/${s.code}`).at(-1);
      expect(outcome?.value, s.code).toBe(code[s.outcome]);
    }
  });

  it("the lead signs with a finger: the drawing saves itself, survives a reload and is shown instead of the pad", async () => {
    const id = /#\/i\/([^/]+)\//.exec(inspectionUrl)![1]!;
    await page.goto(inspectionUrl.replace(/\/score$/, "/review"));
    const pad = page.getByTestId("lead-signature");
    await visible(pad.locator("canvas"));
    expect(await pad.getAttribute("data-signed")).toBe("0");
    expect((await storedInspection(page, id))?.leadSignature ?? null).toBeNull();

    await drawSignature(page, pad.locator("canvas"));
    // No button to press: it is stored each time the finger rests, the second stroke joining the first in one drawing
    // at full size, where they were drawn.
    const signature = async () => (await storedInspection(page, id))?.leadSignature ?? null;
    await expect.poll(signature, { timeout: 15_000 }).toMatch(/^data:image\/png;base64,/);
    await expect.poll(async () => (await inkOf(page, String(await signature()))).right, { timeout: 15_000 }).toBeGreaterThan(0.001);
    await expectSaved(page);
    expect(await pad.getByRole("button", { name: "Lưu chữ ký" }).count()).toBe(0);
    const stored = String(await signature());
    const ink = await inkOf(page, stored);
    expect({ width: ink.width, height: ink.height }).toEqual({ width: 960, height: 360 });
    expect(ink.left).toBeGreaterThan(0.002);
    // The agency representative's pad is untouched.
    expect((await storedInspection(page, id))?.agencySignature ?? null).toBeNull();
    await shoot(page, "12-signature");

    await page.reload();
    const image = page.getByTestId("lead-signature-image");
    await visible(image, 30_000);
    expect(await image.getAttribute("src")).toBe(stored);
    expect(await pad.getAttribute("data-signed")).toBe("1");
    expect(await page.getByTestId("agency-signature").locator("canvas").count()).toBe(1);
    // The change reaches the server like any other edit.
    await expect.poll(() => page.getByTestId("unsynced-count").textContent(), { timeout: 60_000 }).toBe("Không còn gì chưa gửi");
    const onServer = await a.pullAll(await a.login(province.users.dost, PASSWORD));
    expect(onServer.filter((c) => c.entity === "inspection" && c.rowId === id && c.field === "leadSignature").at(-1)?.value).toBe(stored);
  });

  it("7. the inspection record PDF is produced with the network cut", async () => {
    await goOffline();
    await page.getByRole("link", { name: "Kiểm tra ISO hành chính công" }).click();
    await page.getByTestId("inspection-item").filter({ hasText: "xã Đình Lập" }).getByRole("button", { name: "Mở" }).click();
    await page.getByTestId("tab-review").click();
    await visible(page.getByTestId("export-pdf"));
    const download = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("button", { name: "Xuất biên bản PDF" }).click();
    const file = join(dir, "bien-ban.pdf");
    await (await download).saveAs(file);
    // Table cells wrap lines: compare with whitespace collapsed.
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).normalize("NFC").replace(/\s+/g, " ");
    expect(text).toContain("BIÊN BẢN KIỂM TRA");
    expect(text).toContain("Ủy ban nhân dân xã Đình Lập");
    expect(text).toContain("Quyết định số 45/QĐ-SKHCN");
    expect(text).toContain("Chưa phổ biến quy trình ISO cho công chức bộ phận một cửa (mức nặng)");
    expect(text).toContain("Tổ chức phổ biến quy trình cho toàn bộ công chức bộ phận một cửa. Văn phòng HĐND và UBND xã");
    expect(text).toContain("Ảnh 1 (I.b.1): Bảng niêm yết thủ tục hành chính");
    // The lead's drawn signature is on the record, at the size it was drawn: 960 × 360 beside the photo.
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).split("\n").slice(2).map((l) => l.trim().split(/\s+/));
    expect(images.filter((c) => c[2] === "image").map((c) => `${c[3]}x${c[4]}`)).toContain("960x360");
    await restartServer();
    await b.context.setOffline(false);
  });

  it("6. a new build is deployed while the app is open: the update prompt appears and the open inspection is not disturbed", async () => {
    await page.getByRole("link", { name: "Kiểm tra ISO hành chính công" }).click();
    await page.getByTestId("inspection-item").filter({ hasText: "phường Lương Văn Tri" }).getByRole("button", { name: "Mở" }).click();
    await openCriterion(page, "II.b.1");
    await score(page, "Đạt");
    const note = page.getByTestId("criterion-note");
    await note.fill("Đã có quyết định công bố, đang chờ niêm yết");
    const entry = async () => page.evaluate(() => new URL(document.querySelector<HTMLScriptElement>("script[type=module][src]")!.src).pathname);
    const entryOf = (dist: string) => /src="([^"]*\/assets\/index-[^"]+\.js)"/.exec(readFileSync(join(dist, "index.html"), "utf8"))![1];
    expect(entryOf(inject("distA"))).not.toBe(entryOf(inject("distB")));
    expect(await entry()).toBe(entryOf(inject("distA")));
    let loads = 0;
    page.on("load", () => loads++);
    const before = page.url();

    // The new build goes live on the same address and database.
    await server.stop();
    server = await startServer({ port: server.port, dataDir: join(dir, "data"), staticDir: inject("distB"), adminPassword: ADMIN });
    // The user opens the app once more (a second tab): the browser checks for a new version on that navigation.
    const other = await b.context.newPage();
    await other.goto(server.url);
    const prompt = page.getByTestId("update-prompt");
    await visible(prompt, 60_000);
    expect(await prompt.getByRole("strong").or(prompt.locator("strong")).first().textContent()).toBe("Có phiên bản mới");
    await other.close();

    // Nothing moved: no reload, same place, the typing still in the field and then saved.
    expect(loads).toBe(0);
    expect(page.url()).toBe(before);
    expect(await page.getByTestId("criterion-panel").getAttribute("data-code")).toBe("II.b.1");
    expect(await note.inputValue()).toBe("Đã có quyết định công bố, đang chờ niêm yết");
    await note.blur();
    await expectSaved(page);
    await shoot(page, "08-update-prompt");

    // Accepting activates the new version: one reload, back on the same criterion with everything saved.
    const reloaded = page.waitForEvent("load", { timeout: 60_000 });
    await prompt.getByRole("button", { name: "Cập nhật" }).click();
    await reloaded;
    await visible(page.getByTestId("criterion-panel"), 30_000);
    expect(await page.getByTestId("criterion-panel").getAttribute("data-code")).toBe("II.b.1");
    expect(await outcomeButton(page, "Đạt").getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByTestId("criterion-note").inputValue()).toBe("Đã có quyết định công bố, đang chờ niêm yết");
    expect(await entry()).toBe(entryOf(inject("distB")));
    expect(await page.getByTestId("update-prompt").count()).toBe(0);
  });
});
