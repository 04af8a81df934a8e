/** `GET /api/dost/dashboard?year=YYYY`: what the DOST console charts for a province-year (types shared by the server,
 * the console and the DOST reports). */
export interface OutcomeCounts {
  conform: number;
  partial: number;
  nonconform: number;
  observation: number;
  na: number;
}
export interface ComplianceRow extends OutcomeCounts {
  code: string;
  /** Agency kind, or parent unit id ("" when none). */
  group: string;
  groupName: string;
}
export interface ActionItem {
  actionId: string;
  inspectionId: string;
  agencyId: string;
  agencyName: string;
  status: string;
  dueOn: string | null;
  noticeNumber: string;
  decisionNote: string;
  description: string;
}
export interface DostDashboard {
  year: number;
  province: string;
  today: string;
  coverage: { planned: number; plannedOnsite: number; plannedDesk: number; started: number; finalized: number; unplanned: number };
  byFormStatus: { mode: string; status: string; count: number }[];
  byKind: ComplianceRow[];
  byParent: ComplianceRow[];
  actionsByStatus: Record<string, number>;
  overdue: ActionItem[];
  notices: ActionItem[];
  /** Rows with values kept for a team lead; `agencyName` is the inspected agency's (or the agency row's own). */
  conflicts: { entity: string; rowId: string; team: string | null; inspectionId: string | null; agencyName: string; count: number }[];
}
