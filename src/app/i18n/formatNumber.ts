/** A number in Vietnamese format (1.234,5). */
export function formatNumber(n: number, maximumFractionDigits = 1): string {
  return n.toLocaleString("vi-VN", { maximumFractionDigits });
}
