/**
 * The issuer belongs to the record, not to the device (issue 12, point 6): DOST sets the province's issuer settings
 * once, they sync, and finalize freezes them into the inspection, so the record is the same PDF on every device and
 * from the command line, whatever each device's settings say afterwards.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AppDb } from "../../src/app/db/AppDb";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { createInspection } from "../../src/app/db/createInspection";
import { exportInspection } from "../../src/app/db/exportInspection";
import { finalizeInspection } from "../../src/app/db/finalizeInspection";
import { loadIssuerSettings } from "../../src/app/db/loadIssuerSettings";
import { saveIssuerSettings } from "../../src/app/db/saveIssuerSettings";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import type { Change } from "../../src/domain/change";
import { EMPTY_ISSUER_FIELDS, type IssuerFields } from "../../src/domain/issuerSettings";
import { dostIssuerOf } from "../../src/domain/DostIssuer";
import { renderDocumentFile } from "../../src/report/documentFile";
import { runReportCli } from "../../src/report/cli/runReportCli";
import { renderInspectionRecord } from "../../src/report/renderInspectionRecord";
import { scoredCodes, seedAgency, tt26 } from "../app-db/fixtures";
import { testDb } from "../app-db/testDb";
import { addUser, openHarness, pullAll, push } from "../server/serverHarness";
import { META } from "../../src/app/db/META";

const T0 = Date.UTC(2026, 4, 10, 8); // injected clock: 10/5/2026
const dir = mkdtempSync(join(tmpdir(), "issuer-frozen-"));
const cl = tt26();

const SETTINGS: IssuerFields = {
  ...EMPTY_ISSUER_FIELDS,
  parentBody: "UBND TỈNH THANH HÓA",
  issuingBody: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
  issuingBodyName: "Sở Khoa học và Công nghệ",
  inspectingUnit: "Chi cục Tiêu chuẩn Đo lường Chất lượng",
  place: "Thanh Hóa",
  symbols: { record: "BB-SKHCN", letter: "SKHCN-TĐC", plan: "KH-SKHCN", notice: "TB-SKHCN", report: "BC-SKHCN" },
  signerHeading: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
  signerName: "Lê Văn Hùng",
  draftingUnit: "TĐC",
  recipients: ["Chi cục TĐC (để theo dõi)"],
};

/** Every change a device has made or received, as another device pulls them. */
const changesOf = async (db: AppDb): Promise<Change[]> => db.changes.toArray();

async function pdfText(bytes: Uint8Array, name: string): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).normalize("NFC");
}

async function inspectionOn(db: AppDb, id?: string, mode: "onsite" | "desk" = "onsite"): Promise<string> {
  await seedAgency(db);
  const made = await createInspection(
    db,
    { ...(id ? { id } : {}), agencyId: "ag-muong-ly", checklistId: cl.id, checklistVersion: cl.version, mode, teamId: "T1", province: "TH", startedOn: "2026-05-10", decisionRef: "87/QĐ-SKHCN", leadName: "Nguyễn Thị Lan", agencyRepresentative: "Hà Văn Cường" },
    { checklist: cl, now: T0 },
  );
  for (const c of scoredCodes(cl)) await scoreCriterion(db, { inspectionId: made, criterionCode: c, outcome: "conform" }, { now: T0 });
  return made;
}

