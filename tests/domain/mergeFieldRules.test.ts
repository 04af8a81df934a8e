/** Table-driven rules of the field merge (src/domain/mergeField.ts): values, conflicts, workflow ranks, locks. */
import { describe, expect, it } from "vitest";
import { formatHlc } from "../../src/domain/hlc";
import { mergeField, type FieldChange, type MergeOptions } from "../../src/domain/mergeField";

const stamp = (ms: number, device = "A") => formatHlc({ ms, counter: 0, device });

/** A change by `device` at `ms` writing `value` over the values stamped `over` (ms of device A unless "B5"). */
function ch(device: string, ms: number, value: unknown, over: string[] = [], extra: Partial<FieldChange> = {}): FieldChange {
  const at = over.map((o) => {
    const m = /^([A-Z])(\d+)$/.exec(o)!;
    return stamp(Number(m[2]), m[1]);
  });
  return {
    id: `${device}${ms}`,
    hlc: stamp(ms, device),
    prevHlc: at[0] ?? null,
    ...(at.length > 1 ? { merges: at.slice(1) } : {}),
    value,
    device,
    user: device.toLowerCase(),
    ...extra,
  };
}
const summary = (changes: FieldChange[], opts?: MergeOptions) => {
  const st = mergeField(changes, opts);
  return st && { value: st.value, conflicts: st.conflicts.map((c) => `${c.changeId}:${c.reason}`) };
};

describe("equal values are not conflicts", () => {
  it.each([
    { what: "arrays", a: ["x", "y"], b: ["x", "y"] },
    { what: "objects with keys in another order", a: { p: 1, q: [1, { r: 2 }] }, b: { q: [1, { r: 2 }], p: 1 } },
    { what: "nested empty objects", a: { a: {} }, b: { a: {} } },
    { what: "an object with an undefined key and one without it", a: { p: 1, gone: undefined }, b: { p: 1 } },
  ])("concurrent equal $what", ({ a, b }) => {
    expect(summary([ch("A", 1, a), ch("B", 2, b)])).toEqual({ value: b, conflicts: [] });
  });

  it.each([
    { what: "arrays in another order", a: ["x", "y"], b: ["y", "x"] },
    { what: "objects with another value", a: { p: 1 }, b: { p: 2 } },
    { what: "a number and its text", a: 1, b: "1" },
  ])("concurrent different $what conflict", ({ a, b }) => {
    expect(summary([ch("A", 1, a), ch("B", 2, b)])).toEqual({ value: b, conflicts: ["A1:concurrent"] });
  });
});

describe("workflow ranks", () => {
  const ranks = { open: 0, reported: 1, accepted: 2, not_accepted: 2, verified: 3 };
  it.each([
    { why: "forward overwrite wins", seq: [["open", []], ["reported", ["A1"]]], value: "reported", conflicts: [] },
    { why: "overwrite at an equal rank is not backward", seq: [["accepted", []], ["not_accepted", ["A1"]]], value: "not_accepted", conflicts: [] },
    { why: "rewriting the same value is not backward", seq: [["reported", []], ["reported", ["A1"]]], value: "reported", conflicts: [] },
    { why: "backward overwrite is kept as a conflict", seq: [["verified", []], ["open", ["A1"]]], value: "verified", conflicts: ["A2:backward"] },
    { why: "an unknown value ranks below every known one", seq: [["open", []], ["bogus", ["A1"]]], value: "open", conflicts: ["A2:backward"] },
  ] as const)("$why", ({ seq, value, conflicts }) => {
    const changes = seq.map(([v, over], i) => ch("A", i + 1, v, [...over]));
    expect(summary(changes, { ranks })).toEqual({ value, conflicts });
  });

  it("concurrent heads: the furthest along wins even with an older stamp", () => {
    const s = [ch("A", 1, "open"), ch("A", 2, "verified", ["A1"]), ch("B", 9, "reported", ["A1"])];
    expect(summary(s, { ranks })).toEqual({ value: "verified", conflicts: ["B9:concurrent"] });
  });

  it("concurrent heads at an equal rank: the later stamp wins", () => {
    const s = [ch("A", 1, "open"), ch("A", 2, "accepted", ["A1"]), ch("B", 3, "not_accepted", ["A1"])];
    expect(summary(s, { ranks })).toEqual({ value: "not_accepted", conflicts: ["A2:concurrent"] });
  });

  it("a reopen may go back, and without ranks nothing is backward", () => {
    const reopen = [ch("A", 1, "verified"), ch("A", 2, "open", ["A1"], { reopen: true })];
    expect(summary(reopen, { ranks })).toEqual({ value: "open", conflicts: [] });
    expect(summary([ch("A", 1, "verified"), ch("A", 2, "open", ["A1"])])).toEqual({ value: "open", conflicts: [] });
  });

  it("only backward changes left: the furthest along of them shows, the others are conflicts", () => {
    // A3 and B4 both went back from verified; verified itself was overwritten by nobody else... so it stays head.
    const s = [ch("A", 1, "verified"), ch("A", 3, "open", ["A1"]), ch("B", 4, "reported", ["A1"])];
    expect(summary(s, { ranks })).toEqual({ value: "verified", conflicts: ["A3:backward", "B4:backward"] });
  });

  it("a backward change that merges a head still overwrites that head", () => {
    // B3 goes back over A2 (verified) but also merges B1 (open, not backward): B1 is overwritten, A2 stays.
    const s = [ch("A", 2, "verified"), ch("B", 1, "open"), ch("B", 3, "open", ["A2", "B1"])];
    expect(summary(s, { ranks })).toEqual({ value: "verified", conflicts: ["B3:backward"] });
  });

  it("a backward change later overwritten is no longer a conflict", () => {
    const s = [ch("A", 1, "verified"), ch("A", 2, "open", ["A1"]), ch("A", 3, "verified", ["A2", "A1"])];
    expect(summary(s, { ranks })).toEqual({ value: "verified", conflicts: [] });
  });

  it("a backward change equal to the shown value is no conflict", () => {
    // B2 reopens A1 to "open"; A3 went back from A1 to "open" without a reopen: the same value as shown.
    const s = [ch("A", 1, "verified"), ch("B", 2, "open", ["A1"], { reopen: true }), ch("A", 3, "open", ["A1"])];
    expect(summary(s, { ranks })).toEqual({ value: "open", conflicts: [] });
    const differing = [ch("A", 1, "verified"), ch("B", 2, "open", ["A1"], { reopen: true }), ch("A", 3, "reported", ["A1"])];
    expect(summary(differing, { ranks })).toEqual({ value: "open", conflicts: ["A3:backward"] });
  });
});

