import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENTITIES, ENTITY_NAMES } from "../../src/domain/entities";
import { SCHEMA_VERSION } from "../../src/domain/protocol";

// One file per released schema version, each kept as it was released (never rewritten).
const DIR = join(import.meta.dirname, "schema-versions");

describe("SCHEMA_VERSION", () => {
  it("pins every entity.field of the current version: change the fields, bump the version (never rewrite an old file)", async () => {
    const fields = ENTITY_NAMES.flatMap((e) => Object.keys(ENTITIES[e].fields).map((f) => `${e}.${f}`)).sort();
    await expect(JSON.stringify(fields, null, 2)).toMatchFileSnapshot(join(DIR, `v${SCHEMA_VERSION}.json`));
  });

  it("keeps a file for every version up to the current one", () => {
    const versions = readdirSync(DIR).map((f) => Number(/^v(\d+)\.json$/.exec(f)?.[1])).sort((a, b) => a - b);
    expect(versions.at(-1)).toBe(SCHEMA_VERSION);
    expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => versions[0]! + i));
  });
});
