import { addDraftMark } from "../pdf/addDraftMark";
import { addPageNumbers } from "../pdf/addPageNumbers";
import { drawDottedLines } from "../pdf/drawDottedLines";
import { drawClosing } from "../pdf/drawClosing";
import { drawDocumentHeader } from "../pdf/drawDocumentHeader";
import { drawLegalBases } from "../pdf/drawLegalBases";
import { drawTable } from "../pdf/drawTable";
import { drawTitle } from "../pdf/drawTitle";
import { drawPhotoAppendix } from "../pdf/drawPhotoAppendix";
import type { PdfWriter } from "../pdf/PdfWriter";
import type { InspectionRecordModel } from "./InspectionRecordModel";

const INDENT = 10;

/** Draws the inspection record model (Mẫu 21 BBKT layout) onto a fresh writer. */
export function drawInspectionRecord(w: PdfWriter, m: InspectionRecordModel): void {
  drawDocumentHeader(w, m.header);
  drawTitle(w, m.title, m.subject);
  drawLegalBases(w, m.legalBases);
  w.paragraph(m.opening, { indent: INDENT, after: 2 });

  heading(w, m.presence.heading);
  for (const line of [m.presence.time, m.presence.place]) w.paragraph(line, { indent: INDENT });
  w.paragraph(m.presence.teamHeading, { indent: INDENT });
  for (const p of m.presence.team) w.paragraph(p, { indent: INDENT * 1.5 });
  w.paragraph(m.presence.agencyHeading, { indent: INDENT });
  for (const p of m.presence.agency) w.paragraph(p, { indent: INDENT * 1.5 });
  w.gap(2);

  heading(w, m.checks.heading);
  w.paragraph(m.checks.intro, { indent: INDENT, after: 1 });
  for (const s of m.checks.sections) {
    drawTable(w, {
      caption: s.heading,
      columns: [
        { header: "TT", width: 14, align: "center" },
        { header: "Nội dung kiểm tra", width: 55 },
        { header: "Kết quả", width: 21, align: "center" },
        { header: "Ghi chú", width: 37.5 },
        { header: "Hồ sơ, minh chứng đã xem", width: 37.5 },
      ],
      rows: s.groups.flatMap((g) => [{ span: g.heading }, ...g.rows.map((r) => [r.code, r.criterion, r.result, r.note, r.evidence])]),
    });
  }
  w.paragraph(m.checks.summary, { indent: INDENT, style: "italic", after: 2 });

  heading(w, m.problems.heading);
  if (m.problems.nonconformities.length + m.problems.observations.length === 0) w.paragraph(m.problems.none, { indent: INDENT });
  if (m.problems.nonconformities.length > 0) {
    w.paragraph("1. Điểm không phù hợp:", { indent: INDENT, style: "bold" });
    m.problems.nonconformities.forEach((t, i) => w.paragraph(`1.${i + 1}. ${t}`, { indent: INDENT }));
  }
  if (m.problems.observations.length > 0) {
    w.paragraph(`${m.problems.nonconformities.length > 0 ? 2 : 1}. Khuyến nghị:`, { indent: INDENT, style: "bold" });
    m.problems.observations.forEach((t) => w.paragraph(`- ${t}`, { indent: INDENT }));
  }
  w.gap(2);

  heading(w, m.actions.heading);
  if (m.actions.rows.length === 0) w.paragraph(m.actions.none, { indent: INDENT });
  else {
    w.paragraph(m.actions.intro, { indent: INDENT, after: 1 });
    drawTable(w, {
      columns: [
        { header: "TT", width: 10, align: "center" },
        { header: "Vấn đề tồn tại", width: 50 },
        { header: "Hành động khắc phục", width: 50 },
        { header: "Người chịu trách nhiệm", width: 30 },
        { header: "Thời hạn", width: 25, align: "center" },
      ],
      rows: m.actions.rows.map((r) => [r.n, r.problem, r.action, r.owner, r.due]),
    });
  }
  w.gap(1);

  for (const part of [m.conclusion, m.recommendations, m.comments]) {
    heading(w, part.heading);
    if (part.text) w.paragraph(part.text, { indent: INDENT, after: 2 });
    else {
      drawDottedLines(w, 3);
      w.gap(2);
    }
  }
  drawClosing(w, { statement: m.closingStatement, signers: m.signers, recipients: m.recipients });
  if (m.photos.items.length > 0) drawPhotoAppendix(w, m.photos.heading, m.photos.items);
  addPageNumbers(w);
  if (m.draft) addDraftMark(w);
}

function heading(w: PdfWriter, text: string): void {
  w.ensure(w.lineHeight(13) * 3);
  w.paragraph(text, { style: "bold", align: "left", after: 1 });
}
