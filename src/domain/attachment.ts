import { z } from "zod";
import type { EntityDef } from "./entityDef";

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const AttachmentSchema = z.object({
  id: z.string(),
  ownerId: z.string().min(1),
  inspectionId: z.string().min(1),
  sha256: Sha256Schema,
  mime: z.enum(["image/jpeg", "image/png", "image/webp", "application/pdf"]),
  bytes: z.number().int().min(1).max(20 * 1024 * 1024),
  caption: z.string().max(2000),
  takenAt: z.string().max(40),
  width: z.number().int().min(0).max(20000).nullable(),
  height: z.number().int().min(0).max(20000).nullable(),
  deleted: z.boolean(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

const s = AttachmentSchema.shape;
export const attachmentDef: EntityDef = {
  fields: {
    ownerId: s.ownerId,
    inspectionId: s.inspectionId,
    sha256: s.sha256,
    mime: s.mime,
    bytes: s.bytes,
    caption: s.caption,
    takenAt: s.takenAt,
    width: s.width,
    height: s.height,
    deleted: s.deleted,
  },
};
