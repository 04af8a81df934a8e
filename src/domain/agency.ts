import { z } from "zod";
import { IsoDateSchema } from "./isoDate";
import type { EntityDef } from "./entityDef";

export const AGENCY_KINDS = [
  "province_committee",
  "province_department",
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
  province_department: "Sở, ban, ngành cấp tỉnh",
  district_committee: "UBND cấp huyện (trước 01/7/2025)",
  district_department: "Cơ quan chuyên môn cấp huyện (trước 01/7/2025)",
  commune_committee: "UBND xã",
  ward_committee: "UBND phường",
  special_zone_committee: "UBND đặc khu",
  other: "Khác",
};

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
