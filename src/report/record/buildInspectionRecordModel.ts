import type { InspectionExport } from "../../domain/inspectionExport";
import { addMonths } from "../../domain/isoDate";
import { issuerSymbolProblem, suggestedAbbreviation } from "../../domain/issuerSymbolProblem";
import { SEVERITY_LABELS_VI } from "../../domain/outcome";
import { DocumentRefusedError } from "../DocumentRefusedError";
import { criterionText } from "../model/criterionText";
import { decisionCitation, decisionNumber } from "../model/decisionCitation";
import { findingText } from "../model/findingText";
import { isoEdition } from "../model/isoEdition";
import { timeOfDayVi } from "../model/timeOfDayVi";
import { evidenceText } from "../model/evidenceText";
import { orderedCriteria } from "../model/orderedCriteria";
import { resultLabel } from "../model/resultLabel";
import { deepNfc } from "../pdf/deepNfc";
import { formatDateVi } from "../pdf/formatDateVi";
import { formatDocNumber } from "../pdf/formatDocNumber";
import { formatPlaceDate } from "../pdf/formatPlaceDate";
import type { InspectionRecordModel, RecordActionRow, RecordCheckSection, RecordPhoto } from "./InspectionRecordModel";
import type { RecordOptions } from "./RecordOptions";

export const QD19_BASIS =
  "Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước";
export const TT26_BASIS =
  "Căn cứ Thông tư số 26/2014/TT-BKHCN ngày 10/10/2014 của Bộ trưởng Bộ Khoa học và Công nghệ quy định chi tiết thi hành Quyết định số 19/2014/QĐ-TTg";
const SUBJECT = "Việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015";

