/**
 * Why a typed dd/mm/yyyy text is not a date: `format` when it is not written as a date at all, `no-month` or
 * `no-day` when it is written as one that does not exist ("31/11/2026": November has 30 days). Null when it is a
 * date or empty. `days` is how many days that month has.
 */
export function vietDateProblem(text: string): { kind: "format" } | { kind: "no-month"; month: number } | { kind: "no-day"; day: number; month: number; year: number; days: number } | null {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return { kind: "format" };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { kind: "no-month", month };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return { kind: "no-day", day, month, year, days };
  return null;
}
