import type { Change } from "../../domain/change";

/** A row another row points to. */
export interface RowRef {
  entity: "inspection" | "finding";
  rowId: string;
}

/**
 * The rows a change makes its row point to: the inspection of a result (from its id, `<inspection>/<criterion>`),
 * the inspection named by an `inspectionId` and the finding named by a `findingId`. Such a row, when it exists,
 * must have the same scope as the row pointing to it.
 */
export function referencedRows(change: Change): RowRef[] {
  const out: RowRef[] = [];
  if (change.entity === "result") {
    const key = resultKeyOf(change.rowId);
    if (key) out.push({ entity: "inspection", rowId: key.inspectionId });
  }
  if (change.field === "inspectionId" && typeof change.value === "string") out.push({ entity: "inspection", rowId: change.value });
  if (change.field === "findingId" && typeof change.value === "string") out.push({ entity: "finding", rowId: change.value });
  return out;
}

/** The inspection and criterion a result id `<inspection>/<criterion>` names, or null when it is not of that form. */
export function resultKeyOf(rowId: string): { inspectionId: string; criterionCode: string } | null {
  const i = rowId.lastIndexOf("/");
  if (i <= 0 || i === rowId.length - 1) return null;
  return { inspectionId: rowId.slice(0, i), criterionCode: rowId.slice(i + 1) };
}

/** Why a result change contradicts its id (`<inspection>/<criterion>`, derived on the server), or null. */
export function resultKeyProblem(change: Change): string | null {
  if (change.entity !== "result") return null;
  const key = resultKeyOf(change.rowId);
  const want = "Mã dòng kết quả phải là <cuộc kiểm tra>/<mã tiêu chí>";
  if (!key) return `${want}; "${change.rowId}" không đúng dạng đó.`;
  if (change.field === "inspectionId" && change.value !== key.inspectionId) return `${want}: "${change.rowId}" thuộc cuộc kiểm tra "${key.inspectionId}".`;
  if (change.field === "criterionCode" && change.value !== key.criterionCode) return `${want}: "${change.rowId}" là tiêu chí "${key.criterionCode}".`;
  return null;
}
