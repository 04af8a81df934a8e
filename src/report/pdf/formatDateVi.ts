/** `2026-02-05` → `05/02/2026`; null or malformed → `…/…/…` so a blank stays visible on paper. */
export function formatDateVi(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  if (!m) return "…/…/…";
  return `${m[3]}/${m[2]}/${m[1]}`;
}
