import type { Agency } from "../../domain/agency";
import type { Plan } from "../../domain/plan";
import { writeXlsx } from "../xlsx/writeXlsx";
import { planTableRows } from "./buildPlanModel";

/** The yearly plan (Mẫu 19 KHKT) as a one-sheet workbook. */
export function planXlsx(plan: Plan, agencies: readonly Agency[], teamNames: ReadonlyMap<string, string>): Uint8Array {
  const rows = planTableRows(plan, agencies, teamNames);
  return writeXlsx([
    {
      name: `Kế hoạch ${plan.year}`,
      rows: [["TT", "Cơ quan được kiểm tra", "Đơn vị chủ quản", "Hình thức", "Đoàn kiểm tra", "Thời gian"], ...rows.map((r) => [Number(r.tt), r.agency, r.parent, r.mode, r.team, r.month])],
      widths: [6, 40, 30, 20, 16, 14],
    },
  ]);
}
