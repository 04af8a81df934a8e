/** Table-driven rules around the merge: canonical JSON equality, merge options per field, change values, dates. */
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/domain/canonicalJson";
import { changeValueProblem, type Change } from "../../src/domain/change";
import { formatHlc } from "../../src/domain/hlc";
import { INSPECTION_STATUS_RANK } from "../../src/domain/inspection";
import { ACTION_STATUS_RANK } from "../../src/domain/action";
import { addMonths } from "../../src/domain/isoDate";
import { mergeField, type FieldChange } from "../../src/domain/mergeField";
import { lockHlcOf, lockingInspectionId, mergeOptionsFor } from "../../src/domain/mergeOptionsFor";

describe("canonicalJson", () => {
  it.each<[unknown, string]>([
    [undefined, "null"],
    [null, "null"],
    [1, "1"],
    ["a", '"a"'],
    [true, "true"],
    [[1, 2, 3], "[1,2,3]"],
    [[1, undefined, null], "[1,null,null]"],
    [[], "[]"],
    [{}, "{}"],
    [{ b: 1, a: [2, { d: null, c: "x" }] }, '{"a":[2,{"c":"x","d":null}],"b":1}'],
    [{ a: undefined, b: 2 }, '{"b":2}'],
    [{ "0": "x", "1": "y" }, '{"0":"x","1":"y"}'],
  ])("%j → %s", (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it("an array and an object with the same entries differ", () => {
    expect(canonicalJson(["x", "y"])).not.toBe(canonicalJson({ 0: "x", 1: "y" }));
  });
});

describe("mergeOptionsFor", () => {
  const L = formatHlc({ ms: 5, counter: 0, device: "L" });
  it.each([
    { entity: "inspection", field: "status", want: { ranks: INSPECTION_STATUS_RANK, lockHlc: null } },
    { entity: "inspection", field: "notes", want: { lockHlc: L } },
    { entity: "action", field: "status", want: { ranks: ACTION_STATUS_RANK, lockHlc: null } },
    { entity: "finding", field: "text", want: { lockHlc: L } },
    { entity: "agency", field: "name", want: { lockHlc: null } },
    { entity: "inspection", field: "toString", want: { lockHlc: L } },
  ] as const)("$entity.$field", ({ entity, field, want }) => {
    expect(mergeOptionsFor(entity, field, L)).toEqual(want);
  });

  it("the lock is the finalized status's stamp, else none", () => {
    const st = (value: unknown) => ({ value, hlc: L, changeId: "c", conflicts: [] });
    expect(lockHlcOf(st("finalized"))).toBe(L);
    expect(lockHlcOf(st("submitted"))).toBeNull();
    expect(lockHlcOf(null)).toBeNull();
  });

  it("the inspection whose lock governs a row", () => {
    expect(lockingInspectionId("inspection", "ins-1", {})).toBe("ins-1");
    expect(lockingInspectionId("finding", "f-1", { inspectionId: "ins-2" })).toBe("ins-2");
    expect(lockingInspectionId("finding", "f-1", { inspectionId: 7 })).toBeNull();
    expect(lockingInspectionId("agency", "a-1", { inspectionId: "ins-2" })).toBeNull();
  });
});

describe("changeValueProblem", () => {
  const c = (entity: Change["entity"], field: string, value: unknown): Change => ({
    id: "c", entity, rowId: "r", field, value, hlc: formatHlc({ ms: 1, counter: 0, device: "d" }), prevHlc: null, device: "d", user: "u",
  });
  it.each<[Change, string | null]>([
    [c("inspection", "notes", "ghi chú"), null],
    [c("inspection", "nope", "x"), 'Trường "nope" không có trong inspection.'],
    [c("inspection", "__proto__", "x"), 'Trường "__proto__" không có trong inspection.'],
    [c("inspection", "constructor", "x"), 'Trường "constructor" không có trong inspection.'],
    [c("inspection", "notes", undefined), 'Thiếu giá trị cho trường "notes".'],
  ])("%j", (change, want) => {
    expect(changeValueProblem(change)).toBe(want);
  });

  it("an invalid value names the field, the path inside the value and the reason", () => {
    expect(changeValueProblem(c("inspection", "notes", 5))).toMatch(/^Giá trị không hợp lệ cho inspection\.notes: .+\.$/);
    expect(changeValueProblem(c("inspection", "members", [{ name: 5 }]))).toMatch(/^Giá trị không hợp lệ cho inspection\.members \(0\.name\): .+\.$/);
  });
});

describe("addMonths", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2025-12-31", 2, "2026-02-28"],
    ["2026-03-05", -3, "2025-12-05"],
    ["0999-12-05", 1, "1000-01-05"],
    ["0005-06-07", 0, "0005-06-07"],
  ] as const)("%s + %i months = %s", (from, months, want) => {
    expect(addMonths(from, months)).toBe(want);
  });
});

