import type { Result } from "../../domain/result";
import { formatDateVi } from "../pdf/formatDateVi";

/**
 * The records actually seen for a result: checked evidence entries, then documents with number and date, one
 * per line with `bullet` in front ("- " on paper; "" in spreadsheets, where a leading "-" reads as a formula).
 */
export function evidenceText(r: Pick<Result, "evidence" | "documents"> | undefined, bullet = "- "): string {
  if (!r) return "";
  const docs = r.documents.map((d) => {
    const head = [d.number && `Số ${d.number}`, d.date && `ngày ${formatDateVi(d.date)}`].filter(Boolean).join(" ");
    return [head, d.title].filter(Boolean).join(": ");
  });
  return [...r.evidence, ...docs]
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => `${bullet}${s}`)
    .join("\n");
}
