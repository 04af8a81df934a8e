import Dexie, { type Table } from "dexie";
import type {
  ActionRow,
  AdoptionRow,
  AnyRow,
  AgencyRow,
  AttachmentRow,
  BlobRow,
  ChangeRow,
  ChecklistRow,
  FindingRow,
  InspectionRow,
  MetaRow,
  OutboxRow,
  PlanRow,
  QuarantineRow,
  RejectedRow,
  ResultRow,
  TeamRow,
} from "./rowTypes";
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from "./schemaVersions";

export interface AppDbOptions {
  /** For tests and Node: an IndexedDB factory (fake-indexeddb) and its key range. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** The tablet database: merged rows per record kind, every change, the outbox, photo bytes and settings. */
export class AppDb extends Dexie {
  agencies!: Table<AgencyRow, string>;
  teams!: Table<TeamRow, string>;
  plans!: Table<PlanRow, string>;
  checklists!: Table<ChecklistRow, string>;
  inspections!: Table<InspectionRow, string>;
  results!: Table<ResultRow, string>;
  findings!: Table<FindingRow, string>;
  actions!: Table<ActionRow, string>;
  attachments!: Table<AttachmentRow, string>;
  changes!: Table<ChangeRow, string>;
  outbox!: Table<OutboxRow, string>;
  blobs!: Table<BlobRow, string>;
  meta!: Table<MetaRow, string>;
  rejected!: Table<RejectedRow, string>;
  quarantine!: Table<QuarantineRow, string>;
  adoptions!: Table<AdoptionRow, string>;
  records!: Table<AnyRow & { _entity: string }, [string, string]>;

  constructor(name: string, opts: AppDbOptions = {}) {
    super(name, {
      // A write reported as saved must survive a power cut: Chrome's default "relaxed" durability may not.
      chromeTransactionDurability: "strict",
      ...(opts.indexedDB ? { indexedDB: opts.indexedDB } : {}),
      ...(opts.IDBKeyRange ? { IDBKeyRange: opts.IDBKeyRange } : {}),
    });
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // v1 kept `uploaded` as a boolean and outbox rows without their stamp.
        await tx
          .table("blobs")
          .toCollection()
          .modify((b: { uploaded: unknown }) => {
            b.uploaded = b.uploaded === true || b.uploaded === 1 ? 1 : 0;
          });
        // v2 indexes the inspection that governs a result's or finding's finalize lock.
        for (const t of ["results", "findings"]) {
          await tx
            .table(t)
            .toCollection()
            .modify((r: { inspectionId?: unknown; _inspectionId?: unknown }) => {
              r._inspectionId = typeof r.inspectionId === "string" ? r.inspectionId : null;
            });
        }
        const changes = tx.table("changes");
        const outbox = tx.table("outbox");
        const rows = (await outbox.toArray()) as { id: string; hlc?: string; queuedAt?: number }[];
        for (const o of rows) {
          const c = (await changes.get(o.id)) as ChangeRow | undefined;
          // An outbox entry without its change could never be pushed: nothing to keep.
          if (c) await outbox.put({ id: o.id, hlc: c.hlc, queuedAt: o.queuedAt ?? 0 });
          else await outbox.delete(o.id);
        }
      });
    // v3 only adds the empty `quarantine` table: nothing to move.
    this.version(3).stores(SCHEMA_V3);
  }
}
