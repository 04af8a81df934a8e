import type { Agency } from "./agency";

/** Whether the agency existed on `date` (YYYY-MM-DD): inside its validity period, both ends included. */
export function isAgencyValidOn(agency: Pick<Agency, "validFrom" | "validTo">, date: string): boolean {
  return (agency.validFrom === null || agency.validFrom <= date) && (agency.validTo === null || agency.validTo >= date);
}
