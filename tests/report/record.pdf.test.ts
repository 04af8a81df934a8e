import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { InspectionExportSchema } from "../../src/domain/inspectionExport";
import { deepNfc } from "../../src/report/pdf/deepNfc";
import { NATIONAL_MOTTO, NATIONAL_TITLE } from "../../src/report/pdf/drawDocumentHeader";
import { buildInspectionRecordModel } from "../../src/report/record/buildInspectionRecordModel";
import { renderInspectionRecord } from "../../src/report/renderInspectionRecord";
import { horizontalRules } from "./fixtures/horizontalRules";
import { makePng } from "./fixtures/makePng";
import { pdfBbox, pdfBodyText, pdfFonts, pdfPageSizes, pdftotext, squash } from "./fixtures/poppler";
import type { BboxPage } from "./fixtures/poppler";
import { sampleExport } from "./fixtures/sampleExport";
import { vietnameseAlphabet, vietnameseAlphabetPairs } from "./fixtures/vietnameseAlphabet";

const dir = mkdtempSync(join(tmpdir(), "report-record-"));
const exp = InspectionExportSchema.parse(sampleExport({ criteria: 30 }));
const model = buildInspectionRecordModel(exp);
let file = "";
let text = "";
let body = "";
let pages: BboxPage[] = [];

/** Every string of a JSON value decomposed (NFD), as a tablet keyboard or a copy from Word may give them. */
function deepNfd<T>(v: T): T {
  if (typeof v === "string") return v.normalize("NFD") as T;
  if (Array.isArray(v)) return v.map(deepNfd) as T;
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepNfd(x)])) as T;
  return v;
}

beforeAll(async () => {
  file = join(dir, "record.pdf");
  writeFileSync(file, await renderInspectionRecord(exp));
  text = pdftotext(file);
  body = squash(pdfBodyText(file));
  pages = pdfBbox(file);
});

