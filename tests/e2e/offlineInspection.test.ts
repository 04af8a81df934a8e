import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Change } from "../../src/domain/change";
import { api, type Api } from "./support/api";
import type { Driver } from "./support/Driver";
import { expectSaved, logIn, openCriterion, outcomeButton, score, unsynced } from "./support/driverUi";
import { css, inside, role, testId } from "./support/Loc";
import { PASSWORD, seedProvince, type Province } from "./support/seedProvince";
import { currentEngine, startDriver } from "./support/startDriver";
import { startServer, type RunningServer } from "./support/startServer";
import { testPhoto } from "./support/testPhoto";

const ADMIN = "admin-pass-e2e-123";
const NOTE = "Chưa phổ biến quy trình ISO cho công chức bộ phận một cửa.";
const CAPTION = "Bảng niêm yết thủ tục hành chính";
const engine = currentEngine();

/**
 * The offline scenarios, written once on the engine-neutral driver and run in Chromium, WebKit and Firefox (one
 * vitest project each): a tablet's first visit online, an inspection created and scored offline with a note and a
 * photo, a reload and a killed app that lose nothing, then the network back and the server holding all of it.
 */
describe(`an inspection made offline, in ${engine}`, () => {
  let dir: string;
  let server: RunningServer;
  let d: Driver;
  let a: Api;
  let province: Province;
  let inspectionId = "";

  const startTheServer = async (port?: number) => {
    server = await startServer({ ...(port ? { port } : {}), dataDir: join(dir, "data"), staticDir: inject("distA"), adminPassword: ADMIN });
  };
  /** No network: the server is gone and, where the engine can, the browser itself is offline too. */
  const goOffline = async () => {
    await server.stop();
    if (d.emulatesNetwork) await d.setOffline(true);
  };
  const gallery = testId("photo-gallery");
  const thumb = testId("photo-thumb");

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `e2e-offline-${engine}-`));
    await startTheServer();
    a = api(server.url);
    province = await seedProvince(a, ADMIN);
    d = await startDriver(join(dir, "profile"));
  }, 600_000); // the server (PGlite) and the seeding logins are slow on a loaded machine
  afterAll(async () => {
    await d?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("first visit online: log in, the assignments come down and the service worker takes over", async () => {
    await d.goto(server.url);
    expect(await d.attr(css("html"), "lang")).toBe("vi");
    await d.waitVisible(role("heading", "Đăng nhập"), 60_000);
    await logIn(d, province.users.lead, PASSWORD);
    await expect.poll(() => d.count(testId("assigned-item")), { timeout: 60_000 }).toBe(2);
    const texts = await d.texts(testId("assigned-item"));
    expect(texts[0]).toContain("Ủy ban nhân dân xã Đình Lập");
    expect(texts[1]).toContain("Ủy ban nhân dân phường Lương Văn Tri");
    expect(texts.join()).not.toContain("Sở Tư pháp");

    const scope = await d.evaluate(async () => (await navigator.serviceWorker.ready).scope, null);
    expect(scope).toBe(`${server.url}/`);
    await d.goto(server.url);
    await d.waitVisible(role("heading", "Trang chủ"), 60_000);
    await expect.poll(() => d.evaluate(() => navigator.serviceWorker.controller !== null, null), { timeout: 30_000 }).toBe(true);
  });

  it("network cut: the app starts from the tablet, an inspection is created and scored with a note and a photo, and a reload loses nothing", async () => {
    await goOffline();
    await d.goto(server.url);
    await d.waitVisible(role("heading", "Trang chủ"), 60_000);
    await expect.poll(() => d.count(testId("assigned-item"))).toBe(2);

    await d.click(inside(testId("assigned-item", "xã Đình Lập"), role("button", "Bắt đầu")));
    await d.waitVisible(role("heading", "Bắt đầu cuộc kiểm tra"));
    await expect.poll(() => d.text(testId("start-agency"))).toBe("Ủy ban nhân dân xã Đình Lập");
    // Before any work starts. WebKit's automation session is ephemeral, like Safari's private mode (no navigator.storage): the app says, in
    // Vietnamese, that data entered here will not last. Chromium and Firefox keep a real profile and say nothing.
    const banner = testId("private-mode-banner");
    if (engine === "webkit") {
      await d.waitVisible(banner);
      expect(await d.text(banner)).toBe("Có vẻ đây là chế độ duyệt riêng tư hoặc bộ nhớ không được giữ lại. Đừng nhập dữ liệu ở đây: dữ liệu sẽ mất khi đóng trình duyệt.");
    } else {
      expect(await d.count(banner)).toBe(0);
    }

    await d.selectOption(testId("checklist-select"), `${province.checklist.title} (1)`);
    await d.fill(testId("decision-ref"), "45/QĐ-SKHCN");
    await d.fill(testId("lead-name"), "Hoàng Văn Thắng");
    await d.fill(testId("agency-representative"), "Lý Thị Mai");
    await d.click(testId("create-inspection"));
    await d.waitVisible(testId("criterion-panel"), 30_000);
    await expectSaved(d);
    const url = await d.url();
    expect(url).toMatch(/#\/i\/[0-9a-f-]{36}\/score(\?.*)?$/);
    inspectionId = /#\/i\/([0-9a-f-]{36})\//.exec(url)![1]!;

    await openCriterion(d, "I.a.1");
    await score(d, "Đạt");
    await openCriterion(d, "I.b.1");
    await score(d, "Không đạt");
    await d.click(inside(role("group", "Mức độ"), role("button", "nặng")));
    await expectSaved(d);
    await d.fill(testId("criterion-note"), NOTE);
    await d.blur(testId("criterion-note"));
    await expectSaved(d);
    await d.fill(testId("photo-caption"), CAPTION);
    await d.setFile(gallery, { name: "niem-yet.png", mimeType: "image/png", buffer: testPhoto(640, 480, 1) });
    await expect.poll(() => d.attr(thumb, "data-has-bytes"), { timeout: 30_000 }).toBe("1");
    await expectSaved(d);
    await openCriterion(d, "II.a.1");
    await score(d, "Đạt một phần");

    // The photo's bytes are in IndexedDB as an ArrayBuffer (a Blob cannot be stored in WebKit's ephemeral session).
    const stored = await d.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open("htqlcl");
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      try {
        return await new Promise<{ n: number; arrayBuffer: boolean; size: number }>((ok, fail) => {
          const req = db.transaction("blobs").objectStore("blobs").getAll();
          req.onsuccess = () => {
            const rows = req.result as { bytes: unknown }[];
            const b = rows[0]?.bytes;
            ok({ n: rows.length, arrayBuffer: b instanceof ArrayBuffer, size: b instanceof ArrayBuffer ? b.byteLength : -1 });
          };
          req.onerror = () => fail(req.error);
        });
      } finally {
        db.close();
      }
    }, null);
    expect(stored.n).toBe(1);
    expect(stored.arrayBuffer).toBe(true);
    expect(stored.size).toBeGreaterThan(1000);

    // A reload, still offline: everything is read back from the tablet.
    await d.reload();
    await d.waitVisible(testId("criterion-panel"), 60_000);
    await openCriterion(d, "I.b.1");
    expect(await d.attr(outcomeButton("Không đạt"), "aria-pressed")).toBe("true");
    expect(await d.attr(inside(role("group", "Mức độ"), role("button", "nặng")), "aria-pressed")).toBe("true");
    expect(await d.value(testId("criterion-note"))).toBe(NOTE);
    await expect.poll(() => d.attr(thumb, "data-has-bytes"), { timeout: 15_000 }).toBe("1");
    expect(await d.text(inside(thumb, css("figcaption")))).toBe(CAPTION);
    for (const [code, label] of [["I.a.1", "Đạt"], ["II.a.1", "Đạt một phần"]] as const) {
      await openCriterion(d, code);
      expect(await d.attr(outcomeButton(label), "aria-pressed")).toBe("true");
    }
    expect(await unsynced(d)).toBe("1 cuộc kiểm tra · 1 ảnh chưa gửi");
  });

  it(`the ${engine === "webkit" ? "tab is closed" : "browser is killed"} in the middle of scoring: opened again, the app resumes on that criterion and every saved edit is there`, async () => {
    await openCriterion(d, "II.b.1");
    await score(d, "Lưu ý");
    await d.fill(testId("criterion-note"), "Đang chờ quyết định công bố");
    await d.blur(testId("criterion-note"));
    await expectSaved(d);
    expect(await d.url()).toMatch(new RegExp(`#/i/${inspectionId}/score\\?c=II\\.b\\.1$`));
    await d.restartApp();

    // Opened at its bare address (the home screen icon), still offline: back on the same inspection and criterion.
    await d.goto(server.url);
    await d.waitVisible(testId("criterion-panel"), 60_000);
    await expect.poll(() => d.url(), { timeout: 15_000 }).toBe(`${server.url}/#/i/${inspectionId}/score?c=II.b.1`);
    expect(await d.attr(testId("criterion-panel"), "data-code")).toBe("II.b.1");
    expect(await d.text(role("heading", undefined, { level: 1 }))).toContain("Ủy ban nhân dân xã Đình Lập");
    expect(await d.attr(outcomeButton("Lưu ý"), "aria-pressed")).toBe("true");
    expect(await d.value(testId("criterion-note"))).toBe("Đang chờ quyết định công bố");
    for (const [code, label] of [["I.a.1", "Đạt"], ["I.b.1", "Không đạt"], ["II.a.1", "Đạt một phần"]] as const) {
      await openCriterion(d, code);
      expect(await d.attr(outcomeButton(label), "aria-pressed")).toBe("true");
    }
    expect(await d.value(testId("criterion-note"))).toBe("");
    await openCriterion(d, "I.b.1");
    expect(await d.value(testId("criterion-note"))).toBe(NOTE);
    await expect.poll(() => d.attr(thumb, "data-has-bytes"), { timeout: 15_000 }).toBe("1");
  });

  it("network back: the tablet syncs, and the server holds every edit and the photo's bytes", { timeout: 420_000 }, async () => {
    await startTheServer(server.port);
    if (d.emulatesNetwork) await d.setOffline(false);
    // Without network emulation the app saw only failed requests, never an "online" event: the user taps "Đồng bộ ngay".
    else await d.click(role("button", "Đồng bộ ngay"));
    // The whole sync bar is read, so a failure shows the phase and the error the tablet reported.
    await expect
      .poll(async () => ({ unsent: await unsynced(d), phase: await d.attr(testId("sync-bar"), "data-phase"), bar: await d.text(testId("sync-bar")) }), { timeout: 120_000 })
      .toMatchObject({ unsent: "Không còn gì chưa gửi" });

    const all = await a.pullAll(await a.login(province.users.dost, PASSWORD));
    const mine = all.filter((c) => c.device !== "dost-office-pc");
    expect(new Set(mine.map((c) => c.device)).size).toBe(1);
    expect(new Set(mine.map((c) => c.id)).size).toBe(mine.length);
    expect(new Set(mine.map((c) => c.user))).toEqual(new Set([province.users.lead]));
    const last = (entity: string, rowId: string, field: string): Change | undefined =>
      mine.filter((c) => c.entity === entity && c.rowId === rowId && c.field === field).at(-1);

    const insp = mine.filter((c) => c.entity === "inspection");
    expect(new Set(insp.map((c) => c.rowId))).toEqual(new Set([inspectionId]));
    expect(last("inspection", inspectionId, "agencyId")?.value).toBe("ag-xa-dinh-lap");
    expect(last("inspection", inspectionId, "checklistId")?.value).toBe("lang-son-2026");
    expect(last("inspection", inspectionId, "decisionRef")?.value).toBe("45/QĐ-SKHCN");
    expect(last("inspection", inspectionId, "agencyRepresentative")?.value).toBe("Lý Thị Mai");

    const outcomes = Object.fromEntries(
      mine.filter((c) => c.entity === "result" && c.field === "outcome").map((c) => [c.rowId.slice(inspectionId.length + 1), c.value]),
    );
    expect(outcomes).toEqual({ "I.a.1": "conform", "I.b.1": "nonconform", "II.a.1": "partial", "II.b.1": "observation" });
    expect(mine.filter((c) => c.entity === "result" && c.field === "outcome").length).toBe(4);
    expect(last("result", `${inspectionId}/I.b.1`, "severity")?.value).toBe("major");
    expect(last("result", `${inspectionId}/I.b.1`, "note")?.value).toBe(NOTE);
    expect(last("result", `${inspectionId}/II.b.1`, "note")?.value).toBe("Đang chờ quyết định công bố");

    const photos = mine.filter((c) => c.entity === "attachment" && c.field === "sha256");
    expect(photos.length).toBe(1);
    const photo = photos[0]!.rowId;
    expect(last("attachment", photo, "caption")?.value).toBe(CAPTION);
    expect(last("attachment", photo, "ownerId")?.value).toBe(`${inspectionId}/I.b.1`);
    const blob = await a.blob(await a.login(province.users.dost, PASSWORD), String(photos[0]!.value));
    expect(blob.status).toBe(200);
    // Stored as WebP where the engine encodes it (Chromium does), else JPEG; the bytes are what the mime says.
    const mime = last("attachment", photo, "mime")?.value;
    expect(["image/webp", "image/jpeg"]).toContain(mime);
    if (engine === "chromium") expect(mime).toBe("image/webp");
    expect(blob.mime).toBe(mime);
    expect(blob.bytes.length).toBe(last("attachment", photo, "bytes")?.value);
    if (mime === "image/webp") expect([Buffer.from(blob.bytes.subarray(0, 4)).toString("latin1"), Buffer.from(blob.bytes.subarray(8, 12)).toString("latin1")]).toEqual(["RIFF", "WEBP"]);
    else expect([...blob.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });
});
