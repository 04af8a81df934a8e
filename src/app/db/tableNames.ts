/** The Dexie table holding the merged rows of each record kind; kinds added to the domain later go to `records`. */
export const TABLE_OF: Readonly<Record<string, EntityTableName>> = {
  checklist: "checklists",
  agency: "agencies",
  team: "teams",
  plan: "plans",
  inspection: "inspections",
  result: "results",
  finding: "findings",
  action: "actions",
  attachment: "attachments",
  adoption: "adoptions",
};

export type EntityTableName =
  | "checklists"
  | "agencies"
  | "teams"
  | "plans"
  | "inspections"
  | "results"
  | "findings"
  | "actions"
  | "attachments"
  | "adoptions";
