import { randomBytes } from "node:crypto";
import type { Change } from "../../../src/domain/change";
import type { EntityName } from "../../../src/domain/entities";
import { formatHlc, tickHlc, type Hlc } from "../../../src/domain/hlc";
import { uuidv7 } from "../../../src/domain/uuidv7";

/**
 * Writes first-time changes the way any replica does (docs/sync-protocol.md): one change per field, stamped by the hybrid
 * logical clock of one device, ids from UUIDv7. Used for what DOST publishes through the ordinary sync push.
 */
export function changeWriter(device: string, user: string): (entity: EntityName, rowId: string, fields: Record<string, unknown>) => Change[] {
  let last: Hlc | null = null;
  return (entity, rowId, fields) =>
    Object.entries(fields).map(([field, value]) => {
      const now = Date.now();
      last = tickHlc(last, now, device);
      return { id: uuidv7(now, randomBytes(10)), entity, rowId, field, value, hlc: formatHlc(last), prevHlc: null, device, user };
    });
}
