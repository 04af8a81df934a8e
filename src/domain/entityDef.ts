import type { z } from "zod";

/** What the sync layer needs to know about one record kind: its fields and how they merge. */
export interface EntityDef {
  /** Field name → schema of its value. A change to any other field is rejected. */
  fields: Record<string, z.ZodType>;
  /** Workflow fields move forward only (rank order), except through an explicit reopen. */
  workflow?: Record<string, Record<string, number>>;
  /** The field naming the inspection this row belongs to, for the finalize lock. */
  lockedBy?: "self" | "inspectionId";
  /** Fields of this kind that stay open after finalizing (for example `status`, to reopen). */
  unlockedFields?: readonly string[];
}