describe("the issuer belongs to the record, not to the device", () => {
  it("DOST's settings sync; a number symbol of another body is refused with the rule named", async () => {
    const dost = testDb();
    await expect(saveIssuerSettings(dost, "TH", { ...SETTINGS, symbols: { ...SETTINGS.symbols, record: "BB-ĐKT" } }, { now: T0 })).rejects.toThrow(
      'Ký hiệu "BB-ĐKT" không khớp cơ quan ban hành "SỞ KHOA HỌC VÀ CÔNG NGHỆ": sau "BB-" phải là chữ viết tắt tên cơ quan ban hành, ví dụ "BB-SKHCN" (Nghị định 30/2020/NĐ-CP, Phụ lục I).',
    );
    expect(await dost.changes.count()).toBe(0); // nothing written
    await saveIssuerSettings(dost, "TH", SETTINGS, { now: T0 });
    const tablet = testDb();
    await applyRemoteChanges(tablet, await changesOf(dost));
    expect(await loadIssuerSettings(tablet, "TH")).toEqual({ ...SETTINGS, recipients: ["Chi cục TĐC (để theo dõi)"] });
    expect(await loadIssuerSettings(tablet, "HN")).toBeUndefined();
  });

  it("refuses to finalize a record typed as 05/BB-ĐKT under SỞ KHOA HỌC VÀ CÔNG NGHỆ", async () => {
    const dost = testDb();
    await saveIssuerSettings(dost, "TH", SETTINGS, { now: T0 });
    const lead = testDb();
    await applyRemoteChanges(lead, await changesOf(dost));
    const id = await inspectionOn(lead);
    await expect(finalizeInspection(lead, id, { signedOn: "2026-05-12", recordNumber: "05/BB-ĐKT" }, { checklist: cl, now: T0 })).rejects.toThrow(/Chưa thể ký và khoá: Ký hiệu "BB-ĐKT" không khớp cơ quan ban hành/u);
    expect((await lead.inspections.get(id))?.status).toBe("draft");
  });

  it("a finalized record is byte-identical on two devices with different settings and from the command line", async () => {
    // DOST sets the issuer; the lead's tablet has it when it finalizes.
    const dost = testDb();
    await saveIssuerSettings(dost, "TH", SETTINGS, { now: T0 });
    const lead = testDb();
    await applyRemoteChanges(lead, await changesOf(dost));
    const id = await inspectionOn(lead);
    await finalizeInspection(lead, id, { signedOn: "2026-05-12", recordNumber: "5" }, { checklist: cl, now: T0 + 1000 });
    expect((await lead.inspections.get(id))?.issuer).toEqual(SETTINGS);

    // Afterwards DOST renames the place and the parent body; the second device (DOST's) has the new settings.
    await saveIssuerSettings(dost, "TH", { place: "Thanh Hoá mới", parentBody: "UBND TỈNH THANH HOÁ MỚI", recipients: [] }, { now: T0 + 2000 });
    await applyRemoteChanges(dost, await changesOf(lead));
    expect((await loadIssuerSettings(dost, "TH"))?.place).toBe("Thanh Hoá mới");

    // Each device exports as the app does (its own current settings offered for a draft) and renders.
    const render = async (db: AppDb) => {
      const issuerSettings = await loadIssuerSettings(db, "TH");
      const exp = await exportInspection(db, id, { checklist: cl, ...(issuerSettings ? { issuerSettings } : {}), now: T0 + 5000 });
      return { exp, pdf: await renderInspectionRecord(exp) };
    };
    const a = await render(lead);
    const b = await render(dost);
    const file = join(dir, "record.json");
    writeFileSync(file, JSON.stringify(b.exp));
    const out = join(dir, "record-cli.pdf");
    expect(await runReportCli(["record", file, "--out", out], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    const cliBytes = new Uint8Array(readFileSync(out));
    expect(Buffer.from(b.pdf).equals(Buffer.from(a.pdf))).toBe(true);
    expect(Buffer.from(cliBytes).equals(Buffer.from(a.pdf))).toBe(true);

    // A file whose frozen issuer was edited to another body's symbol is refused in one line, nothing written.
    const forged = join(dir, "forged.json");
    writeFileSync(forged, JSON.stringify({ ...b.exp, inspection: { ...b.exp.inspection, issuer: { ...SETTINGS, symbols: { ...SETTINGS.symbols, record: "BB-ĐKT" } } } }));
    let err = "";
    expect(await runReportCli(["record", forged, "--out", join(dir, "forged.pdf")], { stdout: () => undefined, stderr: (e) => (err += e) })).not.toBe(0);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("does not match its issuing body (NĐ 30/2020): Số: 05/BB-ĐKT under SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    expect(existsSync(join(dir, "forged.pdf"))).toBe(false);

    const text = await pdfText(a.pdf, "a.pdf");
    const flat = text.replace(/\s+/gu, " ");
    expect(flat).toContain("UBND TỈNH THANH HÓA");
    expect(flat).toContain("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    expect(flat).toMatch(/Số: 05\/BB-SKHCN/u);
    expect(flat).toContain("Thanh Hóa, ngày 12 tháng 5 năm 2026");
    expect(flat).toContain("- Chi cục TĐC (để theo dõi);");
    expect(flat).toContain("- Lưu: VT, TĐC.");
    expect(flat).not.toContain("mới");
    expect(flat).not.toContain("ĐKT");

    // Negative control: a draft follows each device's current settings, so the two devices differ.
    const draftId = await inspectionOn(lead, "draft-1");
    await applyRemoteChanges(dost, await changesOf(lead));
    const renderDraft = async (db: AppDb) => {
      const issuerSettings = await loadIssuerSettings(db, "TH");
      return pdfText(await renderInspectionRecord(await exportInspection(db, draftId, { checklist: cl, ...(issuerSettings ? { issuerSettings } : {}), now: T0 })), "draft.pdf");
    };
    expect((await renderDraft(lead)).replace(/\s+/gu, " ")).toContain("Thanh Hóa, ngày");
    expect((await renderDraft(dost)).replace(/\s+/gu, " ")).toContain("Thanh Hoá mới, ngày");
  });

  it("through the server: DOST's settings reach the lead, the lead's finalize reaches DOST, and both print the same record", async () => {
    const h = await openHarness("pglite");
    try {
      const dostUser = await addUser(h, "dost", "dost", "TH");
      const leadUser = await addUser(h, "truongdoan", "lead", "TH", "T1");
      const dost = testDb();
      await dost.meta.put({ key: META.session, value: { token: "t", user: { username: "dost", role: "dost", province: "TH", team: null } } });
      await seedAgency(dost);
      await saveIssuerSettings(dost, "TH", SETTINGS, { now: T0 });
      const sent = await push(h, dostUser, await dost.changes.toArray());
      expect(sent.json.rejected).toEqual([]);

      const lead = testDb();
      await lead.meta.put({ key: META.session, value: { token: "t", user: { username: "truongdoan", role: "lead", province: "TH", team: "T1" } } });
      await applyRemoteChanges(lead, await pullAll(h, leadUser));
      expect((await loadIssuerSettings(lead, "TH"))?.symbols.record).toBe("BB-SKHCN");
      const id = await inspectionOn(lead, "via-server");
      await finalizeInspection(lead, id, { signedOn: "2026-05-12", recordNumber: "7" }, { checklist: cl, now: T0 + 1000 });
      const own = new Set((await lead.outbox.toArray()).map((o) => o.id));
      const leadSent = await push(h, leadUser, (await lead.changes.toArray()).filter((c) => own.has(c.id)));
      expect(leadSent.json.rejected).toEqual([]);

      // DOST changes its settings afterwards, then receives the finalized inspection from the server.
      await saveIssuerSettings(dost, "TH", { place: "Nơi khác" }, { now: T0 + 2000 });
      await applyRemoteChanges(dost, await pullAll(h, dostUser));
      const render = async (db: AppDb) => {
        const issuerSettings = await loadIssuerSettings(db, "TH");
        return renderInspectionRecord(await exportInspection(db, id, { checklist: cl, ...(issuerSettings ? { issuerSettings } : {}), now: T0 }));
      };
      const [a, b] = [await render(lead), await render(dost)];
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect((await pdfText(b, "via-server.pdf")).replace(/\s+/gu, " ")).toContain("Số: 07/BB-SKHCN");
    } finally {
      await h.close();
    }
  });

  it("a desk review's letter prints the frozen issuer, whatever the console that makes it has set", async () => {
    const dost = testDb();
    await saveIssuerSettings(dost, "TH", SETTINGS, { now: T0 });
    const lead = testDb();
    await applyRemoteChanges(lead, await changesOf(dost));
    const id = await inspectionOn(lead, "desk-1", "desk");
    await finalizeInspection(lead, id, { signedOn: "2026-05-12" }, { checklist: cl, now: T0 + 1000 });
    const exp = await exportInspection(lead, id, { checklist: cl, now: T0 });
    const consoleA = dostIssuerOf(SETTINGS);
    const consoleB = dostIssuerOf({ ...SETTINGS, issuingBody: "CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG", symbols: { ...SETTINGS.symbols, letter: "CCTĐC-TĐC" }, signerHeading: ["CHI CỤC TRƯỞNG"] });
    const a = renderDocumentFile({ format: "htqlcl-document/1", kind: "letter", issuer: consoleA, inspection: exp });
    const b = renderDocumentFile({ format: "htqlcl-document/1", kind: "letter", issuer: consoleB, inspection: exp });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const flat = (await pdfText(a, "letter.pdf")).replace(/\s+/gu, " ");
    expect(flat).toContain("Số: …/SKHCN-TĐC");
    expect(flat).toContain("KT. GIÁM ĐỐC");
    expect(flat).toContain("PHÓ GIÁM ĐỐC");
    expect(flat).toContain("Lê Văn Hùng");
    expect(flat).toContain("- Lưu: VT, TĐC.");
    expect(flat).not.toContain("CHI CỤC TRƯỞNG");
    // negative control: the same letter of a review finalized without settings follows the console's
    const bare = { ...exp, inspection: { ...exp.inspection, issuer: undefined } };
    const c = renderDocumentFile({ format: "htqlcl-document/1", kind: "letter", issuer: consoleB, inspection: bare });
    expect((await pdfText(c, "letter-b.pdf")).replace(/\s+/gu, " ")).toContain("CCTĐC-TĐC");
  });

  it("an inspection finalized before (no frozen issuer) and a file of the older contract print as before", async () => {
    const old = JSON.parse(readFileSync(new URL("../fixtures/formats/inspection-1-2026-12-02.json", import.meta.url), "utf8")) as { issuer: { symbol: string }; inspection: { issuer?: unknown } };
    expect(old.inspection.issuer).toBeUndefined();
    const file = join(dir, "old.json");
    writeFileSync(file, JSON.stringify(old));
    const out = join(dir, "old.pdf");
    expect(await runReportCli(["record", file, "--out", out], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    const flat = (await pdfText(new Uint8Array(readFileSync(out)), "old.pdf")).replace(/\s+/gu, " ");
    // the file's own (top-level) issuer and its number as typed, as the older contract printed them: not judged
    // against the issuing body (only a frozen issuer is), so a file that opened before still opens
    expect(flat).toContain("UBND TỈNH THANH HOÁ SỞ KHOA HỌC VÀ CÔNG NGHỆ".split(" ").slice(0, 4).join(" "));
    expect(flat).toContain("Số: 05/BB-KT");
    expect(flat).toContain("Thanh Hoá, ngày 12 tháng 5 năm 2026");
  });
});
