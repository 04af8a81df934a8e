import type { Action } from "./action";
import { addMonths } from "./isoDate";

/** The day the agency's corrective-action report is due: the action's own date, or two months after the record
 * was signed (TT 26 Art. 37), or null when neither is known. */
export function actionDueOn(action: Pick<Action, "dueOn">, signedOn: string | null): string | null {
  if (action.dueOn) return action.dueOn;
  return signedOn ? addMonths(signedOn, 2) : null;
}
