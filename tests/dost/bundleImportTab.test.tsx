// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { AppDb } from "../../src/app/db/AppDb";
import { addPhoto } from "../../src/app/db/addPhoto";
import { createInspection } from "../../src/app/db/createInspection";
import { META } from "../../src/app/db/META";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { resetSaves } from "../../src/app/save/runSave";
import { exportBundle } from "../../src/app/sync/bundle";
import { resultId } from "../../src/domain/result";
import { testDb } from "../app-db/testDb";
import { renderApp } from "../app/support/renderApp";
import { fetchToServer } from "./support/fetchToServer";

const NOW = Date.UTC(2026, 4, 10, 8);
const at = fetchToServer([
  { username: "insp1", role: "inspector", province: "TH", team: "T1" },
  { username: "insp9", role: "inspector", province: "NA", team: "T9" },
  { username: "dost-th", role: "dost", province: "TH" },
]);

async function signedIn(username: string): Promise<AppDb> {
  const db = testDb();
  const { user, token } = at.server.users.get(username)!;
  await db.meta.put({ key: META.session, value: { token, user: { username, role: user.role, province: user.province, team: user.team } } });
  return db;
}

/** A tablet that never got a link: one on-site inspection, a criterion scored not met, a photo; its bundle file. */
async function tabletBundle(username: string, province: string, team: string): Promise<{ bytes: Uint8Array; inspectionId: string }> {
  const db = await signedIn(username);
  const inspectionId = await createInspection(db, { agencyId: `ag-${username}`, checklistId: "tt26-dieu-36", checklistVersion: "1", mode: "onsite", teamId: team, province, startedOn: "2026-05-10" }, { now: NOW });
  await scoreCriterion(db, { inspectionId, criterionCode: "I.b.1", outcome: "nonconform", severity: "minor" }, { now: NOW + 1000 });
  await addPhoto(db, { inspectionId, ownerId: resultId(inspectionId, "I.b.1"), bytes: new Uint8Array([0xff, 0xd8, 0xff, 9, 8, 7, username.length]).buffer, mime: "image/jpeg", caption: "Sổ công văn" }, { now: NOW + 2000 });
  return { bytes: await exportBundle(db, { now: NOW + 3000 }), inspectionId };
}

const count = async (sql: string) => Number((await at.server.storage.query<{ n: number }>(`select count(*)::int as n from ${sql}`)).rows[0]!.n);

async function openTab() {
  renderApp(await signedIn("dost-th"), "#/dost");
  const user = userEvent.setup();
  await user.click(await screen.findByRole("tab", { name: "Nhập gói đồng bộ" }, { timeout: 15_000 }));
  return user;
}

async function upload(user: ReturnType<typeof userEvent.setup>, bytes: Uint8Array, name = "htqlcl-goi-dong-bo.json") {
  await user.upload(screen.getByTestId("dost-bundle-file"), new File([bytes as BlobPart], name, { type: "application/json" }));
  await waitFor(() => expect(["done", "bad"]).toContain(screen.getByTestId("dost-bundle-status").getAttribute("data-state")), { timeout: 10_000 });
  return screen.getByTestId("dost-bundle-status");
}

afterEach(() => {
  cleanup();
  resetSaves();
});

