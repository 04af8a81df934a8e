import { describe, expect, it } from "vitest";
import { request } from "../../src/app/sync/request";
import { SyncHttpError } from "../../src/app/sync/SyncHttpError";

/** A network that takes the request and never answers, until the caller aborts it. */
const silent: typeof fetch = (_url, init) =>
  new Promise((_ok, fail) => {
    init?.signal?.addEventListener("abort", () => fail(new DOMException("aborted", "AbortError")));
  });

describe("a request to a server that never answers", () => {
  it("gives up after the stall limit as a network failure, so the run ends and a later sync can start", async () => {
    const err = await request(silent, "https://example.invalid/api/sync/pull", { stallMs: 30 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncHttpError);
    expect((err as SyncHttpError).status).toBe(0);
    expect((err as SyncHttpError).message).toBe("Không kết nối được máy chủ. Dữ liệu vẫn an toàn trên máy; sẽ tự thử lại.");
  });

  it("an answer that comes in time is not aborted later", async () => {
    let signal: AbortSignal | undefined;
    const quick: typeof fetch = async (_url, init) => {
      signal = init?.signal ?? undefined;
      return new Response("{}", { status: 200 });
    };
    const res = await request(quick, "https://example.invalid/api/sync/pull", { stallMs: 20 });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 60));
    expect(signal?.aborted).toBe(false);
  });
});
