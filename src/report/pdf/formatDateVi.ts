/**
 * `2026-03-05` → `05/3/2026`, as the provinces' documents write dates in running text ("ngày 05/3/2014"): the
 * day with two digits, months 1–2 with a leading zero (`21/01/2019`, as in the place-and-date line) and the others
 * without. Null or malformed → `…/…/…` so a blank stays visible on paper.
 */
export function formatDateVi(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  if (!m) return "…/…/…";
  const month = Number(m[2]);
  return `${m[3]}/${month <= 2 ? m[2] : String(month)}/${m[1]}`;
}
