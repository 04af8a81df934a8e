import { formatNumber } from "./formatNumber";

/** A byte count as KB / MB / GB with Vietnamese number format. */
export function formatBytes(n: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatNumber(v, i === 0 ? 0 : 1)} ${units[i]}`;
}
