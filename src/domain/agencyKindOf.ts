import type { AgencyKind } from "./agency";
import { foldVietnamese } from "./foldVietnamese";

/** The kind an agency's name suggests ("UBND xã …", "Huyện …", "Sở …"), or "other" when it says nothing. */
export function agencyKindOf(name: string): AgencyKind {
  const f = foldVietnamese(name).replace(/^(uy ban nhan dan|ubnd)\s+/, "ubnd ");
  if (/^ubnd (tinh|thanh pho truc thuoc trung uong)\b/.test(f)) return "province_committee";
  if (/^(ubnd )?(xa|thi tran)\b/.test(f)) return "commune_committee";
  if (/^(ubnd )?phuong\b/.test(f)) return "ward_committee";
  if (/^(ubnd )?dac khu\b/.test(f)) return "special_zone_committee";
  if (/^(ubnd )?(huyen|thi xa|thanh pho)\b/.test(f)) return "district_committee";
  if (/^(phong|van phong hdnd va ubnd) .*(huyen|thi xa)\b/.test(f)) return "district_department";
  if (/^(so|ban|thanh tra tinh|van phong ubnd tinh|van phong doan dbqh)\b/.test(f)) return "province_department";
  return "other";
}
