/**
 * Every shape the tablet database has had, oldest first. A version is never edited once shipped: a change is a new
 * entry (with an upgrade function in AppDb when data must move), and tests/app-db/migrations.test.ts opens each old
 * shape with data and checks the new one.
 */
export const SCHEMA_V1: Record<string, string> = {
  agencies: "id, parentId, kind",
  teams: "id",
  plans: "id",
  checklists: "id",
  inspections: "id, status, agencyId",
  results: "id, inspectionId",
  findings: "id, inspectionId",
  actions: "id, inspectionId",
  attachments: "id, inspectionId, ownerId",
  changes: "id, [entity+rowId+field]",
  outbox: "id",
  blobs: "sha256",
  meta: "key",
};

/**
 * v2: outbox drained in stamp order, blobs found by upload state, changes the server refused kept for the UI,
 * adoption rows, and `records` for record kinds added to the domain after this version.
 */
export const SCHEMA_V2: Record<string, string> = {
  ...SCHEMA_V1,
  changes: "id, [entity+rowId+field], hlc, device",
  outbox: "id, hlc",
  blobs: "sha256, uploaded",
  rejected: "id",
  // `_inspectionId`: the inspection whose finalize lock governs the row (see mergeIntoRow).
  results: "id, inspectionId, _inspectionId",
  findings: "id, inspectionId, _inspectionId",
  adoptions: "id, agencyId",
  records: "[_entity+id], _entity",
};

/**
 * v3: `quarantine`, pulled changes this version of the app cannot apply (a field, record kind or value from a newer
 * schema), kept with their reason until an update can apply them. A new empty table: existing data stays as it is.
 */
export const SCHEMA_V3: Record<string, string> = {
  ...SCHEMA_V2,
  quarantine: "id, at",
};

export const SCHEMA_VERSIONS: readonly Record<string, string>[] = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3];
