import type { DostDashboard } from "../../domain/dostDashboard";
import type { DostSummary } from "../../domain/dostSummary";
import { writeXlsx } from "../xlsx/writeXlsx";
import { yearReportFigures, type AdoptionCount } from "./yearReportFigures";

/** The yearly report's figures as a workbook: overview, per criterion, per agency kind, actions and notices. */
export function yearReportXlsx(s: DostSummary, d: DostDashboard, adoption: AdoptionCount[] = []): Uint8Array {
  const f = yearReportFigures(s, d, adoption);
  return writeXlsx([
    { name: "Tổng hợp", rows: [["Chỉ tiêu", "Số liệu"], ...f.overview], widths: [50, 14] },
    {
      name: "Theo nội dung",
      rows: [["Mã", "Nội dung", "Đạt", "Đạt một phần", "Không đạt", "Lưu ý", "Không áp dụng", "Tỷ lệ chưa đạt"], ...f.criteria.map((c) => [c.code, c.title ?? "", c.conform, c.partial, c.nonconform, c.observation, c.na, c.failRate])],
      widths: [10, 60, 10, 14, 12, 10, 14, 14],
    },
    {
      name: "Theo loại cơ quan",
      rows: [["Loại cơ quan", "Đạt", "Đạt một phần", "Không đạt", "Lưu ý", "Không áp dụng"], ...f.byKind.map((k) => [k.kind, k.conform, k.partial, k.nonconform, k.observation, k.na])],
      widths: [40, 10, 14, 12, 10, 14],
    },
    {
      name: "Khắc phục",
      rows: [["Tình trạng", "Số lượng"], ...f.actions.map((a) => [a.status, a.count]), ["Quá hạn (quá 02 tháng)", f.overdue]],
      widths: [40, 12],
    },
    {
      name: "Thông báo chưa chấp nhận",
      rows: [["Cơ quan", "Số thông báo", "Lý do", "Hành động khắc phục"], ...f.notices.map((x) => [x.agencyName, x.noticeNumber, x.decisionNote, x.description])],
      widths: [40, 16, 40, 40],
    },
    ...(adoption.length > 0 ? [{ name: "Áp dụng HTQLCL", rows: [["Lộ trình (năm)", "Số cơ quan", "Đã công bố"], ...adoption.map((a) => [a.cohortYear ?? "Khác", a.agencies, a.declared])], widths: [16, 12, 12] }] : []),
  ]);
}
