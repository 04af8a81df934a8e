import { describe, expect, it } from "vitest";
import { dict } from "../../src/app/i18n/dict";
import { formatBytes } from "../../src/app/i18n/formatBytes";
import { formatDate } from "../../src/app/i18n/formatDate";
import { formatNumber } from "../../src/app/i18n/formatNumber";
import { parseVietDate } from "../../src/app/i18n/parseVietDate";
import { translate } from "../../src/app/i18n/translate";

describe("UI strings", () => {
  it("every string exists in Vietnamese and English, in NFC, with the same parameters", () => {
    for (const [key, [vi, en]] of Object.entries(dict)) {
      expect(vi.length, key).toBeGreaterThan(0);
      expect(en.length, key).toBeGreaterThan(0);
      expect(vi, key).toBe(vi.normalize("NFC"));
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(en), key).toEqual(params(vi));
    }
  });
  it("fills parameters and switches language", () => {
    expect(translate("vi", "unsynced", { n: "1.234" })).toBe("Thay đổi chưa đồng bộ: 1.234");
    expect(translate("en", "unsynced", { n: 3 })).toBe("Changes not yet synced: 3");
    expect(translate("vi", "saved")).toBe("Đã lưu trên máy");
  });
});

describe("Vietnamese dates and numbers", () => {
  it("shows dates as dd/mm/yyyy", () => {
    expect(formatDate("2026-03-05")).toBe("05/03/2026");
    expect(formatDate(null)).toBe("");
  });
  it("reads typed dates as dd/mm/yyyy and refuses impossible ones", () => {
    expect(parseVietDate("5/3/2026")).toBe("2026-03-05");
    expect(parseVietDate("05-03-2026")).toBe("2026-03-05");
    expect(parseVietDate("29/02/2028")).toBe("2028-02-29");
    expect(parseVietDate("29/02/2026")).toBeUndefined();
    expect(parseVietDate("2026-03-05")).toBeUndefined();
    expect(parseVietDate("  ")).toBeNull();
  });
  it("formats numbers and sizes the Vietnamese way", () => {
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatBytes(1536)).toBe("1,5 KB");
    expect(formatBytes(5 * 1024 ** 3)).toBe("5 GB");
  });
});
