/** Every table: writes that touch rows, changes, outbox and meta run in one transaction over all of them. */
export const ALL_TABLES = [
  "agencies",
  "teams",
  "plans",
  "checklists",
  "inspections",
  "results",
  "findings",
  "actions",
  "attachments",
  "changes",
  "outbox",
  "blobs",
  "meta",
  "rejected",
  "adoptions",
  "records",
] as const;
