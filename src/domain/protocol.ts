import { z } from "zod";
import { ChangeSchema } from "./change";

/** Bumped when the wire format changes incompatibly; the server tells older apps to update. */
export const PROTOCOL_VERSION = 1;

/** Version of the record schemas (entities, their fields and values). Bump it when `ENTITIES` changes: an app with
 * an older schema is told to update before it syncs, and a test pins the fields of each version. */
export const SCHEMA_VERSION = 4;

export const PushRequestSchema = z.object({
  device: z.string().min(1).max(64),
  changes: z.array(z.unknown()).max(5000),
});
export const PushResponseSchema = z.object({
  accepted: z.array(z.string()),
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
  epoch: z.string().optional(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

/**
 * A client sends this header with the value `compact` to get the compact push answer: the accepted changes are
 * confirmed by their number and highest stamp instead of being echoed id by id (they are every id sent that is not
 * in `rejected`). Without it (app builds before it) the server answers `PushResponse`.
 */
export const PUSH_ANSWER_HEADER = "X-Push-Answer";
export const PushCompactResponseSchema = z.object({
  /** How many distinct ids of the request are accepted (now or before). */
  acceptedCount: z.number().int().nonnegative(),
  /** The greatest `hlc` among the accepted changes, null when none is. */
  acceptedMaxHlc: z.string().nullable(),
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
  epoch: z.string().optional(),
});
export type PushCompactResponse = z.infer<typeof PushCompactResponseSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  cursor: z.string(),
  more: z.boolean(),
  epoch: z.string().optional(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;
