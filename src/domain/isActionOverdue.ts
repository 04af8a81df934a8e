import type { Action } from "./action";
import { actionDueOn } from "./actionDueOn";

/** An open or reported action whose due date has passed (`today` is passed in). */
export function isActionOverdue(action: Pick<Action, "dueOn" | "status">, signedOn: string | null, today: string): boolean {
  if (action.status !== "open" && action.status !== "reported") return false;
  const due = actionDueOn(action, signedOn);
  return due !== null && due < today;
}
