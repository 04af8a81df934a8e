import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api, type Api } from "./support/api";
import { PASSWORD, seedProvince, type Province } from "./support/seedProvince";
import { startBrowser, type RunningBrowser } from "./support/startBrowser";
import { startServer, type RunningServer } from "./support/startServer";
import { expectSaved, logIn, openCriterion, outcomeButton, score, shoot, visible } from "./support/ui";

const ADMIN = "admin-pass-e2e-123";
const AGENCY = "Ủy ban nhân dân xã Đình Lập";

/** Whether a conflict card shows an outcome, by its Vietnamese label or its code (word-bounded: "conform" ≠ "nonconform"). */
function shows(text: string, code: string, label: string): boolean {
  return text.includes(label) || new RegExp(`(^|[^a-z_])${code}($|[^a-z_])`).test(text);
}

/** Issue 6, scenario 5: two tablets of one team edit the same inspection offline, then both sync. */
describe("two tablets, one inspection, edited offline", () => {
  let dir: string;
  let server: RunningServer;
  let a: Api;
  let province: Province;
  let leadTab: RunningBrowser;
  let inspTab: RunningBrowser;
  let lead: Page;
  let insp: Page;

  const open = async (b: RunningBrowser) => {
    const p = await b.context.newPage();
    await p.setViewportSize({ width: 800, height: 1280 });
    return p;
  };
  const unsynced = (p: Page) => p.getByTestId("unsynced-count").textContent();
  const openInspection = async (p: Page) => {
    await p.getByRole("link", { name: "Kiểm tra ISO hành chính công" }).click();
    await p.getByTestId("inspection-item").filter({ hasText: AGENCY }).getByRole("button", { name: "Mở" }).click();
    await visible(p.getByTestId("criterion-panel"), 30_000);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "e2e-two-tablets-"));
    server = await startServer({ dataDir: join(dir, "data"), staticDir: inject("distA"), adminPassword: ADMIN });
    a = api(server.url);
    province = await seedProvince(a, ADMIN);
    [leadTab, inspTab] = await Promise.all([startBrowser(join(dir, "lead-profile")), startBrowser(join(dir, "inspector-profile"))]);
    [lead, insp] = await Promise.all([open(leadTab), open(inspTab)]);
  });
  afterAll(async () => {
    await Promise.all([leadTab?.close(), inspTab?.close()]);
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("5. both edit the same criterion offline and sync: no edit is lost and the team lead sees the conflict", async () => {
    // Online at the office: the inspector starts the inspection; the lead's tablet receives it.
    await insp.goto(server.url);
    await logIn(insp, province.users.inspector, PASSWORD);
    await insp.getByTestId("assigned-item").filter({ hasText: AGENCY }).getByRole("button", { name: "Bắt đầu" }).click();
    await insp.getByTestId("checklist-select").selectOption({ label: `${province.checklist.title} (1)` });
    await insp.getByTestId("decision-ref").fill("45/QĐ-SKHCN");
    await insp.getByTestId("create-inspection").click();
    await visible(insp.getByTestId("criterion-panel"));
    await expectSaved(insp);
    await insp.getByRole("button", { name: "Đồng bộ ngay" }).click();
    await expect.poll(() => unsynced(insp), { timeout: 60_000 }).toBe("Không còn gì chưa gửi");
    await lead.goto(server.url);
    await logIn(lead, province.users.lead, PASSWORD);
    await expect.poll(() => lead.getByTestId("inspection-item").filter({ hasText: AGENCY }).count(), { timeout: 60_000 }).toBe(1);
    await Promise.all([lead.evaluate(async () => navigator.serviceWorker.ready), insp.evaluate(async () => navigator.serviceWorker.ready)]);

    // In the commune, no signal: both score I.a.1 differently, and each scores one more criterion of its own.
    await server.stop();
    await Promise.all([leadTab.context.setOffline(true), inspTab.context.setOffline(true)]);
    await openInspection(insp);
    await openCriterion(insp, "I.a.1");
    await score(insp, "Không đạt");
    await openCriterion(insp, "II.a.1");
    await score(insp, "Đạt");
    await openInspection(lead);
    await openCriterion(lead, "I.a.1");
    await score(lead, "Đạt");
    await openCriterion(lead, "I.b.1");
    await score(lead, "Đạt một phần");

    // Back at the office: the inspector's tablet syncs, then the lead's; then the inspector taps "Đồng bộ ngay".
    server = await startServer({ port: server.port, dataDir: join(dir, "data"), staticDir: inject("distA"), adminPassword: ADMIN });
    await inspTab.context.setOffline(false);
    await expect.poll(() => unsynced(insp), { timeout: 60_000 }).toBe("Không còn gì chưa gửi");
    await leadTab.context.setOffline(false);
    await expect.poll(() => unsynced(lead), { timeout: 60_000 }).toBe("Không còn gì chưa gửi");
    await insp.getByRole("button", { name: "Đồng bộ ngay" }).click();
    await expect.poll(() => insp.getByTestId("sync-bar").getAttribute("data-phase"), { timeout: 60_000 }).toBe("idle");

    // The server holds both tablets' outcomes for I.a.1.
    const onServer = (await a.pullAll(await a.login(province.users.lead, PASSWORD))).filter(
      (c) => c.entity === "result" && c.field === "outcome" && c.rowId.endsWith("/I.a.1"),
    );
    expect(onServer.map((c) => `${c.user}:${c.value}`).sort()).toEqual([`${province.users.inspector}:nonconform`, `${province.users.lead}:conform`]);

    // No edit lost: each tablet has the other's own criterion, and both show the same value for I.a.1.
    for (const [p, code, label] of [[lead, "II.a.1", "Đạt"], [insp, "I.b.1", "Đạt một phần"]] as const) {
      await openCriterion(p, code);
      await expect.poll(() => outcomeButton(p, label).getAttribute("aria-pressed"), { timeout: 30_000 }).toBe("true");
    }
    await openCriterion(lead, "I.a.1");
    await openCriterion(insp, "I.a.1");
    const shown = async (p: Page) => p.getByTestId("criterion-panel").getByRole("button", { pressed: true }).first().textContent();
    await expect.poll(async () => (await shown(insp)) === (await shown(lead)), { timeout: 30_000 }).toBe(true);

    // The lead's conflicts tab shows the other value beside the one shown, with who wrote it.
    await lead.getByTestId("tab-conflicts").click();
    const conflict = lead.getByTestId("conflict").filter({ hasText: "I.a.1" });
    await visible(conflict, 30_000);
    expect(await conflict.getAttribute("data-field")).toBe("outcome");
    const text = (await conflict.innerText()).normalize("NFC");
    expect(shows(text, "conform", "Đạt")).toBe(true);
    expect(shows(text, "nonconform", "Không đạt")).toBe(true);
    expect(text).toMatch(new RegExp(`${province.users.inspector.replace(/\./g, "\\.")}|${province.users.lead.replace(/\./g, "\\.")}`));
    await shoot(lead, "09-conflicts");

    // The lead keeps the inspector's finding (Không đạt); after sync both tablets show it and the conflict is gone.
    const other = conflict.getByTestId("keep-other");
    const otherValueRow = conflict.locator(".row", { has: lead.getByTestId("keep-other") });
    const keep = shows((await otherValueRow.innerText()).normalize("NFC"), "nonconform", "Không đạt")
      ? other
      : conflict.getByRole("button", { name: "Giữ giá trị này" }).first();
    await keep.click();
    await expectSaved(lead);
    await visible(lead.getByTestId("no-conflicts"));
    await lead.getByRole("button", { name: "Đồng bộ ngay" }).click();
    await expect.poll(() => unsynced(lead), { timeout: 60_000 }).toBe("Không còn gì chưa gửi");
    await insp.getByRole("button", { name: "Đồng bộ ngay" }).click();
    await expect.poll(() => outcomeButton(insp, "Không đạt").getAttribute("aria-pressed"), { timeout: 60_000 }).toBe("true");
    await lead.getByTestId("tab-score").click();
    await openCriterion(lead, "I.a.1");
    expect(await outcomeButton(lead, "Không đạt").getAttribute("aria-pressed")).toBe("true");
    await insp.getByTestId("tab-conflicts").click();
    await visible(insp.getByTestId("no-conflicts"), 30_000);
  });

  it("both online: a score on the lead's tablet shows on the inspector's, open on the same criterion, with no tap there", async () => {
    await insp.getByTestId("tab-score").click();
    await openCriterion(insp, "II.b.1");
    await openCriterion(lead, "II.b.1");
    expect(await outcomeButton(insp, "Lưu ý").getAttribute("aria-pressed")).toBe("false");
    // The inspector's tablet has nothing to send and no timer due: only the server's live stream can bring the score.
    await expect.poll(() => insp.getByTestId("sync-bar").getAttribute("data-phase"), { timeout: 30_000 }).toBe("idle");
    const requestsBefore = await insp.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/sync/pull")).length);
    await score(lead, "Lưu ý");
    // The lead's push follows its edit after the 1.5 s write pause; the inspector's pull follows the push at once.
    await expect.poll(() => outcomeButton(insp, "Lưu ý").getAttribute("aria-pressed"), { timeout: 15_000 }).toBe("true");
    const requestsAfter = await insp.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/sync/pull")).length);
    expect(requestsAfter).toBeGreaterThan(requestsBefore);
  });
});
