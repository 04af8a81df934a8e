/**
 * Two releases of the record schemas in one process, for tests where a tablet and the server run different ones.
 * "current" is the schema of this code; "next" is a later release that adds an inspection field and widens a
 * finding's kinds (the kinds of change an older app cannot apply). Tablet and server share the domain module, so the
 * era is switched around each side's code: `serverFetch` runs the real server app in the server's era and gives the
 * caller's era back before the tablet reads the answer.
 */
import type { z } from "zod";
import { z as zod } from "zod";
import { ENTITIES } from "../../src/domain/entities";
import type { SyncServer } from "./syncHarness";

export type Era = "current" | "next";

const currentKind = ENTITIES.finding.fields.kind!;
const NEXT_FIELDS: Record<string, Record<string, z.ZodType>> = {
  inspection: { riskLevel: zod.enum(["low", "medium", "high"]).nullable() },
  finding: { kind: zod.enum(["nonconformity", "observation", "recommendation"]) },
};

let active: Era = "current";

/** Make `era` the schema every piece of code in this process validates with. */
export function useEra(era: Era): void {
  active = era;
  if (era === "next") {
    for (const [entity, fields] of Object.entries(NEXT_FIELDS)) Object.assign(ENTITIES[entity as keyof typeof ENTITIES].fields, fields);
  } else {
    delete ENTITIES.inspection.fields.riskLevel;
    ENTITIES.finding.fields.kind = currentKind;
  }
}

export function activeEra(): Era {
  return active;
}

/** Run `fn` (a tablet's code) in `era`, then give back the era that was active. */
export async function inEra<T>(era: Era, fn: () => Promise<T>): Promise<T> {
  const before = active;
  useEra(era);
  try {
    return await fn();
  } finally {
    useEra(before);
  }
}

/** A fetch to the in-process server that runs the server's code in the server's era of the moment. */
export function serverFetch(server: SyncServer, serverEra: () => Era): typeof fetch {
  return async (input, init) => {
    const caller = active;
    useEra(serverEra());
    try {
      return await server.app.fetch(new Request(input as string, init));
    } finally {
      useEra(caller);
    }
  };
}
