import { describe, expect, it } from "vitest";
import { foldVietnamese } from "../../src/domain/foldVietnamese";

describe("foldVietnamese", () => {
  it("removes tones and vowel marks, keeps words", () => {
    expect(foldVietnamese("UBND xã Mường Lý")).toBe("ubnd xa muong ly");
    expect(foldVietnamese("Sở Khoa học và Công nghệ")).toBe("so khoa hoc va cong nghe");
  });
  it("maps đ and Đ to d", () => {
    expect(foldVietnamese("Đồng Đăng")).toBe("dong dang");
    expect(foldVietnamese("đặc khu")).toBe("dac khu");
  });
  it("folds decomposed (NFD) input the same as precomposed", () => {
    expect(foldVietnamese("Mường Lý".normalize("NFD"))).toBe(foldVietnamese("Mường Lý"));
  });
  it("collapses whitespace", () => {
    expect(foldVietnamese("  xã   Trung\tLý ")).toBe("xa trung ly");
  });
});
