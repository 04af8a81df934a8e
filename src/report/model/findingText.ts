import type { Finding } from "../../domain/finding";

/**
 * What a finding says, once, without criterion codes inside the text: older proposals read
 * "I.đ.1: <requirement> — <note>" and some were typed "[I.đ.1] …". The code and the requirement (both printed
 * beside it in the table) are taken off; what the team wrote stays as written, without a final stop.
 */
export function findingText(f: Pick<Finding, "criterionCode" | "text">, requirement?: string): string {
  let t = f.text.trim();
  const code = f.criterionCode?.trim();
  if (code) {
    const esc = code.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
    t = t.replace(new RegExp(`^\\[${esc}\\]\\s*`, "u"), "").replace(new RegExp(`^${esc}\\s*[:.\\-–—]\\s*`, "u"), "");
  }
  if (requirement) {
    const req = requirement.trim();
    if (req && t.startsWith(req)) {
      const rest = t.slice(req.length).replace(/^\s*[—–\-:;]\s*/u, "");
      if (rest) t = rest;
    }
  }
  return t.replace(/[.;,\s]+$/u, "");
}
