/** A time typed on site ("8:30", "8h30", "08.30", "0830", "8 giờ 30") as "08:30"; "" stays ""; null when it is not a time. */
export function normalizeTimeOfDay(typed: string): string | null {
  const s = typed.trim().toLowerCase();
  if (!s) return "";
  const m = /^(\d{1,2})\s*(?::|h|\.|giờ)?\s*(\d{2})?\s*(?:phút|p)?$/u.exec(s) ?? /^(\d{2})(\d{2})$/u.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? "0");
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}
