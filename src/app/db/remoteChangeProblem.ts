import { ChangeSchema, changeValueProblem, type Change } from "../../domain/change";
import { ENTITY_NAMES } from "../../domain/entities";

/**
 * Checks a change received from elsewhere against this version of the app: the parsed change, or why it cannot be
 * applied here (Vietnamese). An unknown record kind or field usually means the sender runs a newer schema.
 */
export function remoteChangeProblem(raw: unknown): { change: Change; problem: null } | { change: null; problem: string } {
  const entity = (raw as { entity?: unknown } | null)?.entity;
  if (typeof entity === "string" && !(ENTITY_NAMES as readonly string[]).includes(entity)) {
    return { change: null, problem: `Loại bản ghi "${entity.slice(0, 64)}" chưa có trong phiên bản ứng dụng này.` };
  }
  const parsed = ChangeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
    return { change: null, problem: `Thay đổi sai định dạng${where}.` };
  }
  const problem = changeValueProblem(parsed.data);
  return problem ? { change: null, problem } : { change: parsed.data, problem: null };
}