/** The pure model of the inspection record (Mẫu 21 BBKT, TT 26 Art. 37) from an inspection export. */
export function buildInspectionRecordModel(raw: InspectionExport, opts: RecordOptions = {}): InspectionRecordModel {
  // Photo bytes (base64, megabytes each) are not text: keep them out of the NFC pass.
  const photoData = new Map((raw.attachments ?? []).map((a) => [a.id, a.data]));
  const exp = deepNfc({ ...raw, attachments: raw.attachments?.map((a) => ({ ...a, data: undefined })) });
  const { inspection: ins, agency, checklist } = exp;
  // TT 26 Art. 37.1.a: a desk review ends in the inspecting unit's letter, never in a record of a visit.
  if (ins.mode === "desk")
    throw new DocumentRefusedError(
      'a desk review (mode "desk") has no inspection record (biên bản); make its letter instead: npm run report -- letter <file>',
      "Kiểm tra qua hồ sơ, báo cáo không lập biên bản kiểm tra: đơn vị kiểm tra gửi văn bản đề nghị thực hiện, khắc phục (Điều 37.1.a Thông tư 26/2014/TT-BKHCN).",
    );
  // The issuer frozen into the inspection at finalize (v4) wins; a file without it prints from its own top-level
  // `issuer` (the older contract, a tablet's setting) exactly as before.
  const frozen = ins.issuer;
  const issuer = frozen ? { parentBody: frozen.parentBody, issuingBody: frozen.issuingBody, place: frozen.place, symbol: frozen.symbols.record } : exp.issuer;
  const issuingBody = issuer?.issuingBody.trim() || "Đoàn kiểm tra";
  const symbol = issuer?.symbol.trim() || (frozen?.issuingBody.trim() ? suggestedAbbreviation(frozen.issuingBody) : "ĐKT");
  const date = ins.signedOn ?? ins.startedOn;
  // `agency.province` is an id, not a name: without an issuer the place is left blank to be written in.
  const place = issuer?.place.trim() ?? "";
  const where = ins.place.trim() || agency.name;
  const numberLine = formatDocNumber(ins.recordNumber, "BB", symbol);
  const symbolProblem = frozen ? issuerSymbolProblem("record", issuingBody, numberLine) : null;
  if (symbolProblem) throw new DocumentRefusedError(`the record's number symbol does not match its issuing body (NĐ 30/2020): ${numberLine} under ${issuingBody}`, symbolProblem);
  const reportTo = frozen?.issuingBodyName.trim() || issuingBody;
  const recipients = frozen
    ? [agency.name, ...frozen.recipients, `Lưu: VT${frozen.draftingUnit.trim() ? `, ${frozen.draftingUnit.trim()}` : ""}`]
    : issuer?.recipients?.length
      ? issuer.recipients
      : [agency.name, `Lưu: VT, ${symbol}`];

  const cited = decisionCitation(ins);
  const decision = cited ? `Căn cứ ${cited}` : "";

  const placed = orderedCriteria(checklist);
  const resultByCode = new Map(exp.results.map((r) => [r.criterionCode, r]));
  const indexByCode = new Map(placed.map((p) => [p.criterion.code, p.index]));

  const sections: RecordCheckSection[] = checklist.sections
    .filter((s) => s.scored)
    .map((s) => ({
      heading: `Mục ${s.code}. ${isoEdition(s.title)}`,
      groups: s.items.map((item) => ({
        heading: [item.code, isoEdition(item.title)].filter(Boolean).join(". "),
        rows: item.criteria.map((c) => {
          const r = resultByCode.get(c.code);
          const note = [r?.note.trim(), r?.outcome === "na" && r.naReason.trim() ? `Lý do không áp dụng: ${r.naReason.trim()}` : ""].filter(Boolean).join("\n");
          return { code: c.code, criterion: isoEdition(criterionText(c)), result: resultLabel(r), note, evidence: evidenceText(r) };
        }),
      })),
    }));
  const scored = sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
  const count = (label: string) => scored.filter((r) => r.result.startsWith(label)).length;
  const summary = `Tổng số ${scored.length} nội dung: Đạt ${count("Đạt") - count("Đạt một phần")}; Đạt một phần ${count("Đạt một phần")}; Không đạt ${count("Không đạt")}; Lưu ý ${count("Lưu ý")}; Không áp dụng ${count("Không áp dụng")}; Chưa đánh giá ${count("Chưa đánh giá")}.`;

  const byOrder = (code: string | null) => (code ? (indexByCode.get(code) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER);
  const findings = exp.findings.filter((f) => !f.deleted && f.text.trim()).sort((a, b) => byOrder(a.criterionCode) - byOrder(b.criterionCode));
  const requirement = new Map(placed.map((p) => [p.criterion.code, p.criterion.activities.join("; ")]));
  const findingLine = (f: (typeof findings)[number]) => {
    const text = isoEdition(findingText(f, f.criterionCode ? requirement.get(f.criterionCode) : undefined));
    const severity = f.kind === "nonconformity" && f.severity ? ` (mức ${SEVERITY_LABELS_VI[f.severity]})` : "";
    return `${text}${severity}.`;
  };
  const findingById = new Map(findings.map((f) => [f.id, f]));

  const deadline = addMonths(date, 2);
  const actions = exp.actions
    .filter((a) => !a.deleted && a.description.trim())
    .sort((a, b) => byOrder(findingById.get(a.findingId)?.criterionCode ?? null) - byOrder(findingById.get(b.findingId)?.criterionCode ?? null));
  const actionRows: RecordActionRow[] = actions.map((a, i) => {
    const f = findingById.get(a.findingId);
    return {
      n: String(i + 1),
      problem: f ? findingLine(f) : "",
      action: a.description.trim(),
      owner: a.owner.trim() || agency.name,
      due: formatDateVi(a.dueOn ?? deadline),
    };
  });

  const photos: RecordPhoto[] =
    opts.photos === false
      ? []
      : (exp.attachments ?? [])
          .filter((a) => !a.deleted && photoData.get(a.id) && (a.mime === "image/jpeg" || a.mime === "image/png"))
          .map((a, i) => {
            const code = exp.results.find((r) => r.id === a.ownerId)?.criterionCode ?? exp.findings.find((f) => f.id === a.ownerId)?.criterionCode;
            const caption = `Ảnh ${i + 1}${code ? ` (${code})` : ""}: ${a.caption.trim() || "Ảnh minh chứng"}`;
            return { caption, mime: a.mime, data: photoData.get(a.id) ?? "", width: a.width, height: a.height };
          });

  const team = ins.members.length > 0 ? ins.members.map((m) => personLine(m.name, m.role)) : ins.leadName.trim() ? [personLine(ins.leadName, "Trưởng đoàn")] : ["……"];
  const agencyPeople =
    ins.agencyMembers.length > 0
      ? ins.agencyMembers.map((m) => personLine(m.name, m.role))
      : ins.agencyRepresentative.trim()
        ? [personLine(ins.agencyRepresentative, "Đại diện cơ quan")]
        : ["……"];

  return {
    meta: { title: `Biên bản kiểm tra - ${agency.name}`, subject: SUBJECT, author: issuingBody, date: date },
    header: {
      parentBody: issuer?.parentBody ?? "",
      issuingBody,
      numberLine,
      placeDate: formatPlaceDate(place, date),
    },
    title: "Biên bản kiểm tra",
    subject: `${SUBJECT} tại ${agency.name}`,
    legalBases: [QD19_BASIS, TT26_BASIS, ...(opts.legalBases ?? []).map((b) => b.normalize("NFC")), decision].filter(Boolean),
    opening: `Hôm nay, vào hồi ${timeOfDayVi(ins.startTime)}, ${formatPlaceDate("", ins.startedOn).replace(/^……, /u, "")}, tại ${where}, Đoàn kiểm tra${cited ? ` được thành lập theo Quyết định số ${decisionNumber(ins.decisionRef)} ngày ${formatDateVi(ins.decisionDate)}` : ""} tiến hành kiểm tra việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 tại ${agency.name}.`,
    presence: {
      heading: "I. THỜI GIAN, ĐỊA ĐIỂM VÀ THÀNH PHẦN",
      time: `1. Thời gian: ngày ${formatDateVi(ins.startedOn)}${ins.signedOn && ins.signedOn !== ins.startedOn ? ` đến ngày ${formatDateVi(ins.signedOn)}` : ""}.`,
      place: `2. Địa điểm: ${where}.`,
      teamHeading: "3. Thành phần Đoàn kiểm tra:",
      team,
      agencyHeading: `4. Đại diện cơ quan chịu sự kiểm tra (${agency.name}):`,
      agency: agencyPeople,
    },
    checks: {
      heading: "II. NỘI DUNG VÀ KẾT QUẢ KIỂM TRA",
      intro: `Đoàn kiểm tra đã xem xét hồ sơ thực tế, phỏng vấn lãnh đạo, cán bộ, công chức và quan sát hoạt động thực tế của cơ quan theo bộ tiêu chí "${isoEdition(checklist.title)}" (phiên bản ${checklist.version}). Kết quả như sau:`,
      sections,
      summary,
    },
    problems: {
      heading: "III. CÁC VẤN ĐỀ TỒN TẠI",
      nonconformities: findings.filter((f) => f.kind === "nonconformity").map(findingLine),
      observations: findings.filter((f) => f.kind === "observation").map(findingLine),
      none: "Đoàn kiểm tra không phát hiện vấn đề tồn tại.",
    },
    actions: {
      heading: "IV. YÊU CẦU THỰC HIỆN HÀNH ĐỘNG KHẮC PHỤC",
      intro: `${agency.name} thực hiện hoặc đề xuất hành động khắc phục đối với các vấn đề tồn tại nêu tại mục III và báo cáo kết quả thực hiện về ${reportTo} trong thời gian không quá 02 (hai) tháng kể từ ngày ký Biên bản kiểm tra (chậm nhất ngày ${formatDateVi(deadline)}), gồm:`,
      rows: actionRows,
      none: "Không có yêu cầu khắc phục.",
    },
    // Only what the team and the agency typed; an empty field prints dotted lines to be filled in by hand.
    conclusion: { heading: "V. KẾT LUẬN", text: isoEdition((ins.conclusion ?? "").trim()) },
    recommendations: { heading: "VI. KIẾN NGHỊ", text: isoEdition((ins.recommendations ?? "").trim()) },
    comments: { heading: "VII. Ý KIẾN CỦA CƠ QUAN CHỊU SỰ KIỂM TRA", text: ins.agencyComments.trim() },
    closingStatement: `Biên bản kết thúc vào hồi ${timeOfDayVi(ins.endTime)}${ins.signedOn && ins.signedOn !== ins.startedOn ? ` ngày ${formatDateVi(ins.signedOn)}` : " cùng ngày"}, đã được đọc lại cho các thành viên tham dự cùng nghe, thống nhất và được lập thành 02 (hai) bản có giá trị pháp lý như nhau, cơ quan chịu sự kiểm tra giữ 01 (một) bản và Đoàn kiểm tra giữ 01 (một) bản.`,
    draft: ins.status !== "finalized",
    signers: [
      { heading: ["Đại diện cơ quan", "chịu sự kiểm tra"], note: "(Ký, ghi rõ họ tên, đóng dấu)", name: ins.agencyRepresentative.trim(), signature: ins.agencySignature },
      { heading: ["Trưởng đoàn kiểm tra"], note: "(Ký, ghi rõ họ tên)", name: ins.leadName.trim(), signature: ins.leadSignature },
    ],
    recipients,
    photos: {
      heading: { label: "Phụ lục", title: "Ảnh minh chứng", attachedTo: `(Kèm theo Biên bản kiểm tra ${numberLine.replace(/^Số: /u, "số ")} ngày ${formatDateVi(date)})` },
      items: photos,
    },
  };
}

function personLine(name: string, role: string): string {
  return `- ${name.trim()}${role.trim() ? `, ${role.trim()}` : ""};`;
}
