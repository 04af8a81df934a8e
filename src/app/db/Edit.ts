import type { EntityName } from "../../domain/entities";

/** One field edit made on this tablet. */
export interface Edit {
  entity: EntityName;
  rowId: string;
  field: string;
  value: unknown;
  /** An explicit reopen: lets a workflow field (status) move backwards. */
  reopen?: boolean;
  /** Further stamps this edit overwrites (a team lead resolving a conflict overwrites every standing value). */
  merges?: string[];
}
