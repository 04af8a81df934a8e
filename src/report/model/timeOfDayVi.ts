/** "08:30" → "08 giờ 30 phút"; blank → "…… giờ …… phút", left for the hand. */
export function timeOfDayVi(hhmm: string | null | undefined): string {
  const m = /^(\d{2}):(\d{2})$/u.exec(hhmm ?? "");
  return m ? `${m[1]} giờ ${m[2]} phút` : "…… giờ …… phút";
}
