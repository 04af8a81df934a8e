import type { ActionStatus } from "./action";

/** One label per corrective-action status, the same in the app, the DOST console and every report. */
export const ACTION_STATUS_LABELS_VI: Record<ActionStatus, string> = {
  open: "Chưa báo cáo khắc phục",
  reported: "Cơ quan đã báo cáo",
  accepted: "Đã chấp nhận",
  not_accepted: "Chưa chấp nhận",
  verified: "Đã xác nhận hiệu lực",
};
export const ACTION_STATUS_LABELS_EN: Record<ActionStatus, string> = {
  open: "Not yet reported",
  reported: "Reported by the agency",
  accepted: "Accepted",
  not_accepted: "Not accepted",
  verified: "Verified effective",
};
