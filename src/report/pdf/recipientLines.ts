/**
 * The "Nơi nhận" entries as Decree 30/2020 writes them: "- X;" one per line, the last "- Lưu: VT, …." (added
 * when missing).
 */
export function recipientLines(recipients: readonly string[]): string[] {
  const clean = recipients.map((r) => r.trim().replace(/^[-–•]\s*/u, "").replace(/[;.,\s]+$/u, "")).filter(Boolean);
  if (!clean.some((r) => /^Lưu\b/iu.test(r))) clean.push("Lưu: VT");
  return clean.map((r, i) => `- ${r}${i === clean.length - 1 ? "." : ";"}`);
}
