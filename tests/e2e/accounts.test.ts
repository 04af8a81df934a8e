import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Change } from "../../src/domain/change";
import { api, type Api } from "./support/api";
import { startBrowser, type RunningBrowser } from "./support/startBrowser";
import { startServer, type RunningServer } from "./support/startServer";
import { logIn, shoot, SIZES, visible } from "./support/ui";

const ADMIN = "admin-pass-e2e-123";
const PASSWORD = "mat-khau-e2e-123";
const PROVINCE = "ninh-binh";
const DOST = "sokhcn.nb";

/** Issue 14.1: DOST sets up a team and an account in the console; the new lead's tablet starts with the team filled in. */
describe("accounts and teams in the console", () => {
  let dir: string;
  let server: RunningServer;
  let a: Api;
  let b: RunningBrowser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "e2e-accounts-"));
    server = await startServer({ dataDir: join(dir, "data"), staticDir: inject("distA"), adminPassword: ADMIN });
    a = api(server.url);
    await a.createUser(await a.login("admin", ADMIN), { username: DOST, password: PASSWORD, role: "dost", province: PROVINCE });
    b = await startBrowser(join(dir, "profile"));
    page = await b.context.newPage();
    await page.setViewportSize({ width: SIZES[0][0], height: SIZES[0][1] });
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("DOST creates a team with its lead and an account in it; the lead's tablet prefills Trưởng đoàn and the members", async () => {
    await page.goto(server.url);
    await logIn(page, DOST, PASSWORD);
    await page.goto(`${server.url}/#/dost`);
    await visible(page.getByRole("heading", { name: "Sở Khoa học và Công nghệ", level: 1 }), 30_000);
    await page.getByRole("tab", { name: "Tài khoản và đoàn" }).click();
    await visible(page.getByTestId("account-list"));

    // the team: its name, its lead with Art. 40 qualifications, one member
    await page.getByTestId("team-new").click();
    const form = page.getByTestId("team-form");
    await form.getByLabel("Tên đoàn").fill("Đoàn kiểm tra số 1");
    const lead = form.getByTestId("team-member").nth(0);
    await lead.getByLabel("Họ và tên").fill("Lê Văn An");
    await lead.getByLabel("Bằng đại học (ngành, trường, năm)").fill("Cử nhân Luật, 2012");
    await lead.getByLabel("Chứng chỉ quản lý hành chính nhà nước").fill("Chuyên viên, 2015");
    await lead.getByLabel("Chứng chỉ đánh giá HTQLCL (ISO 9001)").fill("ISO 9001:2015, 2019");
    await lead.getByLabel("Số năm công tác (từ khi tốt nghiệp đại học)").fill("12");
    expect(await lead.getByTestId("member-art40-gaps").count()).toBe(0);
    await form.getByRole("button", { name: "Thêm thành viên" }).click();
    const member = form.getByTestId("team-member").nth(1);
    await member.getByLabel("Họ và tên").fill("Phạm Thị Bình");
    await expect.poll(() => member.getByTestId("member-art40-gaps").textContent()).toContain("thiếu bằng đại học");
    // every button of the form is a thumb's size
    for (const box of await Promise.all((await form.getByRole("button").all()).map((x) => x.boundingBox()))) expect(box!.height).toBeGreaterThanOrEqual(48);
    await shoot(page, "accounts-01-team-form");
    await form.getByRole("button", { name: "Lưu đoàn" }).click();
    await expect.poll(() => page.getByTestId("teams-card").getByRole("status").textContent()).toBe("Đã lưu đoàn \"Đoàn kiểm tra số 1\"; các máy tính bảng nhận khi đồng bộ.");

    // the account, in that team, with a generated password shown once
    const create = page.getByTestId("account-create");
    await create.getByLabel(/Tên đăng nhập/).fill("an.lv");
    await create.getByLabel("Họ và tên").fill("Lê Văn An");
    await create.getByTestId("account-create-role").selectOption({ label: "Trưởng đoàn" });
    await create.getByTestId("account-create-team").selectOption({ label: "Đoàn kiểm tra số 1" });
    await create.getByRole("button", { name: "Tạo mật khẩu ngẫu nhiên" }).click();
    const password = await create.getByLabel(/Mật khẩu ban đầu/).inputValue();
    await create.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect.poll(() => create.getByTestId("account-created").textContent()).toContain(`Đã tạo tài khoản an.lv. Mật khẩu: ${password}`);
    const card = page.locator('[data-testid="account-item"][data-username="an.lv"]');
    await visible(card);
    expect(await card.textContent()).toContain("Trưởng đoàn · Đoàn kiểm tra số 1");
    // the same username again: a plain refusal, not a server error
    await create.getByLabel(/Tên đăng nhập/).fill("AN.LV");
    await create.getByLabel("Họ và tên").fill("Người khác");
    await create.getByTestId("account-create-team").selectOption({ label: "Đoàn kiểm tra số 1" });
    await create.getByLabel(/Mật khẩu ban đầu/).fill("song-nui-xanh-7");
    await create.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect.poll(() => create.getByTestId("account-create-error").textContent()).toBe('Tên đăng nhập "AN.LV" đã có (không phân biệt chữ hoa, chữ thường).');
    await page.setViewportSize({ width: SIZES[1][0], height: SIZES[1][1] });
    await shoot(page, "accounts-02-landscape");
    // no horizontal scrolling in either orientation
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: SIZES[0][0], height: SIZES[0][1] });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // the team reaches the server by the console's own sync
    await expect.poll(() => page.getByTestId("unsynced-count").textContent(), { timeout: 60_000 }).toBe("Không còn gì chưa gửi");
    const leadToken = await a.login("an.lv", password);
    const team = new Map<string, unknown>();
    const teamId = ((await a.pullAll(leadToken)) as Change[]).filter((c) => c.entity === "team").map((c) => (team.set(c.field, c.value), c.rowId))[0];
    expect(teamId).toBe("ninh-binh-doan-kiem-tra-so-1");
    expect(team.get("name")).toBe("Đoàn kiểm tra số 1");

    // the lead's tablet: a fresh profile, signed in with the shown password, starts an inspection with the team filled in
    const tablet = await startBrowser(join(dir, "tablet"));
    try {
      const t = await tablet.context.newPage();
      await t.setViewportSize({ width: SIZES[0][0], height: SIZES[0][1] });
      await t.goto(server.url);
      await logIn(t, "an.lv", password);
      await t.goto(`${server.url}/#/start?agency=any-agency`);
      await expect.poll(() => t.getByTestId("lead-name").inputValue(), { timeout: 60_000 }).toBe("Lê Văn An");
      const names = await t.getByTestId("team-members").locator("input").evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
      expect(names).toContain("Lê Văn An");
      expect(names).toContain("Phạm Thị Bình");
      await shoot(t, "accounts-03-tablet-prefilled");
    } finally {
      await tablet.close();
    }
  });
});
