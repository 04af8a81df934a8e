/**
 * The place and date line of Decree 30/2020: `Thanh Hóa, ngày 05 tháng 02 năm 2026` (days 1–9 and months 1–2
 * with a leading zero). Without a date the blanks are left for the signer to fill in by hand.
 */
export function formatPlaceDate(place: string, iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  const where = place.trim() || "……";
  if (!m) return `${where}, ngày … tháng … năm ……`;
  return `${where}, ngày ${m[3]} tháng ${m[2]} năm ${m[1]}`;
}
