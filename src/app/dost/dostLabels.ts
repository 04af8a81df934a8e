import { ActionStatusSchema } from "../../domain/action";
import { ACTION_STATUS_LABELS_EN, ACTION_STATUS_LABELS_VI } from "../../domain/actionStatusLabels";

const ACTION_STATUSES = ActionStatusSchema.options;

/** Vietnamese and English words for the codes the DOST API returns (forms, statuses, record kinds), so no list or
 * title of the console shows a raw code. */
export const DOST_LABELS: Record<string, readonly [string, string]> = {
  desk: ["Qua hồ sơ", "Desk review"],
  onsite: ["Tại trụ sở", "On site"],
  draft: ["Nháp", "Draft"],
  submitted: ["Đã nộp", "Submitted"],
  finalized: ["Đã ký biên bản", "Finalized"],
  ...Object.fromEntries(ACTION_STATUSES.map((s) => [s, [ACTION_STATUS_LABELS_VI[s], ACTION_STATUS_LABELS_EN[s]] as const])),
  inspection: ["Cuộc kiểm tra", "Inspection"],
  result: ["Kết quả đánh giá", "Result"],
  finding: ["Vấn đề tồn tại", "Finding"],
  action: ["Hành động khắc phục", "Corrective action"],
  attachment: ["Ảnh, tài liệu", "Attachment"],
  agency: ["Cơ quan", "Agency"],
  plan: ["Kế hoạch", "Plan"],
  team: ["Đoàn kiểm tra", "Team"],
  checklist: ["Bộ tiêu chí", "Checklist"],
  adoption: ["Tiến độ áp dụng", "Adoption"],
  issuer: ["Thông tin cơ quan ban hành", "Issuer settings"],
};

/** The label of a code for `t(vi, en)`; an unknown code is shown as it is. */
export function dostLabel(code: string, t: (vi: string, en: string) => string): string {
  const l = DOST_LABELS[code];
  return l ? t(l[0], l[1]) : code;
}
