import { z } from "zod";
import { ENTITIES } from "../../domain/entities";
import { PROTOCOL_VERSION, SCHEMA_VERSION } from "../../domain/protocol";
import { sha256Hex } from "../db/sha256Hex";
import { BUILD_ID } from "../shell/BUILD_ID";

/**
 * What this app version can apply: the protocol and schema versions, the build, and a digest of every record
 * field's value schema, so an update that changes what is valid is noticed even when nobody bumped a number.
 * About 50 ms: computed once per sync engine.
 */
export async function currentAppVersion(): Promise<string> {
  const fields: Record<string, unknown> = {};
  for (const [entity, def] of Object.entries(ENTITIES)) {
    for (const [field, schema] of Object.entries(def.fields)) {
      fields[`${entity}.${field}`] = z.toJSONSchema(schema, { unrepresentable: "any", io: "input" });
    }
  }
  const digest = await sha256Hex(new TextEncoder().encode(JSON.stringify(fields)));
  return `${PROTOCOL_VERSION}.${SCHEMA_VERSION}/${BUILD_ID}/${digest.slice(0, 16)}`;
}
