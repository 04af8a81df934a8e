import type { AgencyKind } from "./agency";
import { foldVietnamese } from "./foldVietnamese";
import { CENTRAL_CITY_KEYS } from "./provinces";

const CITY = `(${[...CENTRAL_CITY_KEYS, "hcm"].join("|")})`;
/** "UBND thành phố Hà Nội", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "UBND TP. Đà Nẵng": a centrally-run city's committee. */
const CENTRAL_CITY_COMMITTEE = new RegExp(`^(ubnd )?(thanh pho|tp) ${CITY}$`);
const CENTRAL_CITY_OFFICE = new RegExp(`^van phong ubnd (thanh pho|tp) ${CITY}$`);

/** A name folded, with "Ủy ban nhân dân" shortened to "ubnd" and "TP." to "tp". */
function foldName(name: string): string {
  return foldVietnamese(name)
    .replace(/\b(uy ban nhan dan)\b/g, "ubnd")
    .replace(/\btp\.\s*/g, "tp ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The kind an agency's name suggests ("UBND xã …", "Huyện …", "Sở …", "Chi cục …"), or "other" when it says
 * nothing. The six centrally-run cities' committees are province committees, not the district-level "thành phố".
 */
export function agencyKindOf(name: string): AgencyKind {
  const f = foldName(name);
  if (CENTRAL_CITY_COMMITTEE.test(f)) return "province_committee";
  if (/^ubnd (tinh|thanh pho truc thuoc trung uong)\b/.test(f)) return "province_committee";
  if (/^van phong (doan dbqh,? )?(hdnd va )?ubnd tinh\b/.test(f) || CENTRAL_CITY_OFFICE.test(f)) return "province_office";
  if (/^(ubnd )?(xa|thi tran)\b/.test(f)) return "commune_committee";
  if (/^(ubnd )?phuong\b/.test(f)) return "ward_committee";
  if (/^(ubnd )?dac khu\b/.test(f)) return "special_zone_committee";
  if (/^(ubnd )?(huyen|quan|thi xa|thanh pho|tp)\b/.test(f)) return "district_committee";
  if (/^(phong|van phong hdnd va ubnd) .*(huyen|quan|thi xa|thanh pho)\b/.test(f)) return "district_department";
  if (/^chi cuc\b/.test(f)) return "sub_department";
  if (/^(don vi su nghiep|trung tam|benh vien|truong|vien|dai phat thanh|ban quan ly du an|quy)\b/.test(f)) return "public_service_unit";
  if (/^(so|ban|thanh tra tinh|van phong doan dbqh)\b/.test(f)) return "province_department";
  return "other";
}

/** Whether a name is a thị trấn's (no longer a unit from 1/7/2025: every thị trấn became a xã or joined one). */
export function isTownName(name: string): boolean {
  return /^(ubnd )?thi tran\b/.test(foldName(name));
}

/** Whether a name is a centrally-run city's committee ("UBND thành phố Cần Thơ"). */
export function isCentralCityCommitteeName(name: string): boolean {
  return CENTRAL_CITY_COMMITTEE.test(foldName(name));
}
