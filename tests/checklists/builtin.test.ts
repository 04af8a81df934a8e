import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BUILTIN_CHECKLISTS } from "../../src/checklists/builtinChecklists";
import { checklistJsonSchema } from "../../src/checklists/checklistJsonSchema";
import { PUBLISHED_FILE } from "../../src/checklists/PUBLISHED_FILE";
import { ChecklistSchema } from "../../src/domain/checklist";
import { sharedFile } from "../support/sharedFile";

const dir = join(import.meta.dirname, "../../checklists");
const published = readdirSync(dir).filter((f) => PUBLISHED_FILE.test(f)).sort();
const read = (f: string) => readFileSync(join(dir, f));
const legal = readFileSync(sharedFile("legal/qd19-tt26-nd30.md"), "utf8");

describe("checklists/", () => {
  test("ships the seed matrix and TT 26 Art. 36, each valid and named <id>@<version>.json", () => {
    expect(published).toEqual(["phu-luc-i-2023@1.json", "tt26-dieu-36@1.json"]);
    for (const f of published) {
      const c = ChecklistSchema.parse(JSON.parse(read(f).toString("utf8")));
      expect(`${c.id}@${c.version}.json`).toBe(f);
      expect(c.source.document.length).toBeGreaterThan(10);
      expect(JSON.stringify(c)).toBe(JSON.stringify(c).normalize("NFC"));
    }
    expect(BUILTIN_CHECKLISTS.map((c) => `${c.id}@${c.version}`)).toEqual(["phu-luc-i-2023@1", "tt26-dieu-36@1"]);
  });

  test("a published version never changes: every file's hash matches published.lock.json", () => {
    const lock = JSON.parse(read("published.lock.json").toString("utf8")) as Record<string, string>;
    for (const f of published) {
      expect(lock[f], `${f} is not in published.lock.json: run npm run checklist -- lock`).toBeDefined();
      const hash = createHash("sha256").update(read(f)).digest("hex");
      expect(hash, `${f} changed after publishing; publish a new version as a new file instead`).toBe(lock[f]);
    }
    // A locked version may not disappear either.
    expect(Object.keys(lock).sort()).toEqual(published);
  });

  test("the JSON Schema file is the one generated from the zod schemas", () => {
    const file = JSON.parse(read("htqlcl-checklist-1.schema.json").toString("utf8"));
    expect(file, "run npm run checklist -- schema").toEqual(checklistJsonSchema());
    expect(file.properties.format.const).toBe("htqlcl-checklist/1");
    expect(file.required).toEqual(expect.arrayContaining(["format", "id", "version", "title", "source", "sections"]));
  });
});

describe("tt26-dieu-36@1: Article 36 of Circular 26/2014 in its official wording", () => {
  const art36 = BUILTIN_CHECKLISTS.find((c) => c.id === "tt26-dieu-36")!;
  const start = legal.indexOf("Điều 19.8.TT.6.36. Nội dung kiểm tra\n");
  const article = legal.slice(start, legal.indexOf("Điều 19.8.TT.6.37.", start));

  test("7 + 6 points, including 36.2.e (choice of consultant), which the seed matrix lacks", () => {
    expect(art36.sections.map((s) => s.items.map((i) => i.code))).toEqual([
      ["I.a", "I.b", "I.c", "I.d", "I.đ", "I.e", "I.g"],
      ["II.a", "II.b", "II.c", "II.d", "II.đ", "II.e"],
    ]);
    expect(art36.sections[1]!.items[5]!.title).toBe("Việc lựa chọn tổ chức tư vấn, chuyên gia tư vấn độc lập (nếu có)");
    expect(art36.sections.every((s) => s.scored)).toBe(true);
  });

  test("every section and item title is the article's own text, whole", () => {
    // Clause "1. …:" and its points "a) …;" read from the legal text itself, up to their closing punctuation.
    const clauses = [...article.matchAll(/^ ?(\d)\. (.+):$/gm)].map((m) => m[2]);
    const points = [...article.matchAll(/^ ?([a-gđ])\) (.+?)[;.](?:\(Điều .*)?$/gm)].map((m) => `${m[1]}) ${m[2]}`);
    expect(clauses).toHaveLength(2);
    expect(points).toHaveLength(13);
    expect(art36.sections.map((s) => s.title)).toEqual(clauses);
    expect(art36.sections.flatMap((s) => s.items.map((i) => `${i.code.split(".")[1]}) ${i.title}`))).toEqual(points);
  });

  test("every item has criteria, ISO 9001:2015 clause references and Decision 19/2014 article references", () => {
    for (const i of art36.sections.flatMap((s) => s.items)) {
      expect(i.criteria.length, i.code).toBeGreaterThan(0);
      expect(i.criteria.map((c) => c.code)).toEqual(i.criteria.map((_, n) => `${i.code}.${n + 1}`));
      for (const c of i.criteria) expect(c.evidence.length, c.code).toBeGreaterThan(0);
      expect(i.references!.filter((r) => /^TCVN ISO 9001:2015 §\d+(\.\d+)*$/.test(r)).length, i.code).toBeGreaterThan(0);
      expect(i.references!.filter((r) => /^QĐ 19\/2014\/QĐ-TTg, .*Điều \d+$/.test(r)).length, i.code).toBeGreaterThan(0);
    }
    const refs = (code: string) => art36.sections.flatMap((s) => s.items).find((i) => i.code === code)!.references;
    expect(refs("I.a")).toContain("TCVN ISO 9001:2015 §4.3");
    expect(refs("I.đ")).toEqual(expect.arrayContaining(["TCVN ISO 9001:2015 §9.2", "TCVN ISO 9001:2015 §9.3", "TCVN ISO 9001:2015 §10.2"]));
    expect(refs("I.e")).toContain("TCVN ISO 9001:2015 §9.1.2");
    expect(refs("II.c")).toContain("QĐ 19/2014/QĐ-TTg, khoản 3 Điều 4");
    expect(refs("II.e")).toContain("QĐ 19/2014/QĐ-TTg, Điều 7");
  });
});
