// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { META } from "../../src/app/db/META";
import { writeEdits } from "../../src/app/db/writeEdits";
import { resetSaves } from "../../src/app/save/runSave";
import { useUiStore } from "../../src/app/state/useUiStore";
import { SyncEngine } from "../../src/app/sync/SyncEngine";
import { newTeamId } from "../../src/app/dost/teamDraftProblems";
import { teamDisplayName } from "../../src/app/dost/teamDisplayName";
import { art40Gaps } from "../../src/domain/team";
import { createUser } from "../../src/server/auth/createUser";
import { testDb } from "../app-db/testDb";
import { renderApp } from "../app/support/renderApp";
import { TEST_HASH } from "../server/serverHarness";
import { BASE } from "../sync/syncHarness";
import { fetchToServer } from "./support/fetchToServer";

const at = fetchToServer([
  { username: "dost-th", role: "dost", province: "TH" },
  { username: "lan", role: "lead", province: "TH", team: "doan-lan" },
]);

beforeAll(async () => {
  await createUser(at.server.storage, { username: "minh", role: "lead", province: "TH", team: "doan-minh", displayName: "Lê Minh", password: "mat-khau-123" }, TEST_HASH);
});
afterEach(() => {
  cleanup();
  resetSaves();
  act(() => useUiStore.getState().setLang("vi"));
});

async function openTab() {
  const db = testDb();
  await db.meta.put({ key: META.session, value: { token: at.server.users.get("dost-th")!.token, user: { username: "dost-th", role: "dost", province: "TH", team: null } } });
  await db.meta.put({ key: META.deviceId, value: "dostdesk" });
  renderApp(db, "#/dost");
  const user = userEvent.setup();
  await user.click(await screen.findByRole("tab", { name: "Tài khoản và đoàn" }, { timeout: 15_000 }));
  await screen.findByTestId("account-list");
  return { db, user };
}

