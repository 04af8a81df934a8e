/**
 * The place and date line of Decree 30/2020: `Thanh Hóa, ngày 05 tháng 02 năm 2026`. Only days 1–9 and months
 * 1–2 take a leading zero ("ngày 05 tháng 3"): the zero in 01/02 keeps a hand-added digit from turning
 * "tháng 1" into "tháng 11"/"tháng 12", which no other month risks. Without a date the blanks are left for the
 * signer to fill in by hand.
 */
export function formatPlaceDate(place: string, iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  const where = place.trim() || "……";
  if (!m) return `${where}, ngày … tháng … năm ……`;
  const month = Number(m[2]);
  return `${where}, ngày ${m[3]} tháng ${month <= 2 ? m[2] : String(month)} năm ${m[1]}`;
}
