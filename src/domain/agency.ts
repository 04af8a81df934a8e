import { z } from "zod";
import { IsoDateSchema } from "./isoDate";
import type { EntityDef } from "./entityDef";

export const AGENCY_KINDS = [
  "province_committee",
  "province_office",
  "province_department",
  "sub_department",
  "public_service_unit",
  "district_committee",
  "district_department",
  "commune_committee",
  "ward_committee",
  "special_zone_committee",
  "other",
] as const;
export const AgencyKindSchema = z.enum(AGENCY_KINDS);
export type AgencyKind = z.infer<typeof AgencyKindSchema>;

export const AGENCY_KIND_LABELS_VI: Record<AgencyKind, string> = {
  province_committee: "UBND tỉnh",
  province_office: "Văn phòng UBND tỉnh",
  province_department: "Sở, ban, ngành cấp tỉnh",
  sub_department: "Chi cục và tương đương",
  public_service_unit: "Đơn vị sự nghiệp công lập",
  district_committee: "UBND cấp huyện (trước 01/7/2025)",
  district_department: "Cơ quan chuyên môn cấp huyện (trước 01/7/2025)",
  commune_committee: "UBND xã",
  ward_committee: "UBND phường",
  special_zone_committee: "UBND đặc khu",
  other: "Khác",
};

/**
 * Whether the law makes an agency run a QMS (QĐ 19 Art. 2): required (Art. 2.1: UBND tỉnh and cấp huyện, their
 * specialised agencies; TT 26 Art. 6.2.b: Chi cục), encouraged (Art. 2.2.c: UBND xã, phường, thị trấn — and the
 * đặc khu that took their level in 2025), or by decision of the UBND tỉnh (TT 26 Art. 6.5: đơn vị sự nghiệp công lập;
 * and an agency of unknown kind until DOST sets it).
 */
export const AGENCY_SCOPES = ["required", "encouraged", "by_decision"] as const;
export type AgencyScope = (typeof AGENCY_SCOPES)[number];

export const AGENCY_SCOPE_LABELS_VI: Record<AgencyScope, string> = {
  required: "Bắt buộc",
  encouraged: "Khuyến khích",
  by_decision: "Theo quyết định của UBND tỉnh",
};

const SCOPE_OF_KIND: Record<AgencyKind, AgencyScope> = {
  province_committee: "required",
  province_office: "required",
  province_department: "required",
  sub_department: "required",
  district_committee: "required",
  district_department: "required",
  commune_committee: "encouraged",
  ward_committee: "encouraged",
  special_zone_committee: "encouraged",
  public_service_unit: "by_decision",
  other: "by_decision",
};

/** The agency's place in QĐ 19 Art. 2 by its kind. */
export function agencyScopeOf(kind: AgencyKind): AgencyScope {
  return SCOPE_OF_KIND[kind];
}

export const AgencySchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(300),
  kind: AgencyKindSchema,
  parentId: z.string().nullable(),
  province: z.string().min(1),
  validFrom: IsoDateSchema.nullable(),
  validTo: IsoDateSchema.nullable(),
  successorId: z.string().nullable(),
  successorKind: z.enum(["merged", "renamed"]).nullable(),
  needsReview: z.boolean(),
});
export type Agency = z.infer<typeof AgencySchema>;

export const agencyDef: EntityDef = {
  fields: {
    name: AgencySchema.shape.name,
    kind: AgencyKindSchema,
    parentId: AgencySchema.shape.parentId,
    province: AgencySchema.shape.province,
    validFrom: AgencySchema.shape.validFrom,
    validTo: AgencySchema.shape.validTo,
    successorId: AgencySchema.shape.successorId,
    successorKind: AgencySchema.shape.successorKind,
    needsReview: z.boolean(),
  },
};
