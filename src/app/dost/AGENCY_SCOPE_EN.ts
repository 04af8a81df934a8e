import type { AgencyScope } from "../../domain/agency";

/** The English of AGENCY_SCOPE_LABELS_VI, for the console's English mode. */
export const AGENCY_SCOPE_EN: Record<AgencyScope, string> = { required: "Required", encouraged: "Encouraged", by_decision: "By decision of the provincial committee" };
