import { z } from "zod";
import { actionDef } from "./action";
import { adoptionDef } from "./adoption";
import { agencyDef } from "./agency";
import { attachmentDef } from "./attachment";
import { checklistDef } from "./checklistRecord";
import { findingDef } from "./finding";
import { inspectionDef } from "./inspection";
import { issuerSettingsDef } from "./issuerSettings";
import { planDef } from "./plan";
import { resultDef } from "./result";
import { teamDef } from "./team";
import type { EntityDef } from "./entityDef";

export const ENTITY_NAMES = [
  "checklist",
  "agency",
  "team",
  "plan",
  "inspection",
  "result",
  "finding",
  "action",
  "attachment",
  "adoption",
  "issuer",
] as const;
export const EntityNameSchema = z.enum(ENTITY_NAMES);
export type EntityName = z.infer<typeof EntityNameSchema>;

export const ENTITIES: Record<EntityName, EntityDef> = {
  checklist: checklistDef,
  agency: agencyDef,
  team: teamDef,
  plan: planDef,
  inspection: inspectionDef,
  result: resultDef,
  finding: findingDef,
  action: actionDef,
  attachment: attachmentDef,
  adoption: adoptionDef,
  issuer: issuerSettingsDef,
};

/** Entities that belong to one inspection, and so to its team. */
export const INSPECTION_ENTITIES: readonly EntityName[] = ["inspection", "result", "finding", "action", "attachment"];