describe("duplicates, locks and empty input", () => {
  it("the same stamp twice keeps the change with the smaller id, whatever the order", () => {
    const a = { ...ch("A", 5, "from-a"), id: "a" };
    const b = { ...ch("A", 5, "from-b"), id: "b" };
    expect(mergeField([a, b])?.changeId).toBe("a");
    expect(mergeField([b, a])?.changeId).toBe("a");
    expect(mergeField([b, a])?.value).toBe("from-a");
  });

  it("the winner's stamp and id are reported for the next edit", () => {
    const st = mergeField([ch("A", 1, "x"), ch("B", 2, "y", ["A1"])]);
    expect(st).toMatchObject({ value: "y", hlc: stamp(2, "B"), changeId: "B2" });
  });

  it("conflicts are listed in stamp order", () => {
    const s = [ch("C", 3, "z"), ch("A", 1, "x"), ch("B", 2, "y"), ch("D", 9, "w")];
    expect(summary(s)?.conflicts).toEqual(["A1:concurrent", "B2:concurrent", "C3:concurrent"]);
  });

  it.each([
    { why: "a change stamped exactly at the lock is applied", lockMs: 2, value: "y", conflicts: [] },
    { why: "a change stamped after the lock is kept", lockMs: 1, value: "x", conflicts: ["B2:locked"] },
  ])("$why", ({ lockMs, value, conflicts }) => {
    const lockHlc = stamp(lockMs, "B");
    expect(summary([ch("A", 1, "x"), ch("B", 2, "y", ["A1"])], { lockHlc })).toEqual({ value, conflicts });
  });

  it("no lock (null) applies everything", () => {
    expect(summary([ch("A", 1, "x"), ch("B", 2, "y", ["A1"])], { lockHlc: null })).toEqual({ value: "y", conflicts: [] });
  });

  it("every change after the lock: no value, every change kept in stamp order", () => {
    const st = mergeField([ch("B", 9, "late"), ch("A", 7, "later")], { lockHlc: stamp(1) });
    expect(st).toEqual({
      value: null,
      hlc: "",
      changeId: "",
      conflicts: [
        { changeId: "A7", hlc: stamp(7, "A"), value: "later", device: "A", user: "a", reason: "locked" },
        { changeId: "B9", hlc: stamp(9, "B"), value: "late", device: "B", user: "b", reason: "locked" },
      ],
    });
  });

  it("a conflict carries the losing change's id, stamp, value, device and user", () => {
    const st = mergeField([ch("A", 1, "x"), ch("B", 2, "y")]);
    expect(st?.conflicts).toEqual([{ changeId: "A1", hlc: stamp(1, "A"), value: "x", device: "A", user: "a", reason: "concurrent" }]);
  });
});