describe("Tài khoản và đoàn", () => {
  it("DOST creates a team with its lead, members and Art. 40 qualifications; a lead from another team is refused; tablets receive the team by sync", async () => {
    const { db, user } = await openTab();
    await user.click(screen.getByTestId("team-new"));
    const form = screen.getByTestId("team-form");
    await user.type(within(form).getByRole("textbox", { name: "Tên đoàn" }), "Đoàn kiểm tra số 1");
    // the first member is the lead
    const [lead] = within(form).getAllByTestId("team-member");
    await user.type(within(lead!).getByRole("textbox", { name: "Họ và tên" }), "Lê Văn An");
    await user.type(within(lead!).getByRole("textbox", { name: "Bằng đại học (ngành, trường, năm)" }), "Cử nhân Luật, 2012");
    await user.type(within(lead!).getByRole("textbox", { name: "Chứng chỉ quản lý hành chính nhà nước" }), "Chuyên viên, 2015");
    await user.type(within(lead!).getByRole("textbox", { name: "Số năm công tác (từ khi tốt nghiệp đại học)" }), "12");
    // the QMS audit certificate is missing: Art. 40 warns, it does not block
    expect(within(lead!).getByTestId("member-art40-gaps").textContent).toBe("Chưa đủ tiêu chuẩn Điều 40: thiếu chứng chỉ đánh giá HTQLCL.");
    await user.click(within(form).getByRole("button", { name: "Thêm thành viên" }));
    const second = within(form).getAllByTestId("team-member")[1]!;
    // linking Lê Minh's account (a lead of another team) as this team's lead is refused with a plain reason
    await user.selectOptions(within(second).getByRole("combobox", { name: "Tài khoản (nếu có)" }), "minh");
    expect(within(second).getByRole("textbox", { name: "Họ và tên" })).toHaveProperty("value", "Lê Minh");
    await user.selectOptions(within(second).getByRole("combobox", { name: "Vai trò" }), "Trưởng đoàn");
    await user.click(within(form).getByRole("button", { name: "Lưu đoàn" }));
    const problems = await screen.findByTestId("team-problems");
    expect(problems.textContent).toContain("Đoàn chỉ có một trưởng đoàn (đang có 2).");
    expect(problems.textContent).toContain('Lê Minh là người của đoàn khác ("doan-minh"); trưởng đoàn phải thuộc chính đoàn này.');
    expect(await db.teams.count()).toBe(0);
    // in English the same refusal is in English
    act(() => useUiStore.getState().setLang("en"));
    await user.click(within(form).getByRole("button", { name: "Save the team" }));
    await waitFor(() => expect(screen.getByTestId("team-problems").textContent).toContain("A team has one lead (2 are marked)."));
    act(() => useUiStore.getState().setLang("vi"));
    // DOST fixes it: an ordinary member without an account
    await user.selectOptions(within(second).getByRole("combobox", { name: "Tài khoản (nếu có)" }), "");
    await user.clear(within(second).getByRole("textbox", { name: "Họ và tên" }));
    await user.type(within(second).getByRole("textbox", { name: "Họ và tên" }), "Phạm Thị Bình");
    await user.selectOptions(within(second).getByRole("combobox", { name: "Vai trò" }), "Thành viên");
    await user.click(within(form).getByRole("button", { name: "Lưu đoàn" }));
    await waitFor(async () => expect(await db.teams.get("th-doan-kiem-tra-so-1")).toBeTruthy());
    const saved = (await db.teams.get("th-doan-kiem-tra-so-1"))!;
    expect(saved).toMatchObject({ name: "Đoàn kiểm tra số 1", province: "TH" });
    expect(saved.members).toEqual([
      { name: "Lê Văn An", role: "Trưởng đoàn", art40: { degree: "Cử nhân Luật, 2012", stateManagementCert: "Chuyên viên, 2015", qmsAuditCert: "", yearsExperience: 12 } },
      { name: "Phạm Thị Bình", role: "Thành viên", art40: { degree: "", stateManagementCert: "", qmsAuditCert: "", yearsExperience: null } },
    ]);
    expect(screen.getAllByTestId("team-item").map((x) => x.querySelector("strong")!.textContent)).toEqual(["Đoàn kiểm tra số 1"]);
    expect(screen.getByTestId("team-item").textContent).toContain("Trưởng đoàn: Lê Văn An · 2 người");

    // The team goes out by the ordinary sync, and a tablet of the province receives it whole.
    const dostSync = new SyncEngine({ db, baseUrl: BASE, fetch: at.server.fetch, getToken: () => at.server.users.get("dost-th")!.token, locks: null });
    expect((await dostSync.syncNow()).phase).toBe("idle");
    const tablet = testDb();
    await tablet.meta.put({ key: META.deviceId, value: "tablet-lan" });
    const tabletSync = new SyncEngine({ db: tablet, baseUrl: BASE, fetch: at.server.fetch, getToken: () => at.server.users.get("lan")!.token, locks: null });
    expect((await tabletSync.syncNow()).phase).toBe("idle");
    expect((await tablet.teams.get("th-doan-kiem-tra-so-1"))?.members?.map((m) => [m.name, m.role])).toEqual([["Lê Văn An", "Trưởng đoàn"], ["Phạm Thị Bình", "Thành viên"]]);
  });

  it("keeps an older team's free-text qualifications readable and saved", async () => {
    const { db, user } = await openTab();
    await writeEdits(db, [
      { entity: "team", rowId: "doan-cu", field: "name", value: "Đoàn cũ" },
      { entity: "team", rowId: "doan-cu", field: "province", value: "TH" },
      { entity: "team", rowId: "doan-cu", field: "members", value: [{ name: "Trần Cũ", role: "Trưởng đoàn", qualifications: "Thạc sĩ QTKD; chứng chỉ ISO 9001 (2018)" }] },
    ]);
    const item = (await screen.findAllByTestId("team-item")).find((x) => x.textContent!.includes("Đoàn cũ"))!;
    await user.click(within(item).getByRole("button", { name: /Sửa/ }));
    expect(screen.getByTestId("member-old-qualifications").textContent).toContain("Thạc sĩ QTKD; chứng chỉ ISO 9001 (2018)");
    // no structured fields yet: nothing to judge, no Art. 40 warning
    expect(screen.queryByTestId("member-art40-gaps")).toBeNull();
    await user.type(screen.getByRole("textbox", { name: "Tên đoàn" }), " (2026)");
    await user.click(screen.getByRole("button", { name: "Lưu đoàn" }));
    await waitFor(async () => expect((await db.teams.get("doan-cu"))?.name).toBe("Đoàn cũ (2026)"));
    expect((await db.teams.get("doan-cu"))!.members).toEqual([{ name: "Trần Cũ", role: "Trưởng đoàn", qualifications: "Thạc sĩ QTKD; chứng chỉ ISO 9001 (2018)" }]);
  });

  it("creates an account with its full name and team, refuses a duplicate or weak one in plain words, resets a password once and revokes a device", async () => {
    const { user } = await openTab();
    const form = screen.getByTestId("account-create");
    const fill = async (username: string, password: string) => {
      await user.clear(within(form).getByRole("textbox", { name: /Tên đăng nhập/ }));
      await user.type(within(form).getByRole("textbox", { name: /Tên đăng nhập/ }), username);
      await user.clear(within(form).getByRole("textbox", { name: "Họ và tên" }));
      await user.type(within(form).getByRole("textbox", { name: "Họ và tên" }), "Nguyễn Thị Hoa");
      await user.selectOptions(within(form).getByRole("combobox", { name: "Đoàn" }), "doan-lan");
      await user.clear(within(form).getByRole("textbox", { name: /Mật khẩu ban đầu/ }));
      if (password) await user.type(within(form).getByRole("textbox", { name: /Mật khẩu ban đầu/ }), password);
    };
    await fill("MINH", "song-nui-xanh-7");
    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));
    expect((await screen.findByTestId("account-create-error")).textContent).toBe('Tên đăng nhập "MINH" đã có (không phân biệt chữ hoa, chữ thường).');
    await fill("hoa.nt", "ngan-qua");
    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));
    await waitFor(() => expect(screen.getByTestId("account-create-error").textContent).toContain("mật khẩu cần ít nhất 12 ký tự"));
    act(() => useUiStore.getState().setLang("en"));
    await user.click(within(form).getByRole("button", { name: "Create the account" }));
    await waitFor(() => expect(screen.getByTestId("account-create-error").textContent).toBe("The password is too weak: at least 12 characters, not a common one, not like the username."));
    // a username with diacritics: the server's reason, in English too
    act(() => useUiStore.getState().setLang("vi"));
    await fill("hoà nt", "song-nui-xanh-7");
    act(() => useUiStore.getState().setLang("en"));
    await user.click(within(form).getByRole("button", { name: "Create the account" }));
    await waitFor(() => expect(screen.getByTestId("account-create-error").textContent).toBe("The username is not valid: 2 to 64 plain letters, digits and . _ @ - (no spaces, no diacritics)."));
    act(() => useUiStore.getState().setLang("vi"));
    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));
    await waitFor(() => expect(screen.getByTestId("account-create-error").textContent).toContain("chỉ dùng chữ không dấu, số và . _ @ -"));
    await fill("hoa.nt", "");
    await user.click(within(form).getByRole("button", { name: "Tạo mật khẩu ngẫu nhiên" }));
    const password = (within(form).getByRole("textbox", { name: /Mật khẩu ban đầu/ }) as HTMLInputElement).value;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));
    expect((await screen.findByTestId("account-created")).textContent).toContain(`Đã tạo tài khoản hoa.nt. Mật khẩu: ${password}`);
    const card = await waitFor(() => screen.getAllByTestId("account-item").find((x) => x.dataset.username === "hoa.nt")!);
    expect(card.textContent).toContain("Nguyễn Thị Hoa");
    expect(card.textContent).toContain("Thành viên đoàn kiểm tra");
    // the account signs in on a tablet with that password
    const login = await at.server.fetch(`${BASE}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "hoa.nt", password, device: "tablet-hoa" }) });
    expect(login.status).toBe(200);
    // its device is listed and can be signed out
    await user.click(within(card).getByRole("button", { name: /^Thiết bị/ }));
    const devices = await within(card).findByTestId("account-devices");
    expect(devices.textContent).toContain("tablet-hoa");
    await user.click(within(devices).getByRole("button", { name: "Đăng xuất thiết bị này" }));
    await waitFor(() => expect(within(card).getByTestId("account-devices").textContent).toContain("Không có thiết bị nào đang đăng nhập."));
    // a reset shows a new password once; the old one stops working
    await user.click(within(card).getByRole("button", { name: /^Đặt lại mật khẩu/ }));
    await user.click(within(card).getByRole("button", { name: "Đặt lại và hiện mật khẩu mới" }));
    const shown = (await within(card).findByTestId("account-new-password")).querySelector("code")!.textContent!;
    expect(shown).not.toBe(password);
    const tryLogin = (p: string) => at.server.fetch(`${BASE}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "hoa.nt", password: p }) });
    expect((await tryLogin(password)).status).toBe(401);
    expect((await tryLogin(shown)).status).toBe(200);
    await user.click(within(card).getByRole("button", { name: "Đã chép, ẩn đi" }));
    expect(within(card).queryByTestId("account-new-password")).toBeNull();
    // disable, then re-enable
    await user.click(within(card).getByRole("button", { name: /^Khoá tài khoản/ }));
    await waitFor(() => expect(card.textContent).toContain("ĐÃ KHOÁ"));
    expect((await tryLogin(shown)).status).toBe(403);
    await user.click(within(card).getByRole("button", { name: /^Mở khoá/ }));
    await waitFor(() => expect(card.textContent).not.toContain("ĐÃ KHOÁ"));
    expect((await tryLogin(shown)).status).toBe(200);
  });

  it("judges Art. 40 by the structured fields only", () => {
    expect(art40Gaps({})).toBeNull();
    expect(art40Gaps({ art40: { degree: "CN", stateManagementCert: "CV", qmsAuditCert: "ISO", yearsExperience: 3 } })).toEqual([]);
    expect(art40Gaps({ art40: { degree: " ", stateManagementCert: "", qmsAuditCert: "ISO", yearsExperience: 2 } })).toEqual(["degree", "stateManagementCert", "yearsExperience"]);
  });

  it("names a team for people: a name that is only its id does not count, the record's lead comes first", () => {
    const vi = (v: string) => v;
    const none = { leadNames: [], accounts: [] };
    expect(teamDisplayName({ id: "doan-1", name: "Đoàn doan-1", ...none }, vi)).toBe("Đoàn chưa đặt tên (mã doan-1)");
    expect(teamDisplayName({ id: "doan-1", name: "Đoàn doan-1", ...none, members: [{ name: "Phạm Thị Bình", role: "Thành viên" }, { name: "Lê Văn An", role: "Trưởng đoàn" }] }, vi)).toBe("Đoàn của Lê Văn An");
    expect(teamDisplayName({ id: "doan-1", ...none, members: [{ name: "Phạm Thị Bình", role: "Thành viên" }] }, vi)).toBe("Đoàn gồm Phạm Thị Bình");
    expect(teamDisplayName({ id: "t", leadNames: [], accounts: [{ username: "truongdoan", displayName: "", role: "lead" }] }, vi)).toBe("Đoàn của truongdoan");
    expect(teamDisplayName({ id: "t", name: "Đoàn kiểm tra số 2", leadNames: ["X"], accounts: [] }, vi)).toBe("Đoàn kiểm tra số 2");
  });

  it("gives a new team an id of its province and name, unique among the teams the console knows", () => {
    expect(newTeamId("thanh-hoa", "Đoàn kiểm tra số 1", new Set())).toBe("thanh-hoa-doan-kiem-tra-so-1");
    expect(newTeamId("Ninh Bình", "Đoàn kiểm tra số 1", new Set())).toBe("ninh-binh-doan-kiem-tra-so-1");
    expect(newTeamId("TH", "Đoàn số 1", new Set(["th-doan-so-1", "th-doan-so-1-2"]))).toBe("th-doan-so-1-3");
    expect(newTeamId("TH", "!!!", new Set())).toBe("th-doan");
  });
});
