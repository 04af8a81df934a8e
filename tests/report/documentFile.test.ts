import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DOST_ISSUER } from "../../src/domain/DostIssuer";
import type { DostDashboard } from "../../src/domain/dostDashboard";
import type { DostSummary } from "../../src/domain/dostSummary";
import { InspectionExportSchema } from "../../src/domain/inspectionExport";
import { runReportCli } from "../../src/report/cli/runReportCli";
import { DocumentFileSchema, renderDocumentFile, type DocumentFile } from "../../src/report/documentFile";
import { provinceFixture } from "../dost/support/provinceFixture";
import { pdftotext, squash } from "./fixtures/poppler";
import { sampleExport } from "./fixtures/sampleExport";

const dir = mkdtempSync(join(tmpdir(), "report-docfile-"));
const exp = InspectionExportSchema.parse(sampleExport({ criteria: 12 }));
const desk = { ...exp, inspection: { ...exp.inspection, mode: "desk" as const } };
const issuer = { ...DEFAULT_DOST_ISSUER, signer: { heading: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "Nguyễn Văn Bình" } };
const fx = provinceFixture(7);
const summary: DostSummary = {
  year: 2026, province: "thanh-hoa", inspections: { onsite: 2, desk: 3, finalized: 4, draft: 1, submitted: 0 },
  criteria: [{ code: "I.a.1", title: "Phạm vi áp dụng", conform: 3, partial: 1, nonconform: 0, observation: 0, na: 0 }],
  actions: { open: 1, reported: 1, accepted: 0, not_accepted: 0, verified: 0, overdue: 1 },
};
const dashboard: DostDashboard = {
  year: 2026, province: "thanh-hoa", today: "2026-11-15",
  coverage: { planned: 5, plannedOnsite: 2, plannedDesk: 3, started: 5, finalized: 4, unplanned: 0 },
  byFormStatus: [], byKind: [], byParent: [], actionsByStatus: {}, overdue: [], notices: [], conflicts: [],
};
const head = { format: "htqlcl-document/1" as const, issuer };
const docs: [DocumentFile, string][] = [
  [{ ...head, kind: "letter", number: "45", inspection: desk }, "Số: 45/SKHCN-TĐC"],
  [{ ...head, kind: "team-report", inspections: [exp] }, "ĐOÀN KIỂM TRA"],
  [{ ...head, kind: "plan", number: "15", date: "2026-01-05", plan: fx.model.plan, agencies: fx.model.agencies, teamNames: { t1: "Đoàn 1" } }, "KẾ HOẠCH KIỂM TRA"],
  [
    {
      ...head, kind: "notice", number: "27", date: "2026-10-05", agencyName: "UBND xã Mường Lý",
      inspection: { recordNumber: "12/BB-ĐKT", signedOn: "2026-06-15", startedOn: "2026-06-14" },
      actions: [{ action: { description: "Cập nhật quy trình", agencyReport: "Đã ban hành", reportedOn: "2026-09-01", reportNumber: "25/BC-UBND", decisionNote: "Chưa có bằng chứng" }, finding: null }],
    },
    "Số: 27/TB-SKHCN",
  ],
  [{ ...head, kind: "province-report", number: "88", date: "2026-11-20", summary, dashboard }, "Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa"],
  [{ ...head, kind: "ministry-report", date: "2026-12-10", summary, dashboard, adoption: [{ cohortYear: 2022, agencies: 32, declared: 30 }] }, "Kính gửi: Bộ Khoa học và Công nghệ"],
];

async function cli(...argv: string[]) {
  let err = "";
  const code = await runReportCli(argv, { stdout: () => undefined, stderr: (s) => (err += s) });
  return { code, err };
}

describe("npm run report -- <kind> <document file>: every document the console makes", () => {
  it("renders each kind from the file the console saves, byte for byte what the console renders", async () => {
    for (const [doc, phrase] of docs) {
      const file = join(dir, `${doc.kind}.json`);
      writeFileSync(file, JSON.stringify(doc));
      const out = join(dir, `${doc.kind}.pdf`);
      const r = await cli(doc.kind, file, "--out", out);
      expect(r.code, `${doc.kind}: ${r.err}`).toBe(0);
      const bytes = new Uint8Array(readFileSync(out));
      expect(bytes, doc.kind).toEqual(renderDocumentFile(DocumentFileSchema.parse(JSON.parse(readFileSync(file, "utf8")))));
      expect(squash(pdftotext(out)), doc.kind).toContain(phrase);
    }
  });

  it("answers bad input with one English line and writes nothing", async () => {
    const [letter] = docs[0]!;
    const letterFile = join(dir, "letter-doc.json");
    writeFileSync(letterFile, JSON.stringify(letter));
    const broken = join(dir, "broken-plan.json");
    writeFileSync(broken, JSON.stringify({ ...docs[2]![0], plan: { ...fx.model.plan, year: "2026" } }));
    const notJson = join(dir, "not.json");
    writeFileSync(notJson, "{");
    const cases: [string[], RegExp][] = [
      [["plan", letterFile], /is a "letter" file, not "plan"/u],
      [["plan", broken], /not a valid htqlcl-document\/1 file: at plan\.year:/u],
      [["notice", notJson], /is not valid JSON/u],
      [["province-report", join(dir, "missing.json")], /cannot read .*: no such file/u],
      [["ministry-report", join(dir, "record.json")], /cannot read/u],
    ];
    for (const [args, re] of cases) {
      const out = join(dir, `bad-${args[0]}.pdf`);
      const r = await cli(...args, "--out", out);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.err).toMatch(re);
      expect(r.err.split("\n").filter(Boolean), r.err).toHaveLength(1);
      expect(r.err).not.toMatch(/\bat .*\.ts:\d+/u);
      expect(existsSync(out)).toBe(false);
    }
  });
});
