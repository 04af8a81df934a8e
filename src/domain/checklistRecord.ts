import { z } from "zod";
import { ChecklistSchema } from "./checklist";
import type { EntityDef } from "./entityDef";

/** Row id of a published checklist version. */
export function checklistRowId(id: string, version: string): string {
  return `${id}@${version}`;
}

export const checklistDef: EntityDef = {
  fields: {
    document: ChecklistSchema,
    province: z.string().min(1),
  },
};