describe("mergeField: delivery order and odd histories", () => {
  const stamp = (ms: number, d: string) => formatHlc({ ms, counter: 0, device: d });
  const ch = (d: string, ms: number, value: string, prev: string | null, merges?: string[], extra: Partial<FieldChange> = {}): FieldChange => ({
    id: `${d}${ms}`, hlc: stamp(ms, d), prevHlc: prev, ...(merges ? { merges } : {}), value, device: d, user: d, ...extra,
  });
  const ranks = ACTION_STATUS_RANK;

  it("the furthest along wins whatever the order the heads arrive in", () => {
    const a = ch("A", 2, "verified", null);
    const b = ch("B", 9, "reported", null);
    for (const order of [[a, b], [b, a]]) expect(mergeField(order, { ranks })?.value).toBe("verified");
  });

  it("at an equal rank the later stamp wins whatever the order", () => {
    const a = ch("A", 2, "accepted", null);
    const b = ch("B", 9, "not_accepted", null);
    for (const order of [[a, b], [b, a]]) expect(mergeField(order, { ranks })?.value).toBe("not_accepted");
  });

  it("a change overwriting a value this device never received still applies", () => {
    const st = mergeField([ch("B", 3, "reported", stamp(1, "A"))], { ranks });
    expect(st).toMatchObject({ value: "reported", conflicts: [] });
  });

  it("a change with no prevHlc but merges overwrites what it merges", () => {
    const st = mergeField([ch("A", 1, "x", null), ch("B", 2, "y", null), ch("C", 3, "x", null, [stamp(1, "A"), stamp(2, "B")])]);
    expect(st).toMatchObject({ value: "x", conflicts: [] });
  });

  it("conflicts of every kind are listed in stamp order", () => {
    // A1 verified shows; B5 is a concurrent head; A3 went back from A1
    const st = mergeField([ch("A", 1, "verified", null), ch("B", 5, "accepted", null), ch("A", 3, "open", stamp(1, "A"))], { ranks });
    expect(st?.conflicts.map((x) => `${x.changeId}:${x.reason}`)).toEqual(["A3:backward", "B5:concurrent"]);
  });

  it("changes all after the lock are kept in stamp order whatever the delivery order", () => {
    const s = [ch("A", 7, "x", null), ch("C", 9, "z", null), ch("B", 8, "y", null)];
    const st = mergeField(s, { lockHlc: stamp(1, "L") });
    expect(st?.conflicts.map((x) => x.changeId)).toEqual(["A7", "B8", "C9"]);
  });

  it("a history whose overwrites form a cycle (a forged prevHlc) still shows a value", () => {
    // A8 and A9 overwrite each other; A7 is overwritten by A8; A10 went back from A9: nothing else is left.
    const s = [
      ch("A", 7, "verified", null),
      ch("A", 8, "verified", stamp(7, "A"), [stamp(9, "A")]),
      ch("A", 9, "verified", stamp(8, "A")),
      ch("A", 10, "open", stamp(9, "A")),
    ];
    expect(mergeField(s, { ranks })).toMatchObject({ value: "open", changeId: "A10", conflicts: [] });
  });
});
