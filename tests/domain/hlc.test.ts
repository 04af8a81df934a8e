import { describe, expect, it } from "vitest";
import { formatHlc, parseHlc, receiveHlc, tickHlc, MAX_ADOPTED_DRIFT_MS } from "../../src/domain/hlc";

describe("hlc", () => {
  it("formats so that string order is clock order", () => {
    const a = formatHlc({ ms: 999, counter: 2, device: "z" });
    const b = formatHlc({ ms: 1000, counter: 0, device: "a" });
    expect(a).toBe("000000000000999:00002:z");
    expect(a < b).toBe(true);
    expect(parseHlc(b)).toEqual({ ms: 1000, counter: 0, device: "a" });
  });

  it("rejects malformed stamps", () => {
    expect(() => parseHlc("12:3:x")).toThrow();
  });

  it("ticks monotonically even when the wall clock goes back", () => {
    const t1 = tickHlc(null, 5000, "d");
    const t2 = tickHlc(t1, 4000, "d");
    const t3 = tickHlc(t2, 6000, "d");
    expect([t1, t2, t3].map(formatHlc)).toEqual([
      "000000000005000:00000:d",
      "000000000005000:00001:d",
      "000000000006000:00000:d",
    ]);
  });

  it("adopts a remote stamp ahead of it, so later edits sort after", () => {
    const local = tickHlc(null, 1000, "d");
    const r = receiveHlc(local, { ms: 2000, counter: 3, device: "e" }, 1000, "d");
    expect(formatHlc(tickHlc(r, 1000, "d")) > "000000000002000:00003:e").toBe(true);
  });

  it("does not adopt a remote clock far in the future", () => {
    const local = tickHlc(null, 1000, "d");
    const r = receiveHlc(local, { ms: 1000 + MAX_ADOPTED_DRIFT_MS + 1, counter: 0, device: "e" }, 1000, "d");
    expect(r).toEqual(local);
  });
});
