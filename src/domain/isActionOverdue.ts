import type { Action } from "./action";
import { actionDueOn } from "./actionDueOn";
import { NO_HOLIDAY_EDITS, type HolidayEdits } from "./publicHolidays";

/**
 * "Quá hạn báo cáo": the agency's report is still missing after its due date (`today` is passed in), or it came
 * late (its own date after the due date). An action reported on time is never overdue.
 */
export function isActionOverdue(
  action: Pick<Action, "dueOn" | "status" | "reportedOn">,
  signedOn: string | null,
  today: string,
  holidays: HolidayEdits = NO_HOLIDAY_EDITS,
): boolean {
  const due = actionDueOn(action, signedOn, holidays);
  if (due === null) return false;
  if (action.status === "open") return due < today;
  // Reported: late only by the report's own date (an older row without one cannot be shown late).
  return action.reportedOn !== null && action.reportedOn > due;
}
