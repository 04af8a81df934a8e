/** Table-driven rules of the hybrid logical clock (src/domain/hlc.ts), one row per case. */
import { describe, expect, it } from "vitest";
import { formatHlc, isHlc, MAX_ADOPTED_DRIFT_MS, parseHlc, receiveHlc, tickHlc, type Hlc } from "../../src/domain/hlc";

const h = (ms: number, counter: number, device = "d"): Hlc => ({ ms, counter, device });

describe("tickHlc", () => {
  it.each([
    { why: "first stamp takes the wall clock", last: null, now: 5000, want: h(5000, 0) },
    { why: "first stamp floors a fractional clock", last: null, now: 5000.9, want: h(5000, 0) },
    { why: "first stamp never goes below zero", last: null, now: -42, want: h(0, 0) },
    { why: "clock moved on: new millisecond, counter 0", last: h(5000, 7), now: 5001, want: h(5001, 0) },
    { why: "same millisecond: counter goes up", last: h(5000, 0), now: 5000, want: h(5000, 1) },
    { why: "same millisecond again: counter goes up again", last: h(5000, 41), now: 5000, want: h(5000, 42) },
    { why: "clock went back: counter goes up on the old millisecond", last: h(5000, 3), now: 10, want: h(5000, 4) },
    { why: "counter at its 5-digit limit: next millisecond", last: h(5000, 99999), now: 5000, want: h(5001, 0) },
    { why: "counter just below its limit still counts", last: h(5000, 99998), now: 5000, want: h(5000, 99999) },
  ])("$why", ({ last, now, want }) => {
    expect(tickHlc(last, now, "d")).toEqual(want);
  });

  it("two edits in the same millisecond get different stamps, in order", () => {
    const a = tickHlc(null, 7000, "dev");
    const b = tickHlc(a, 7000, "dev");
    const c = tickHlc(b, 7000, "dev");
    const stamps = [a, b, c].map(formatHlc);
    expect(new Set(stamps).size).toBe(3);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it("stamps the device it is given, not the one of the last stamp", () => {
    expect(tickHlc(h(5000, 0, "other"), 5000, "me").device).toBe("me");
    expect(tickHlc(h(5000, 99999, "other"), 5000, "me").device).toBe("me");
  });
});

describe("receiveHlc", () => {
  const now = 1_000_000;
  it.each([
    { why: "nothing local yet: adopt the remote", last: null, remote: h(900, 4, "r"), want: h(900, 4) },
    { why: "remote later millisecond: adopt it", last: h(900, 9), remote: h(901, 0, "r"), want: h(901, 0) },
    { why: "equal millisecond, remote counter ahead: adopt it", last: h(900, 2), remote: h(900, 7, "r"), want: h(900, 7) },
    { why: "equal millisecond, equal counter: keep ours", last: h(900, 7, "x"), remote: h(900, 7, "r"), want: h(900, 7, "x") },
    { why: "equal millisecond, remote counter behind: keep ours", last: h(900, 7, "x"), remote: h(900, 2, "r"), want: h(900, 7, "x") },
    { why: "remote earlier: keep ours", last: h(900, 0, "x"), remote: h(899, 99, "r"), want: h(900, 0, "x") },
    { why: "remote exactly at the drift limit: adopt it", last: h(900, 0), remote: h(now + MAX_ADOPTED_DRIFT_MS, 1, "r"), want: h(now + MAX_ADOPTED_DRIFT_MS, 1) },
    { why: "remote past the drift limit: keep ours", last: h(900, 0, "x"), remote: h(now + MAX_ADOPTED_DRIFT_MS + 1, 0, "r"), want: h(900, 0, "x") },
    { why: "remote past the drift limit, nothing local: start at the wall clock", last: null, remote: h(now + MAX_ADOPTED_DRIFT_MS + 1, 5, "r"), want: h(now, 0) },
  ])("$why", ({ last, remote, want }) => {
    expect(receiveHlc(last, remote, now, "d")).toEqual(want);
  });

  it("a remote stamp's counter counts at an equal millisecond: the next local stamp sorts after it", () => {
    const remote = h(5000, 30, "r");
    const seen = receiveHlc(h(5000, 1, "d"), remote, 5000, "d");
    const next = tickHlc(seen, 5000, "d");
    expect(formatHlc(next) > formatHlc(remote)).toBe(true);
  });

  it("a far-future start is floored and kept at zero or above", () => {
    expect(receiveHlc(null, h(9e14, 0, "r"), 12.7, "d")).toEqual(h(12, 0));
    expect(receiveHlc(null, h(9e14, 0, "r"), -5, "d")).toEqual(h(0, 0));
  });

  it("the drift limit is one day", () => {
    expect(MAX_ADOPTED_DRIFT_MS).toBe(86_400_000);
  });
});

describe("stamp text", () => {
  it.each([
    ["000000000000001:00000:a", true],
    ["000000000000001:00000:A-b_9", true],
    [`000000000000001:00000:${"x".repeat(64)}`, true],
    [`000000000000001:00000:${"x".repeat(65)}`, false],
    ["000000000000001:00000:", false],
    ["00000000000001:00000:a", false],
    ["000000000000001:0000:a", false],
    ["000000000000001:00000:a b", false],
    ["x000000000000001:00000:a", false],
    ["000000000000001:00000:a\n", false],
  ])("%j is a stamp: %s", (s, ok) => {
    expect(isHlc(s)).toBe(ok);
    if (ok) expect(formatHlc(parseHlc(s))).toBe(s);
    else expect(() => parseHlc(s)).toThrow(/invalid hlc/);
  });
});