describe("inspection record PDF (poppler)", () => {
  it("is A4 portrait on every page", () => {
    const sizes = pdfPageSizes(file);
    expect(sizes.length).toBeGreaterThan(2);
    for (const s of sizes) expect(s).toBe("595.28 x 841.89 pts (A4)");
  });

  it("embeds every font it uses, Tinos in all four faces, bold included", () => {
    const fonts = pdfFonts(file);
    expect(fonts.map((f) => f.name).sort()).toEqual(["Tinos-Bold", "Tinos-BoldItalic", "Tinos-Italic", "Tinos-Regular"]);
    for (const f of fonts) expect(f.embedded, f.name).toBe(true);
  });

  it("gives back every Vietnamese letter, all tones, upper and lower case, in NFC", () => {
    const flat = body;
    expect(flat).toBe(flat.normalize("NFC"));
    const alphabet = vietnameseAlphabet();
    expect(alphabet).toHaveLength(12 * 6 * 2 + 2);
    expect(flat.includes(`Kiểm tra chữ: ${vietnameseAlphabetPairs()}`), "alphabet paragraph").toBe(true);
    const chars = new Set(flat);
    for (const letter of alphabet) expect(chars.has(letter), letter).toBe(true);
  });

  it("gives back the header, title, legal bases, paragraphs, names and recipients as strings", () => {
    const flat = body;
    const expected = [
      NATIONAL_TITLE,
      NATIONAL_MOTTO,
      "UBND TỈNH THANH HÓA",
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      "Số: 12/BB-ĐKT",
      "Thanh Hóa, ngày 05 tháng 02 năm 2026",
      "BIÊN BẢN KIỂM TRA",
      model.subject,
      ...model.legalBases.map((b, i, all) => `${b}${i === all.length - 1 ? "." : ";"}`),
      model.opening,
      model.presence.heading,
      model.presence.time,
      ...model.presence.team,
      ...model.presence.agency,
      model.checks.heading,
      model.checks.intro,
      model.checks.summary,
      model.problems.heading,
      ...model.problems.nonconformities,
      model.actions.heading,
      model.actions.intro,
      model.comments.heading,
      model.closingStatement,
      "ĐẠI DIỆN CƠ QUAN",
      "CHỊU SỰ KIỂM TRA",
      "TRƯỞNG ĐOÀN KIỂM TRA",
      "Phạm Đức Thắng",
      "Lê Thị Ngọc Ánh",
      "Nơi nhận:",
      "- UBND xã Mường Lát;",
      "- Giám đốc Sở (để báo cáo);",
      "- Lưu: VT, TĐC.",
    ];
    for (const s of expected) expect(flat.includes(squash(s)), s).toBe(true);
    // Every criterion code and result label of the table is there.
    for (const r of model.checks.sections.flatMap((s) => s.groups.flatMap((g) => g.rows))) {
      expect(flat.includes(r.code), r.code).toBe(true);
      expect(flat.includes(r.result.split(" (")[0]!), r.result).toBe(true);
    }
    expect(model.problems.nonconformities.length).toBeGreaterThan(0);
  });

  it("composes decomposed input: an NFD export gives the same text as the NFC one", async () => {
    const nfd = deepNfd(exp);
    expect(nfd.agency.name).not.toBe(exp.agency.name);
    expect(deepNfc(nfd)).toEqual(exp);
    const f2 = join(dir, "record-nfd.pdf");
    writeFileSync(f2, await renderInspectionRecord(nfd));
    const t2 = pdftotext(f2);
    expect(t2).toBe(text);
    expect(t2).not.toMatch(/[\u0300-\u036f]/u);
  });

  it("numbers pages from page 2 on, centred in the top margin", () => {
    expect(pages.length).toBeGreaterThan(2);
    const inTopMargin = (p: BboxPage) => p.words.filter((w) => w.yMax < (20 / 25.4) * 72);
    expect(inTopMargin(pages[0]!)).toEqual([]);
    pages.slice(1).forEach((p, i) => {
      const top = inTopMargin(p);
      expect(top.map((w) => w.text)).toEqual([String(i + 2)]);
      const centre = (top[0]!.xMin + top[0]!.xMax) / 2;
      expect(Math.abs(centre - p.width / 2)).toBeLessThan(3);
    });
  });

  it("never leaves a group heading row of a table alone at the bottom of a page", () => {
    let tablePages = 0;
    for (const p of pages) {
      // Row codes in the first column: item headings end with a dot ("I.1."), criteria do not ("I.1.1").
      const codes = p.words.filter((w) => w.xMin < 125 && /^(I|II)\.[0-9a-zđ]+(\.[0-9]+)?\.?$/u.test(w.text));
      if (codes.length === 0) continue;
      tablePages++;
      const lowest = codes.reduce((a, b) => (b.yMin > a.yMin ? b : a));
      expect(lowest.text, `page ${pages.indexOf(p) + 1}`).toMatch(/^(I|II)\.[0-9a-zđ]+\.[0-9]+$/u);
    }
    expect(tablePages).toBeGreaterThan(1);
  });

  it("puts the national title and motto top right on page 1, the agency block top left", () => {
    const p1 = pages[0]!;
    const find = (t: string) => p1.words.find((w) => w.text === t)!;
    const cong = find("CỘNG");
    const nam = p1.words.find((w) => w.text === "NAM" && Math.abs(w.yMin - cong.yMin) < 1)!;
    expect(cong.yMin).toBeLessThan(p1.height * 0.12);
    expect(cong.xMin).toBeGreaterThan(p1.width * 0.4);
    expect(nam.xMax).toBeLessThanOrEqual(p1.width - (15 / 25.4) * 72 + 1);
    const doc = find("Độc");
    expect(doc.yMin).toBeGreaterThan(cong.yMin);
    expect(doc.xMin).toBeGreaterThan(p1.width * 0.5);
    const ubnd = find("UBND");
    expect(ubnd.xMin).toBeLessThan(p1.width * 0.4);
    expect(Math.abs(ubnd.yMin - cong.yMin)).toBeLessThan(3);
    // The title sits under the header, centred in the content area (30 mm left, 15 mm right margins).
    const bien = find("BIÊN");
    expect(bien.yMin).toBeGreaterThan(doc.yMax);
  });

  it("draws the header rules of Decree 30/2020: motto rule as long as the motto, agency and subject rules 1/3–1/2 of their line, centred", () => {
    const p1 = pages[0]!;
    const rules = horizontalRules(file, 1);
    const line = (first: string, last: string, below?: number) => {
      const start = p1.words.find((w) => w.text === first && (below === undefined || w.yMin > below))!;
      const onLine = p1.words.filter((w) => Math.abs(w.yMin - start.yMin) < 2 && w.xMin >= start.xMin - 1);
      const end = onLine.find((w) => w.text === last)!;
      return { x0: start.xMin, x1: end.xMax, yMax: Math.max(start.yMax, end.yMax) };
    };
    const ruleUnder = (l: { x0: number; x1: number; yMax: number }) => {
      const r = rules.filter((x) => x.y > l.yMax && x.y < l.yMax + 12 && x.x0 < l.x1 && x.x1 > l.x0);
      expect(r, JSON.stringify({ l, rules })).toHaveLength(1);
      return r[0]!;
    };
    const mm = 72 / 25.4;
    const motto = line("Độc", "phúc");
    const mottoRule = ruleUnder(motto);
    expect(Math.abs(mottoRule.x0 - motto.x0)).toBeLessThan(mm);
    expect(Math.abs(mottoRule.x1 - motto.x1)).toBeLessThan(mm);

    // The agency rule measures against the issuing body's line; the subject's, under its last line, against
    // its longest line (the first here: "Việc … chất").
    const subjectFirst = line("Việc", "chất");
    const subjectLast = line("nhân", "Lát", subjectFirst.yMax);
    for (const [l, under] of [[line("SỞ", "NGHỆ"), undefined], [subjectFirst, subjectLast]] as const) {
      const r = ruleUnder(under ?? l);
      const share = (r.x1 - r.x0) / (l.x1 - l.x0);
      expect(share, JSON.stringify({ l, r })).toBeGreaterThanOrEqual(1 / 3);
      expect(share).toBeLessThanOrEqual(1 / 2);
      expect(Math.abs((r.x0 + r.x1) / 2 - (l.x0 + l.x1) / 2), JSON.stringify({ l, r })).toBeLessThan(mm);
    }
    // Nothing else is ruled between the top of the page and the legal bases.
    const bases = p1.words.find((w) => w.text === "Căn")!;
    expect(rules.filter((r) => r.y < bases.yMin)).toHaveLength(3);
  });

  it("keeps a clear gutter between the agency block and the national title, even for long agency names", async () => {
    const long = structuredClone(exp);
    long.issuer = { ...exp.issuer!, parentBody: "Ủy ban nhân dân tỉnh Thanh Hóa", issuingBody: "Chi cục Tiêu chuẩn Đo lường Chất lượng thuộc Sở Khoa học và Công nghệ tỉnh Thanh Hóa" };
    const f = join(dir, "record-long-agency.pdf");
    writeFileSync(f, await renderInspectionRecord(long));
    for (const p1 of [pages[0]!, pdfBbox(f)[0]!]) {
      const cong = p1.words.find((w) => w.text === "CỘNG")!;
      const title = p1.words.find((w) => w.text === "BIÊN")!;
      const header = p1.words.filter((w) => w.yMax < title.yMin && w.xMax < cong.xMin + 1);
      const leftEdge = Math.max(...header.map((w) => w.xMax));
      expect(cong.xMin - leftEdge, header.map((w) => w.text).join(" ")).toBeGreaterThan((3 / 25.4) * 72);
      expect(header.map((w) => w.text).join(" ")).toContain("THANH");
    }
    const text = squash(pdftotext(f, 1, 1));
    for (const s of ["ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG THUỘC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THANH HÓA"]) expect(text).toContain(s);
  });

  it("keeps a long place and date line on one line, inside the right margin and clear of the number", async () => {
    const hcm = structuredClone(exp);
    hcm.issuer = { ...exp.issuer!, place: "Thành phố Hồ Chí Minh" };
    const f = join(dir, "record-hcm.pdf");
    writeFileSync(f, await renderInspectionRecord(hcm));
    const p1 = pdfBbox(f)[0]!;
    const thanh = p1.words.find((w) => w.text === "Thành")!;
    const line = p1.words.filter((w) => Math.abs(w.yMin - thanh.yMin) < 1 && w.xMin >= thanh.xMin);
    expect(line.map((w) => w.text).join(" ")).toBe("Thành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2026");
    expect(line.at(-1)!.xMax).toBeLessThanOrEqual(p1.width - (15 / 25.4) * 72 + 0.5);
    const number = p1.words.find((w) => w.text === "12/BB-ĐKT")!;
    expect(thanh.xMin - number.xMax).toBeGreaterThan((3 / 25.4) * 72);
  });

  it("puts 'Nơi nhận' bottom left on the last page", () => {
    const last = pages[pages.length - 1]!;
    const noi = last.words.findIndex((w) => w.text === "Nơi");
    expect(noi).toBeGreaterThanOrEqual(0);
    const w = last.words[noi]!;
    expect(last.words[noi + 1]?.text).toBe("nhận:");
    expect(w.xMin).toBeLessThan((32 / 25.4) * 72);
    expect(w.yMin).toBeGreaterThan(last.height * 0.7);
    const lowest = Math.max(...last.words.map((x) => x.yMax));
    expect(lowest).toBeGreaterThan(last.height - (30 / 25.4) * 72);
    expect(lowest).toBeLessThanOrEqual(last.height - (20 / 25.4) * 72 + 1);
  });

  it("adds a captioned photo appendix (photos fitted to boxes) after 'Nơi nhận' when the export carries photos", async () => {
    const photos = [0, 1, 2].map((i) => ({ mime: "image/png" as const, data: makePng(320, 240, i), width: 320, height: 240 }));
    const withPhotos = InspectionExportSchema.parse(sampleExport({ criteria: 30, photos }));
    const f3 = join(dir, "record-photos.pdf");
    writeFileSync(f3, await renderInspectionRecord(withPhotos));
    const ps = pdfBbox(f3);
    expect(ps.length).toBe(pages.length + 1);
    const appendix = squash(pdftotext(f3, ps.length, ps.length));
    expect(appendix).toContain("Phụ lục ẢNH MINH CHỨNG (Kèm theo Biên bản kiểm tra số 12/BB-ĐKT ngày 05/02/2026)");
    // Decree 30/2020: "Phụ lục" and the name centred, bold; the document it goes with in italics.
    const top = ps[ps.length - 1]!.words.slice(1, 4); // after the page number
    expect(top.map((w) => w.text)).toEqual(["Phụ", "lục", "ẢNH"]);
    const centre = (w: { xMin: number; xMax: number }) => (w.xMin + w.xMax) / 2;
    const axis = ((30 + (210 - 15)) / 2 / 25.4) * 72;
    expect(Math.abs((top[0]!.xMin + top[1]!.xMax) / 2 - axis)).toBeLessThan(3);
    expect(centre(top[2]!)).toBeLessThan(axis);
    for (let i = 1; i <= 3; i++) expect(appendix).toContain(`Ảnh ${i} (I.1.${i}): Sổ theo dõi hồ sơ tiếp nhận và trả kết quả, trang ${i}`);
    expect(squash(pdftotext(f3, ps.length - 1, ps.length - 1))).toContain("Nơi nhận:");
    const without = join(dir, "record-nophotos.pdf");
    writeFileSync(without, await renderInspectionRecord(withPhotos, { photos: false }));
    expect(pdfBbox(without).length).toBe(pages.length);
  });
});
