/** The plan's row id: one plan per province-year, so two DOST officers edit the same row. */
export function planRowId(province: string, year: number): string {
  return `plan-${province}-${year}`;
}
