import type { Agency } from "../../domain/agency";
import type { AgencyRow } from "../db/rowTypes";

/** A stored agency row with defaults for fields whose changes have not arrived yet. */
export function asAgency(r: AgencyRow): Agency {
  return {
    id: r.id,
    name: r.name ?? r.id,
    kind: r.kind ?? "other",
    parentId: r.parentId ?? null,
    province: r.province ?? "",
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
    successorId: r.successorId ?? null,
    successorKind: r.successorKind ?? null,
    needsReview: r.needsReview ?? false,
  };
}
