import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/server/auth/sha256Hex";
import { sniffMime } from "../../src/server/sniffMime";
import { addUser, call, openHarness, type Harness, type TestUser } from "./serverHarness";

// A 1×1 lossless WebP, as a real encoder writes it: RIFF, its size, WEBP, a VP8L chunk.
const WEBP = Uint8Array.from([
  0x52, 0x49, 0x46, 0x46, 0x1a, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c, 0x0d, 0x00, 0x00, 0x00, 0x2f, 0x00, 0x00, 0x00, 0x10,
  0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00,
]);

describe("WebP photos on the server (the app stores photos as WebP where the engine encodes it)", () => {
  let h: Harness;
  let insp: TestUser;
  let lead: TestUser;
  beforeAll(async () => {
    h = await openHarness("pglite");
    insp = await addUser(h, "insp1", "inspector", "P1", "T1");
    lead = await addUser(h, "lead1", "lead", "P1", "T1");
  });
  afterAll(async () => {
    await h.close();
  });

  it("a bundle's blob is sniffed as image/webp by its RIFF…WEBP header, and nothing else is", () => {
    expect(sniffMime(WEBP)).toBe("image/webp");
    const riffWave = Uint8Array.from(WEBP);
    riffWave.set([0x57, 0x41, 0x56, 0x45], 8); // RIFF…WAVE: a sound file
    expect(sniffMime(riffWave)).toBe("application/octet-stream");
  });

  it("is uploaded as image/webp and served back with that type to the team", async () => {
    const sha = sha256Hex(WEBP);
    expect((await call(h, "PUT", `/api/blobs/${sha}`, insp, WEBP, { "Content-Type": "image/webp" })).status).toBe(201);
    const got = await h.app.request(`/api/blobs/${sha}`, { headers: { Authorization: `Bearer ${lead.token}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/webp");
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(WEBP);
  });
});
