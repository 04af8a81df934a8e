import type { InspectionExport } from "../domain/inspectionExport";
import { actionRows } from "./tables/actionRows";
import { resultRows } from "./tables/resultRows";
import { writeXlsx } from "./xlsx/writeXlsx";

/** Results and corrective actions of one or more inspections as an XLSX workbook with two sheets. */
export function inspectionsXlsx(exps: readonly InspectionExport[]): Uint8Array {
  return writeXlsx([
    { name: "Kết quả", rows: resultRows(exps), widths: [30, 12, 12, 6, 10, 50, 14, 8, 40, 40] },
    { name: "Hành động khắc phục", rows: actionRows(exps), widths: [30, 12, 10, 40, 40, 25, 12, 18, 30, 12, 30, 14, 14] },
  ]);
}
