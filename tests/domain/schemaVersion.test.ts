import { describe, expect, it } from "vitest";
import { ENTITIES, ENTITY_NAMES } from "../../src/domain/entities";
import { SCHEMA_VERSION } from "../../src/domain/protocol";

describe("SCHEMA_VERSION", () => {
  it("pins every entity.field of the current version: change the fields, bump the version (never rewrite an old snapshot)", () => {
    const fields = ENTITY_NAMES.flatMap((e) => Object.keys(ENTITIES[e].fields).map((f) => `${e}.${f}`)).sort();
    expect(fields).toMatchSnapshot(`schema v${SCHEMA_VERSION}`);
  });
});
