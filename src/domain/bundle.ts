import { z } from "zod";
import { Sha256Schema } from "./attachment";
import { ChangeSchema } from "./change";

/** `htqlcl-bundle/1`: changes and photo bytes (base64, keyed by SHA-256) carried as a file. */
export const BundleSchema = z.object({
  format: z.literal("htqlcl-bundle/1"),
  changes: z.array(ChangeSchema),
  blobs: z.record(Sha256Schema, z.string()),
  exportedAt: z.string().optional(),
  device: z.string().optional(),
  /** The exporting account's province and team, so a bundle is not imported into another province or team by
   * mistake. Optional: a bundle written by another client may leave them out. */
  province: z.string().nullable().optional(),
  team: z.string().nullable().optional(),
});
export type Bundle = z.infer<typeof BundleSchema>;
