import { z } from "zod";
import { ENTITIES, EntityNameSchema } from "./entities";
import { HLC_RE } from "./hlc";

export const HlcSchema = z.string().regex(HLC_RE, "hlc không hợp lệ");

export const ChangeSchema = z.object({
  id: z.string().min(1).max(100),
  entity: EntityNameSchema,
  rowId: z.string().min(1).max(300),
  field: z.string().min(1).max(64),
  value: z.unknown(),
  hlc: HlcSchema,
  prevHlc: HlcSchema.nullable(),
  device: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  user: z.string().min(1).max(100),
  /** Further stamps this change overwrites besides `prevHlc`: a team lead resolving a conflict overwrites every
   * value still standing. Optional; clients that never resolve conflicts leave it out. */
  merges: z.array(HlcSchema).max(100).optional(),
  /** An explicit reopen: lets a workflow field move backwards. */
  reopen: z.boolean().optional(),
});
export type Change = z.infer<typeof ChangeSchema>;

/** Why a well-formed change cannot be applied, in Vietnamese, or null when its field and value are valid. */
export function changeValueProblem(change: Change): string | null {
  const def = ENTITIES[change.entity];
  // Own fields only: "__proto__" or "constructor" must be an unknown field, not Object.prototype's.
  const schema = Object.hasOwn(def.fields, change.field) ? def.fields[change.field] : undefined;
  if (!schema) return `Trường "${change.field}" không có trong ${change.entity}.`;
  if (change.value === undefined) return `Thiếu giá trị cho trường "${change.field}".`;
  const parsed = schema.safeParse(change.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
    return `Giá trị không hợp lệ cho ${change.entity}.${change.field}${where}: ${issue?.message ?? "sai kiểu"}.`;
  }
  return null;
}
