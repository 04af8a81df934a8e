import type { PlanProblem } from "../../domain/planCheck";
import { REGISTRY_FLAG_TEXT } from "../../domain/registryFlags";

/** A plan check's finding in Vietnamese (and English), naming the agency. */
export function planProblemText(p: PlanProblem, name: (id: string) => string, lang: "vi" | "en"): string {
  const vi = lang === "vi";
  switch (p.kind) {
    case "missing_desk":
      return vi ? `${name(p.agencyId)} chưa có trong kế hoạch kiểm tra qua hồ sơ.` : `${name(p.agencyId)} has no desk review.`;
    case "onsite_share":
      return vi ? `Mới có ${p.onsite} cơ quan kiểm tra tại trụ sở; cần ít nhất ${p.required}.` : `Only ${p.onsite} agencies on site; at least ${p.required} needed.`;
    case "unknown_agency":
      return vi ? `Cơ quan ${p.agencyId} không có trong danh mục của tỉnh.` : `Agency ${p.agencyId} is not in the province's registry.`;
    case "not_valid":
      return vi ? `${name(p.agencyId)} không còn tồn tại vào tháng ${p.month}.` : `${name(p.agencyId)} did not exist in month ${p.month}.`;
    case "share_below_minimum": {
      const pct = (Math.round(p.share * 1000) / 10).toLocaleString(vi ? "vi-VN" : "en-GB");
      return vi ? `Tỷ lệ ${pct}% thấp hơn mức tối thiểu một phần ba số cơ quan (Điều 33 Thông tư 26/2014/TT-BKHCN).` : `A share of ${pct}% is below the minimum of one third (TT 26/2014 Art. 33).`;
    }
    case "flagged":
      return `${name(p.agencyId)}: ${p.flags.map((f) => REGISTRY_FLAG_TEXT[f][vi ? "vi" : "en"]).join(" ")}`;
    case "duplicate":
      return vi ? `${name(p.agencyId)} có hai dòng cùng hình thức.` : `${name(p.agencyId)} is listed twice for one form.`;
  }
}
