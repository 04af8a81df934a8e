import { jdFromDate, jdToIso, lunarToSolar } from "./lunarNewMoon";

/** DOST's corrections to the computed list: days the Government added (Tết and 2/9 bridges, swapped days) or moved. */
export interface HolidayEdits {
  add: readonly string[];
  remove: readonly string[];
}
export const NO_HOLIDAY_EDITS: HolidayEdits = { add: [], remove: [] };

const jdOf = (iso: string) => jdFromDate(Number(iso.slice(8, 10)), Number(iso.slice(5, 7)), Number(iso.slice(0, 4)));
const isWeekend = (jd: number) => jd % 7 === 5 || jd % 7 === 6; // JD mod 7: 0 = Monday … 5 = Saturday, 6 = Sunday

/**
 * The public holidays of a solar year (Bộ luật Lao động 2019, Art. 112): 1/1; Tết Âm lịch, five days (the last day
 * of the lunar year and 1–4 of the new one, computed from the lunar calendar); Giỗ Tổ Hùng Vương (10/3 lunar);
 * 30/4; 1/5; Quốc khánh 2/9 with 1/9. A holiday on a weekend gives the next working day off (Art. 111.3). The
 * Government's yearly decision (the Tết bridge days, the day beside 2/9) is what `edits` adds or removes.
 */
export function publicHolidays(year: number, edits: HolidayEdits = NO_HOLIDAY_EDITS): Set<string> {
  const fixed = ["01-01", "04-30", "05-01", "09-01", "09-02"].map((md) => `${year}-${md}`);
  const tetJd = jdOf(lunarToSolar(1, 1, year));
  const tet = [-1, 0, 1, 2, 3].map((d) => jdToIso(tetJd + d));
  const gioTo = lunarToSolar(10, 3, year);
  const days = new Set([...fixed, ...tet, gioTo].filter((d) => d.startsWith(`${year}-`)));
  for (const d of [...days].sort()) {
    if (!isWeekend(jdOf(d))) continue;
    let jd = jdOf(d) + 1;
    while (isWeekend(jd) || days.has(jdToIso(jd))) jd++;
    days.add(jdToIso(jd));
  }
  for (const d of edits.remove) days.delete(d);
  for (const d of edits.add) if (d.startsWith(`${year}-`)) days.add(d);
  return days;
}

/**
 * The day a deadline really ends (Bộ luật Dân sự 2015, Art. 148.4): when its last day is a weekend day or a
 * public holiday, the end of the next working day.
 */
export function nextWorkingDay(iso: string, edits: HolidayEdits = NO_HOLIDAY_EDITS): string {
  const cache = new Map<number, Set<string>>();
  const holiday = (d: string) => {
    const y = Number(d.slice(0, 4));
    if (!cache.has(y)) cache.set(y, publicHolidays(y, edits));
    return cache.get(y)!.has(d);
  };
  let jd = jdOf(iso);
  while (isWeekend(jd) || holiday(jdToIso(jd))) jd++;
  return jdToIso(jd);
}
