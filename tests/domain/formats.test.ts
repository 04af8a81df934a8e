import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChecklistSchema } from "../../src/domain/checklist";
import { InspectionExportSchema } from "../../src/domain/inspectionExport";
import { runReportCli } from "../../src/report/cli/runReportCli";
import { withUnknownFields } from "../fixtures/formats/withUnknownFields";

const DIR = join(__dirname, "../fixtures/formats");
const fixtures = (prefix: string) => readdirSync(DIR).filter((f) => f.startsWith(prefix) && f.endsWith(".json")).sort();
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(DIR, file), "utf8"));

describe("htqlcl-inspection/1: every released version's file still opens", () => {
  it("keeps one fixture per released version", () => {
    expect(fixtures("inspection-1-")).toEqual(["inspection-1-2026-12-02.json", "inspection-1-c062d4f.json", "inspection-1-design.json"]);
  });

  for (const file of fixtures("inspection-1-")) {
    it(`${file} reads, with fields added later defaulted and unknown fields ignored`, () => {
      const raw = read(file);
      const parsed = InspectionExportSchema.safeParse(raw);
      expect(parsed.success, parsed.error?.message).toBe(true);
      const doc = parsed.data!;
      expect(doc.inspection.id).toBe((raw.inspection as { id: string }).id);
      expect(doc.inspection.province).toBe((raw.agency as { province: string }).province);
      expect(doc.actions.every((a) => a.inspectionId === doc.inspection.id)).toBe(true);
      expect(doc.results.length).toBe((raw.results as unknown[]).length);
      const later = InspectionExportSchema.safeParse(withUnknownFields(raw));
      expect(later.success, later.error?.message).toBe(true);
      expect(later.data).toEqual(doc);
    });
  }

  it("the DESIGN.md §6 file gets the empty value of every field added since", () => {
    const doc = InspectionExportSchema.parse(read("inspection-1-design.json"));
    expect(doc.agency).toMatchObject({ successorKind: null, needsReview: false, validFrom: null });
    expect(doc.inspection).toMatchObject({
      province: "38",
      decisionDate: null,
      place: "",
      members: [],
      agencyMembers: [],
      agencyComments: "",
      recordNumber: "",
      signedOn: null,
      leadSignature: null,
      agencySignature: null,
      decisionRef: "12/QĐ-SKHCN",
    });
    expect(doc.results[1]).toMatchObject({ outcome: "nonconform", severity: "major", documents: [], naReason: "" });
    expect(doc.findings[0]).toMatchObject({ severity: null, deleted: false });
    expect(doc.actions[0]).toMatchObject({
      inspectionId: "019e0f80-0000-7000-8000-000000000001",
      dueOn: "2026-07-10",
      agencyReport: "",
      reportedOn: null,
      decisionNote: "",
      noticeNumber: "",
      verifiedOn: null,
      deleted: false,
    });
  });

  it("a value that is present is still checked strictly, with the field named", () => {
    const raw = read("inspection-1-design.json");
    const bad = (patch: (d: Record<string, Record<string, unknown>>) => void) => {
      const d = structuredClone(raw) as Record<string, Record<string, unknown>>;
      patch(d);
      const r = InspectionExportSchema.safeParse(d);
      expect(r.success).toBe(false);
      return r.error!.issues[0]!.path.join(".");
    };
    expect(bad((d) => (d.inspection!.decisionDate = "2026-02-30"))).toBe("inspection.decisionDate");
    expect(bad((d) => (d.agency!.needsReview = "yes"))).toBe("agency.needsReview");
    expect(bad((d) => ((d.actions as unknown as Record<string, unknown>[])[0]!.status = "done"))).toBe("actions.0.status");
    expect(bad((d) => (d.inspection!.province = ""))).toBe("inspection.province");
    expect(bad((d) => delete d.inspection!.agencyId)).toBe("inspection.agencyId");
  });

  it("the record command renders the DESIGN.md §6 file, and names a bad value in one English line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "formats-"));
    const out = join(dir, "record.pdf");
    let err = "";
    const code = await runReportCli(["record", join(DIR, "inspection-1-design.json"), "--out", out], { stdout: () => undefined, stderr: (s) => (err += s) });
    expect(code, err).toBe(0);
    const text = execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" });
    expect(text).toContain("Mường Lý");
    expect(text).toContain("Danh mục thủ tục hành chính chưa được cập nhật.");
    const broken = structuredClone(read("inspection-1-design.json")) as { inspection: Record<string, unknown> };
    broken.inspection.startedOn = "10/05/2026";
    writeFileSync(join(dir, "bad.json"), JSON.stringify(broken));
    err = "";
    expect(await runReportCli(["record", join(dir, "bad.json"), "--out", join(dir, "bad.pdf")], { stdout: () => undefined, stderr: (s) => (err += s) })).not.toBe(0);
    expect(err).toMatch(/at inspection\.startedOn/);
  });
});

describe("htqlcl-checklist/1: every released version's file still opens", () => {
  it("keeps one fixture per released version", () => {
    expect(fixtures("checklist-1-")).toEqual(["checklist-1-2026-11-22.json", "checklist-1-design.json"]);
  });

  for (const file of fixtures("checklist-1-")) {
    it(`${file} reads, unknown fields ignored`, () => {
      const raw = read(file);
      const parsed = ChecklistSchema.safeParse(raw);
      expect(parsed.success, parsed.error?.message).toBe(true);
      expect(parsed.data!.sections.length).toBe((raw.sections as unknown[]).length);
      const later = ChecklistSchema.safeParse(withUnknownFields(raw));
      expect(later.success, later.error?.message).toBe(true);
      expect(later.data).toEqual(parsed.data);
    });
  }

  it("the DESIGN.md §5 file keeps its criteria, and an unscored section stays unscored", () => {
    const doc = ChecklistSchema.parse(read("checklist-1-design.json"));
    expect(doc.sections.map((s) => [s.code, s.scored])).toEqual([
      ["I", true],
      ["III", false],
    ]);
    expect(doc.sections[0]!.items[0]!.criteria.map((c) => c.code)).toEqual(["I.3.1", "I.3.2"]);
    expect(doc.outcomes).toBeUndefined();
  });

  it("a bad value is still refused, with the field named", () => {
    const raw = structuredClone(read("checklist-1-design.json")) as { sections: { scored: unknown }[] };
    raw.sections[0]!.scored = "có";
    const r = ChecklistSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path.join(".")).toBe("sections.0.scored");
  });
});
