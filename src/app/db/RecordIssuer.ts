import type { InspectionExport } from "../../domain/inspectionExport";

/** Who issues the inspection record (heading, place line, number symbol, recipients): a setting of this tablet. */
export type RecordIssuer = NonNullable<InspectionExport["issuer"]>;
