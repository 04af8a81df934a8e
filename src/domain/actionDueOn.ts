import type { Action } from "./action";
import { addMonths } from "./isoDate";
import { NO_HOLIDAY_EDITS, nextWorkingDay, type HolidayEdits } from "./publicHolidays";

/** The day the agency's corrective-action report is due: the action's own date, or two months after the record
 * was signed (TT 26 Art. 37.2.c), moved to the next working day when it falls on a rest day or a public holiday
 * (BLDS 2015 Art. 148.4); null when neither date is known. */
export function actionDueOn(action: Pick<Action, "dueOn">, signedOn: string | null, holidays: HolidayEdits = NO_HOLIDAY_EDITS): string | null {
  const due = action.dueOn ?? (signedOn ? addMonths(signedOn, 2) : null);
  return due ? nextWorkingDay(due, holidays) : null;
}
