import { DEFAULT_DOST_ISSUER, type DostIssuer } from "../../domain/DostIssuer";
import type { InspectionExport } from "../../domain/inspectionExport";
import { actionDueOn } from "../../domain/actionDueOn";
import { DocumentRefusedError } from "../DocumentRefusedError";
import { findingText } from "../model/findingText";
import { isoEdition } from "../model/isoEdition";
import { orderedCriteria } from "../model/orderedCriteria";
import { deepNfc } from "../pdf/deepNfc";
import type { DocumentBlock, DocumentModel } from "../pdf/DocumentModel";
import { formatDateVi } from "../pdf/formatDateVi";
import { formatDocNumber } from "../pdf/formatDocNumber";
import { formatPlaceDate } from "../pdf/formatPlaceDate";
import { ACTION_STATUS_LABELS_VI } from "../tables/ACTION_STATUS_LABELS_VI";

export interface TeamReportOptions {
  /** The inspecting unit the team reports to (the console's settings); its names head the report. */
  issuer?: DostIssuer;
  number?: string;
  /** Report date (ISO); defaults to the latest inspection date. */
  date?: string;
}

/**
 * The inspection team's report to the inspecting unit (TT 26 Art. 37.2.d) on its on-site inspections: what was
 * inspected, the records' results per agency, the problems found and the corrective actions required, the
 * agencies' corrective-action reports as they came in, and the team's recommendations as typed in each record.
 * Header "SỞ … / ĐOÀN KIỂM TRA", signed by the team lead. A desk review has no team and no record: refused.
 */
