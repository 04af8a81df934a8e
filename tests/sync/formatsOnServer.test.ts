/**
 * Every released version's sync bundle is taken by today's server (POST /api/sync/bundle, as the DOST console sends a
 * file carried from a team that never got a link), unknown fields ignored.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withUnknownFields } from "../fixtures/formats/withUnknownFields";
import { BASE, openSyncServer, type SyncServer } from "./syncHarness";

const DIR = join(__dirname, "../fixtures/formats");
const bundles = readdirSync(DIR).filter((f) => f.startsWith("bundle-1-")).sort();

let server: SyncServer;
beforeAll(async () => {
  // The fixtures were written in province 38 by team T1's lead "lan", with agencies from the province's DOST.
  server = await openSyncServer([
    { username: "lan", role: "lead", province: "38", team: "T1" },
    { username: "dost1", role: "dost", province: "38" },
  ]);
});
afterAll(async () => server.storage.close());
beforeEach(async () => server.wipeData());

const post = (body: string) =>
  server.fetch(`${BASE}/api/sync/bundle`, {
    method: "POST",
    headers: { Authorization: `Bearer ${server.users.get("dost1")!.token}`, "Content-Type": "application/json" },
    body,
  });

describe("htqlcl-bundle/1 on the server", () => {
  for (const file of bundles) {
    for (const variant of ["as written", "with fields from a later version"] as const) {
      it(`${file} ${variant}: every change accepted, the photo stored, the rows as written`, async () => {
        const doc = JSON.parse(readFileSync(join(DIR, file), "utf8")) as { changes: { id: string; entity: string; rowId: string; field: string; value: unknown }[]; blobs: Record<string, string> };
        const { blobs, ...rest } = doc;
        const body = variant === "as written" ? JSON.stringify(doc) : JSON.stringify({ ...(withUnknownFields(rest) as object), blobs });
        const res = await post(body);
        const answer = (await res.json()) as { accepted: string[]; rejected: { id: string; reason: string }[]; blobs: number };
        expect(res.status, JSON.stringify(answer)).toBe(200);
        expect(answer.rejected).toEqual([]);
        expect(answer.accepted.sort()).toEqual(doc.changes.map((c) => c.id).sort());
        expect(answer.blobs).toBe(Object.keys(doc.blobs).length);
        const insp = doc.changes.find((c) => c.entity === "inspection")!.rowId;
        const row = (await server.storage.query<{ data: Record<string, unknown> }>("select data from rows where entity = 'inspection' and row_id = $1", [insp])).rows[0];
        const agencyId = doc.changes.find((c) => c.entity === "inspection" && c.field === "agencyId")!.value;
        expect(row?.data.agencyId).toBe(agencyId);
      });
    }
  }
});
