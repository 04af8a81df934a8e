const DAY_MS = 86_400_000;

/**
 * An Excel date serial as Vietnamese write dates: "15/05/2024", or "05/2024" for a month format. Serials count
 * days from 1899-12-30 (or from 1904-01-01 in workbooks using the 1904 system).
 */
export function excelDateText(serial: number, kind: "day" | "month", date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.floor(serial) * DAY_MS);
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const yyyy = String(d.getUTCFullYear());
  return kind === "month" ? `${mm}/${yyyy}` : `${String(d.getUTCDate()).padStart(2, "0")}/${mm}/${yyyy}`;
}
