import type { ActionStatus } from "../../domain/action";

/** Corrective-action follow-up states as DOST staff say them. */
export const ACTION_STATUS_LABELS_VI: Record<ActionStatus, string> = {
  open: "Chưa báo cáo khắc phục",
  reported: "Cơ quan đã báo cáo",
  accepted: "Chấp nhận",
  not_accepted: "Chưa chấp nhận",
  verified: "Đã xác nhận hiệu lực",
};