export function buildTeamReportModel(raws: readonly InspectionExport[], opts: TeamReportOptions = {}): DocumentModel {
  if (raws.length === 0) throw new Error("buildTeamReportModel: no inspections");
  const desk = raws.filter((r) => r.inspection.mode === "desk");
  if (desk.length > 0)
    throw new DocumentRefusedError(
      `the team report covers on-site inspections only; ${desk.map((d) => d.agency.name).join(", ")} ${desk.length === 1 ? "is a desk review" : "are desk reviews"}`,
      `Báo cáo của Đoàn kiểm tra chỉ gồm các cuộc kiểm tra tại trụ sở; ${desk.map((d) => d.agency.name).join(", ")} kiểm tra qua hồ sơ.`,
    );
  const issuer = deepNfc(opts.issuer ?? { ...DEFAULT_DOST_ISSUER, parentBody: raws[0]!.issuer?.parentBody ?? "", provinceName: raws[0]!.issuer?.place ?? "" });
  const exps = deepNfc(raws.map((r) => r)).sort((a, b) => a.inspection.startedOn.localeCompare(b.inspection.startedOn) || a.agency.name.localeCompare(b.agency.name, "vi"));
  const first = exps[0]!;
  const dates = exps.map((e) => e.inspection.signedOn ?? e.inspection.startedOn).sort();
  const date = opts.date ?? dates[dates.length - 1]!;
  const starts = exps.map((e) => e.inspection.startedOn).sort();
  const when = starts[0] === dates[dates.length - 1] ? `Ngày ${formatDateVi(starts[0])}` : `Từ ngày ${formatDateVi(starts[0])} đến ngày ${formatDateVi(dates[dates.length - 1])}`;
  const decisions = [...new Set(exps.map((e) => e.inspection.decisionRef.trim()).filter(Boolean))];

  const rows = exps.map((e, i) => {
    const scored = new Set(orderedCriteria(e.checklist).filter((p) => p.section.scored).map((p) => p.criterion.code));
    const res = e.results.filter((r) => scored.has(r.criterionCode));
    const n = (o: string) => String(res.filter((r) => r.outcome === o).length);
    const ncs = e.findings.filter((f) => !f.deleted && f.kind === "nonconformity").length;
    const record = e.inspection.recordNumber.trim() ? `${e.inspection.recordNumber.trim()}, ${formatDateVi(e.inspection.signedOn)}` : formatDateVi(e.inspection.signedOn ?? e.inspection.startedOn);
    return [String(i + 1), e.agency.name, record, n("conform"), n("partial"), n("nonconform"), String(ncs)];
  });

  const blocks: DocumentBlock[] = [
    { kind: "heading", text: "I. KHÁI QUÁT" },
    {
      kind: "paragraph",
      text: `${when}, Đoàn kiểm tra${decisions.length ? ` theo Quyết định số ${decisions.join(", ")}` : ""} đã kiểm tra tại trụ sở ${exps.length} cơ quan việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015. Biên bản kiểm tra của từng cơ quan gửi kèm theo báo cáo này.`,
    },
    { kind: "heading", text: "II. KẾT QUẢ KIỂM TRA" },
    {
      kind: "table",
      table: {
        fontSize: 10.5,
        columns: [
          { header: "TT", width: 9, align: "center" },
          { header: "Cơ quan chịu sự kiểm tra", width: 52 },
          { header: "Biên bản (số, ngày)", width: 30, align: "center" },
          { header: "Đạt", width: 15, align: "center" },
          { header: "Đạt một phần", width: 19, align: "center" },
          { header: "Không đạt", width: 19, align: "center" },
          { header: "Vấn đề tồn tại", width: 21, align: "center" },
        ],
        rows,
      },
    },
    { kind: "heading", text: "III. CÁC VẤN ĐỀ TỒN TẠI VÀ HÀNH ĐỘNG KHẮC PHỤC" },
  ];
  let any = false;
  for (const e of exps) {
    const requirement = new Map(orderedCriteria(e.checklist).map((p) => [p.criterion.code, p.criterion.activities.join("; ")]));
    const fs = e.findings.filter((f) => !f.deleted && f.kind === "nonconformity" && f.text.trim());
    if (fs.length === 0) continue;
    any = true;
    blocks.push({ kind: "paragraph", text: `${e.agency.name}:`, style: "bold" });
    for (const f of fs) {
      const acts = e.actions.filter((a) => !a.deleted && a.findingId === f.id);
      const due = acts.map((a) => actionDueOn(a, e.inspection.signedOn ?? e.inspection.startedOn)).filter((d): d is string => !!d).sort()[0];
      const fix = acts.map((a) => a.description.trim().replace(/[.;,\s]+$/u, "")).filter(Boolean).join("; ");
      const gap = isoEdition(findingText(f, f.criterionCode ? requirement.get(f.criterionCode) : undefined));
      blocks.push({ kind: "paragraph", text: `- ${gap}.${fix ? ` Hành động khắc phục: ${fix}${due ? ` (hạn báo cáo ${formatDateVi(due)})` : ""}.` : ""}` });
    }
  }
  if (!any) blocks.push({ kind: "paragraph", text: "Đoàn kiểm tra không phát hiện vấn đề tồn tại." });

  // Art. 37.2.d: the report carries the agencies' reports on their corrective actions, as they came in.
  blocks.push({ kind: "heading", text: "IV. BÁO CÁO THỰC HIỆN HÀNH ĐỘNG KHẮC PHỤC CỦA CÁC CƠ QUAN" });
  const reportRows = exps.flatMap((e) =>
    e.actions
      .filter((a) => !a.deleted)
      .map((a) => [
        e.agency.name,
        a.description.trim(),
        a.agencyReport.trim() ? `${a.reportNumber?.trim() ? `Số ${a.reportNumber.trim()}` : ""}${a.reportedOn ? `${a.reportNumber?.trim() ? " " : ""}ngày ${formatDateVi(a.reportedOn)}` : ""}${a.reportNumber?.trim() || a.reportedOn ? ": " : ""}${a.agencyReport.trim()}` : "Chưa báo cáo",
        ACTION_STATUS_LABELS_VI[a.status],
      ]),
  );
  if (reportRows.length === 0) blocks.push({ kind: "paragraph", text: "Không có hành động khắc phục phải báo cáo." });
  else
    blocks.push({
      kind: "table",
      table: {
        fontSize: 10.5,
        columns: [
          { header: "Cơ quan", width: 40 },
          { header: "Hành động khắc phục", width: 48 },
          { header: "Báo cáo của cơ quan (số, ngày, nội dung)", width: 50 },
          { header: "Tình trạng", width: 27, align: "center" },
        ],
        rows: reportRows,
      },
    });

  // The team's recommendations are what each record's KIẾN NGHỊ says; none typed leaves lines to write in.
  blocks.push({ kind: "heading", text: "V. KIẾN NGHỊ" });
  const recs = exps.filter((e) => e.inspection.recommendations?.trim());
  if (recs.length === 0) blocks.push({ kind: "dotted", lines: 3 });
  else for (const e of recs) blocks.push({ kind: "paragraph", text: `- ${e.agency.name}: ${isoEdition(e.inspection.recommendations!.trim())}` });

  const lead = first.inspection.leadName.trim();
  const unit = issuer.inspectingUnit.trim() || issuer.issuingBodyName;
  return {
    meta: { title: "Báo cáo kết quả kiểm tra của Đoàn kiểm tra", author: "Đoàn kiểm tra", date },
    header: {
      parentBody: issuer.issuingBody,
      issuingBody: "Đoàn kiểm tra",
      numberLine: formatDocNumber(opts.number ?? "", "BC", "ĐKT"),
      placeDate: formatPlaceDate(issuer.provinceName, date),
    },
    title: "Báo cáo",
    subject: "Kết quả kiểm tra việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015",
    addressees: [unit],
    blocks,
    closing: {
      signers: [{ heading: ["Trưởng đoàn"], name: lead }],
      recipients: ["Như trên", "Lưu: Đoàn kiểm tra"],
    },
  };
}
