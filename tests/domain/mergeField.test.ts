import { describe, expect, it } from "vitest";
import { mergeField, type FieldChange } from "../../src/domain/mergeField";
import { INSPECTION_STATUS_RANK } from "../../src/domain/inspection";
import { ACTION_STATUS_RANK } from "../../src/domain/action";
import { formatHlc } from "../../src/domain/hlc";

/** Compact notation: "A5=x<B3" is device A at ms 5 writing x over the value stamped B3 ("-" for a first write). */
function ch(spec: string): FieldChange {
  const m = /^([A-Z])(\d+)=([^<]*)<(.+)$/.exec(spec);
  if (!m) throw new Error(spec);
  const [, dev, ms, value, prev] = m;
  const stamp = (d: string, t: string) => formatHlc({ ms: Number(t), counter: 0, device: d });
  const p = /^([A-Z])(\d+)$/.exec(prev!);
  return {
    id: `${dev}${ms}`,
    hlc: stamp(dev!, ms!),
    prevHlc: p ? stamp(p[1]!, p[2]!) : null,
    value: value!,
    device: dev!,
    user: dev!.toLowerCase(),
  };
}
const merge = (specs: string[], opts = {}) => mergeField(specs.map(ch), opts);
const conflicts = (specs: string[], opts = {}) => merge(specs, opts)?.conflicts.map((c) => `${c.changeId}:${c.reason}`);

describe("mergeField", () => {
  it("is null for no changes", () => expect(mergeField([])).toBeNull());

  it("a causal overwrite wins with no conflict", () => {
    expect(merge(["A1=x<-", "B2=y<A1"])?.value).toBe("y");
    expect(conflicts(["A1=x<-", "B2=y<A1"])).toEqual([]);
  });

  it("a causal overwrite wins even when its clock is behind", () => {
    expect(merge(["A900=x<-", "B2=y<A900"])?.value).toBe("y");
    expect(conflicts(["A900=x<-", "B2=y<A900"])).toEqual([]);
  });

  it("concurrent differing writes: the later stamp shows, the other is a conflict", () => {
    expect(merge(["A1=x<-", "B2=y<-"])?.value).toBe("y");
    expect(conflicts(["A1=x<-", "B2=y<-"])).toEqual(["A1:concurrent"]);
  });

  it("a clock years ahead is shown first but never hides the other edit", () => {
    const s = ["A1=x<-", "B3=y<A1", "C99999999=z<A1"];
    expect(merge(s)?.value).toBe("z");
    expect(conflicts(s)).toEqual(["B3:concurrent"]);
  });

  it("concurrent equal writes are no conflict", () => {
    expect(conflicts(["A1=x<-", "B2=x<-"])).toEqual([]);
  });

  it("order and duplication do not matter", () => {
    const s = ["A1=x<-", "B2=y<A1", "C3=z<A1", "A4=w<B2"];
    const ref = JSON.stringify(merge(s));
    for (const perm of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1, 1, 2]]) {
      expect(JSON.stringify(merge(perm.map((i) => s[i]!)))).toBe(ref);
    }
  });

  it("an overwrite arriving before what it overwrote still wins", () => {
    expect(merge(["B2=y<A1", "A1=x<-"])?.value).toBe("y");
    expect(conflicts(["B2=y<A1", "A1=x<-"])).toEqual([]);
  });

  it("a resolving change that merges every head ends the conflict", () => {
    const base = ["A1=x<-", "B2=y<-"].map(ch);
    const resolve: FieldChange = { ...ch("C5=x<B2"), merges: [base[0]!.hlc] };
    const st = mergeField([...base, resolve]);
    expect(st?.value).toBe("x");
    expect(st?.conflicts).toEqual([]);
  });

  it("workflow fields move forward only", () => {
    const opts = { ranks: ACTION_STATUS_RANK };
    expect(merge(["A1=open<-", "A2=verified<A1", "B3=open<A2"], opts)?.value).toBe("verified");
    expect(conflicts(["A1=open<-", "A2=verified<A1", "B3=open<A2"], opts)).toEqual(["B3:backward"]);
  });

  it("concurrent workflow values: the furthest along wins", () => {
    const opts = { ranks: INSPECTION_STATUS_RANK };
    expect(merge(["A1=draft<-", "A5=finalized<A1", "B9=submitted<A1"], opts)?.value).toBe("finalized");
  });

  it("an explicit reopen moves a workflow field back", () => {
    const opts = { ranks: INSPECTION_STATUS_RANK };
    const s = ["A1=draft<-", "A2=finalized<A1"].map(ch);
    const reopen: FieldChange = { ...ch("A3=draft<A2"), reopen: true };
    expect(mergeField([...s, reopen], opts)?.value).toBe("draft");
  });

  it("changes stamped after the lock are kept, not applied", () => {
    const lockHlc = formatHlc({ ms: 5, counter: 0, device: "L" });
    const st = merge(["A1=x<-", "B7=y<A1"], { lockHlc });
    expect(st?.value).toBe("x");
    expect(st?.conflicts.map((c) => `${c.changeId}:${c.reason}`)).toEqual(["B7:locked"]);
  });
});
