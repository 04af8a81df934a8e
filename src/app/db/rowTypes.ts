import type { Action } from "../../domain/action";
import type { Adoption } from "../../domain/adoption";
import type { Agency } from "../../domain/agency";
import type { Attachment } from "../../domain/attachment";
import type { Change } from "../../domain/change";
import type { Checklist } from "../../domain/checklist";
import type { Finding } from "../../domain/finding";
import type { Inspection } from "../../domain/inspection";
import type { FieldConflict } from "../../domain/mergeField";
import type { Plan } from "../../domain/plan";
import type { Result } from "../../domain/result";
import type { Team } from "../../domain/team";

/**
 * A merged row: the current value of every field written so far (a row made by another tablet may still lack
 * fields whose changes have not arrived), the stamp of each value (`_hlc`, the `prevHlc` of the next edit) and the
 * values kept as conflicts for the team lead (`_conflicts`, only fields that have some).
 */
export type StoredRow<T extends { id: string }> = Partial<Omit<T, "id">> & {
  id: string;
  _hlc?: Record<string, string>;
  _conflicts?: Record<string, FieldConflict[]>;
  /** Results and findings: the inspection whose finalize lock governs the row (null: none yet). */
  _inspectionId?: string | null;
};

export type ChecklistRow = StoredRow<{ id: string; document: Checklist; province: string }>;
export type AgencyRow = StoredRow<Agency>;
export type TeamRow = StoredRow<Team>;
export type PlanRow = StoredRow<Plan>;
export type InspectionRow = StoredRow<Inspection>;
export type ResultRow = StoredRow<Result>;
export type FindingRow = StoredRow<Finding>;
export type ActionRow = StoredRow<Action>;
export type AttachmentRow = StoredRow<Attachment>;
export type AdoptionRow = StoredRow<Adoption>;
export type AnyRow = StoredRow<{ id: string }> & Record<string, unknown>;

/** Every change known on the tablet, own and pulled. */
export type ChangeRow = Change;

/** A change not yet acknowledged by the server (the change itself is in `changes`). */
export interface OutboxRow {
  id: string;
  hlc: string;
  queuedAt: number;
}

/** Photo bytes by SHA-256. `uploaded` is 0|1 because IndexedDB cannot index booleans. */
export interface BlobRow {
  sha256: string;
  bytes: ArrayBuffer;
  mime: string;
  uploaded: 0 | 1;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A change the server refused, kept so nothing disappears silently. */
export interface RejectedRow {
  id: string;
  reason: string;
  at: number;
}

/**
 * A pulled change this version of the app cannot apply (unknown record kind or field, or a value its schema
 * refuses: the server runs a newer schema), kept as received with the reason, and applied after an update.
 */
export interface QuarantineRow {
  id: string;
  /** The change exactly as the server sent it. */
  change: unknown;
  /** Why it cannot be applied, in Vietnamese. */
  reason: string;
  /** When it was first quarantined (ms). */
  at: number;
}
