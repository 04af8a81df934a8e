import type { Action, ActionStatus } from "./action";

export type FollowUpStep =
  /** The agency's report: its content, its own date and number (not the day DOST records it). */
  | { kind: "report"; agencyReport: string; reportedOn: string; reportNumber?: string }
  | { kind: "accept"; decisionNote: string }
  | { kind: "reject"; decisionNote: string; noticeNumber: string }
  | { kind: "verify"; verifiedOn: string; decisionNote?: string };

export interface FollowUpEdit {
  fields: Partial<Pick<Action, "status" | "agencyReport" | "reportedOn" | "reportNumber" | "decisionNote" | "noticeNumber" | "verifiedOn">>;
  /** A new report after a notice of non-acceptance moves the status back, which the merge allows only as a reopen. */
  reopen: boolean;
}

const FROM: Record<FollowUpStep["kind"], readonly ActionStatus[]> = {
  report: ["open", "reported", "not_accepted"],
  accept: ["reported"],
  reject: ["reported"],
  verify: ["accepted"],
};

/**
 * The field edits of one follow-up step (open → reported → accepted | not_accepted → verified), or a Vietnamese
 * message saying why the step does not apply to the action as it stands.
 */
export function followUpEdit(action: Pick<Action, "status">, step: FollowUpStep): FollowUpEdit | string {
  if (!FROM[step.kind].includes(action.status)) {
    return `Không thể thực hiện bước này khi hành động khắc phục đang ở trạng thái "${action.status}".`;
  }
  switch (step.kind) {
    case "report":
      if (!step.agencyReport.trim()) return "Cần nhập nội dung báo cáo khắc phục của cơ quan.";
      return {
        fields: {
          status: "reported",
          agencyReport: step.agencyReport.normalize("NFC"),
          reportedOn: step.reportedOn,
          ...(step.reportNumber?.trim() ? { reportNumber: step.reportNumber.trim().normalize("NFC") } : {}),
        },
        reopen: action.status === "not_accepted",
      };
    case "accept":
      return { fields: { status: "accepted", decisionNote: step.decisionNote.normalize("NFC") }, reopen: false };
    case "reject":
      if (!step.noticeNumber.trim()) return "Cần nhập số thông báo chưa chấp nhận hành động khắc phục.";
      if (!step.decisionNote.trim()) return "Cần nêu lý do chưa chấp nhận.";
      return {
        fields: { status: "not_accepted", decisionNote: step.decisionNote.normalize("NFC"), noticeNumber: step.noticeNumber.trim() },
        reopen: false,
      };
    case "verify":
      return {
        fields: { status: "verified", verifiedOn: step.verifiedOn, ...(step.decisionNote ? { decisionNote: step.decisionNote.normalize("NFC") } : {}) },
        reopen: false,
      };
  }
}