describe("DOST console: importing a sync bundle file against the real server (PGlite)", () => {
  it("sends the picked file, tells what was accepted, already there, refused and stored, and the merged results show it", async () => {
    const { bytes, inspectionId } = await tabletBundle("insp1", "TH", "T1");
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as { changes: { id: string; entity: string; field: string; value: unknown }[] };
    const good = doc.changes.length;
    // One change the server must refuse: a result outcome that does not exist.
    const bad = { ...doc.changes.find((c) => c.entity === "result" && c.field === "outcome")!, id: "bad-outcome-1", value: "tuyệt vời" };
    const withBad = new TextEncoder().encode(JSON.stringify({ ...doc, changes: [...doc.changes, bad] }));
    const user = await openTab();

    const status = await upload(user, withBad);
    const result = within(status).getByTestId("dost-bundle-result");
    expect(within(result).getByTestId("dost-bundle-new").textContent).toBe(`${good} thay đổi mới được nhận`);
    expect(within(result).getByTestId("dost-bundle-already").textContent).toBe("0 thay đổi đã có trên máy chủ (bỏ qua, không ghi lại)");
    expect(within(result).getByTestId("dost-bundle-rejected").textContent).toBe("1 thay đổi bị từ chối");
    expect(within(result).getByTestId("dost-bundle-photos").textContent).toBe("1 ảnh được lưu");
    expect(within(result).getByTestId("dost-bundle-reasons").textContent).toMatch(/^1 thay đổi: .*outcome/);
    expect(await count("changes where status = 'accepted' and team = 'T1'")).toBe(good);
    expect(await count("blobs")).toBe(1);

    // The same file again: nothing stored twice, and the console says so.
    const again = await upload(user, bytes);
    expect(within(again).getByTestId("dost-bundle-new").textContent).toBe("0 thay đổi mới được nhận");
    expect(within(again).getByTestId("dost-bundle-already").textContent).toBe(`${good} thay đổi đã có trên máy chủ (bỏ qua, không ghi lại)`);
    expect(await count("changes")).toBe(good + 1);

    // The merged results of 2026 now count the carried inspection, on site, as a draft.
    await user.click(screen.getByRole("tab", { name: "Kết quả tổng hợp" }));
    const yearInput = screen.getByTestId("dost-year");
    await user.clear(yearInput);
    await user.type(yearInput, "2026");
    const table = await screen.findByTestId("form-status", {}, { timeout: 10_000 });
    const draftRow = within(table).getByText("Nháp").closest("tr")!;
    expect(within(draftRow).getAllByTestId("figure").map((b) => b.textContent)).toEqual(["0", "1"]);
    await user.click(within(draftRow).getAllByTestId("figure")[1]!);
    const list = await screen.findByTestId("inspection-list");
    await waitFor(() => expect(within(list).getAllByTestId("inspection-list-item")).toHaveLength(1));
    // Each inspection of a figure opens its record (and its PDF on that screen).
    expect(within(list).getByTestId("open-record").getAttribute("href")).toBe(`#/i/${encodeURIComponent(inspectionId)}/review`);
    expect(await count(`rows where entity = 'inspection' and row_id = '${inspectionId}' and province = 'TH' and team = 'T1'`)).toBe(1);
  });

  it("names a truncated or damaged file, and another province's bundle, and writes nothing", async () => {
    await at.server.wipeData();
    const user = await openTab();
    const { bytes } = await tabletBundle("insp1", "TH", "T1");
    const cut = await upload(user, bytes.slice(0, Math.floor(bytes.length / 2)));
    expect(cut.getAttribute("data-state")).toBe("bad");
    expect(within(cut).getByRole("alert").textContent).toBe("htqlcl-goi-dong-bo.json: Tệp gói đồng bộ bị hỏng hoặc chưa chép hết (không đọc được nội dung). Không gửi gì lên máy chủ; hãy chép lại tệp từ máy tính bảng.");

    const notBundle = await upload(user, new TextEncoder().encode(JSON.stringify({ format: "htqlcl-backup/1" })), "sao-luu.json");
    expect(within(notBundle).getByRole("alert").textContent).toMatch(/^sao-luu\.json: Tệp này không phải gói đồng bộ/);

    const doc = JSON.parse(new TextDecoder().decode(bytes)) as { blobs: Record<string, string> };
    const sha = Object.keys(doc.blobs)[0]!;
    doc.blobs[sha] = Buffer.from("ảnh khác").toString("base64");
    const damaged = await upload(user, new TextEncoder().encode(JSON.stringify(doc)));
    expect(within(damaged).getByRole("alert").textContent).toBe(`Không nhập được htqlcl-goi-dong-bo.json: Ảnh ${sha.slice(0, 12)}… trong gói bị hỏng (không khớp mã SHA-256 hoặc quá 10 MB). Hãy xuất lại gói.`);

    const foreign = await tabletBundle("insp9", "NA", "T9");
    const other = await upload(user, foreign.bytes);
    expect(within(other).getByRole("alert").textContent).toBe('Không nhập được htqlcl-goi-dong-bo.json: Gói đồng bộ này được xuất ở tỉnh "NA", không phải tỉnh của bạn ("TH"); không nhập gì.');

    // Without the province on the file, the server refuses every change, so the whole file, listing why.
    const unlabelled = JSON.parse(new TextDecoder().decode(foreign.bytes)) as Record<string, unknown>;
    delete unlabelled.province;
    const refused = await upload(user, new TextEncoder().encode(JSON.stringify(unlabelled)));
    expect(within(refused).getByRole("alert").textContent).toMatch(/^Không nhập được htqlcl-goi-dong-bo\.json: Máy chủ từ chối cả \d+ thay đổi trong gói nên không nhập gì \(kể cả ảnh\)/);
    expect(within(refused).getByTestId("dost-bundle-reasons").textContent).toMatch(/thay đổi: Thay đổi do "insp9" \(tỉnh khác\) tạo/);
    expect(await count("changes")).toBe(0);
    expect(await count("blobs")).toBe(0);
    expect(await count("rows")).toBe(0);
  });
});
