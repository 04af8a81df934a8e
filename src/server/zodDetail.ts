import type { z } from "zod";

/** The first issue of a failed parse as one Vietnamese line. */
export function zodDetail(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
  return `${what} không hợp lệ${where}: ${issue?.message ?? "sai định dạng"}.`;
}
