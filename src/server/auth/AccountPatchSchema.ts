import { z } from "zod";
import { RoleSchema } from "./ServerUser";

const Id = z.string().trim().min(1).max(100);

/** Body of PATCH /api/users/:id: what an administrator may change on an account (each field optional). */
export const AccountPatchSchema = z
  .object({
    displayName: z.string().trim().max(200).optional(),
    role: RoleSchema.optional(),
    team: Id.nullable().optional(),
  })
  .strict();
export type AccountPatch = z.infer<typeof AccountPatchSchema>;
