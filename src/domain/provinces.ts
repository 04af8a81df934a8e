import { z } from "zod";
import { foldVietnamese } from "./foldVietnamese";

/** One of the 34 provincial-level units in force from 1/7/2025 (Resolution 202/2025/QH15). */
export interface Province {
  /** The stable key written in `province` fields: the folded name, hyphenated ("thanh-hoa", "ho-chi-minh"). */
  id: string;
  /** The name without its level word: "Thanh Hóa", "Hồ Chí Minh". */
  name: string;
  /** Tỉnh, or thành phố trực thuộc Trung ương (the six centrally-run cities). */
  level: "tinh" | "thanh_pho";
  /** The national administrative code of the province (Cục Thống kê, from 1/7/2025). */
  code: string;
  /** The provinces of before 1/7/2025 that make it up, itself included when it kept its name. */
  formerNames: readonly string[];
}

const p = (name: string, level: Province["level"], code: string, formerNames: readonly string[], id?: string): Province => ({
  id: id ?? foldVietnamese(name).replace(/\s+/g, "-"),
  name,
  level,
  code,
  formerNames,
});

/** The 34 provinces and centrally-run cities from 1/7/2025, in the order of their codes. */
export const PROVINCES: readonly Province[] = [
  p("Hà Nội", "thanh_pho", "01", ["Hà Nội"]),
  p("Cao Bằng", "tinh", "04", ["Cao Bằng"]),
  p("Tuyên Quang", "tinh", "08", ["Tuyên Quang", "Hà Giang"]),
  p("Điện Biên", "tinh", "11", ["Điện Biên"]),
  p("Lai Châu", "tinh", "12", ["Lai Châu"]),
  p("Sơn La", "tinh", "14", ["Sơn La"]),
  p("Lào Cai", "tinh", "15", ["Lào Cai", "Yên Bái"]),
  p("Thái Nguyên", "tinh", "19", ["Thái Nguyên", "Bắc Kạn"]),
  p("Lạng Sơn", "tinh", "20", ["Lạng Sơn"]),
  p("Quảng Ninh", "tinh", "22", ["Quảng Ninh"]),
  p("Bắc Ninh", "tinh", "24", ["Bắc Ninh", "Bắc Giang"]),
  p("Phú Thọ", "tinh", "25", ["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"]),
  p("Hải Phòng", "thanh_pho", "31", ["Hải Phòng", "Hải Dương"]),
  p("Hưng Yên", "tinh", "33", ["Hưng Yên", "Thái Bình"]),
  p("Ninh Bình", "tinh", "37", ["Ninh Bình", "Hà Nam", "Nam Định"]),
  p("Thanh Hóa", "tinh", "38", ["Thanh Hóa"]),
  p("Nghệ An", "tinh", "40", ["Nghệ An"]),
  p("Hà Tĩnh", "tinh", "42", ["Hà Tĩnh"]),
  p("Quảng Trị", "tinh", "44", ["Quảng Trị", "Quảng Bình"]),
  p("Huế", "thanh_pho", "46", ["Thừa Thiên Huế"]),
  p("Đà Nẵng", "thanh_pho", "48", ["Đà Nẵng", "Quảng Nam"]),
  p("Quảng Ngãi", "tinh", "51", ["Quảng Ngãi", "Kon Tum"]),
  p("Gia Lai", "tinh", "52", ["Gia Lai", "Bình Định"]),
  p("Khánh Hòa", "tinh", "56", ["Khánh Hòa", "Ninh Thuận"]),
  p("Đắk Lắk", "tinh", "66", ["Đắk Lắk", "Phú Yên"]),
  p("Lâm Đồng", "tinh", "68", ["Lâm Đồng", "Đắk Nông", "Bình Thuận"]),
  p("Đồng Nai", "tinh", "75", ["Đồng Nai", "Bình Phước"]),
  p("Hồ Chí Minh", "thanh_pho", "79", ["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"]),
  p("Tây Ninh", "tinh", "80", ["Tây Ninh", "Long An"]),
  p("Đồng Tháp", "tinh", "82", ["Đồng Tháp", "Tiền Giang"]),
  p("Vĩnh Long", "tinh", "86", ["Vĩnh Long", "Bến Tre", "Trà Vinh"]),
  p("An Giang", "tinh", "91", ["An Giang", "Kiên Giang"]),
  p("Cần Thơ", "thanh_pho", "92", ["Cần Thơ", "Sóc Trăng", "Hậu Giang"]),
  p("Cà Mau", "tinh", "96", ["Cà Mau", "Bạc Liêu"]),
];

export const PROVINCE_IDS = PROVINCES.map((x) => x.id) as [string, ...string[]];
/** A province as chosen from the list (new input: the registry command line, the console's picker). */
export const ProvinceIdSchema = z.enum(PROVINCE_IDS);

/** "Tỉnh Thanh Hóa" / "Thành phố Hồ Chí Minh": the province's full name as documents write it. */
export function provinceFullName(x: Province): string {
  return `${x.level === "tinh" ? "Tỉnh" : "Thành phố"} ${x.name}`;
}

/** The six centrally-run cities' names, folded ("ha noi", "ho chi minh", …). */
export const CENTRAL_CITY_KEYS: readonly string[] = PROVINCES.filter((x) => x.level === "thanh_pho").map((x) => foldVietnamese(x.name));

// Spellings seen in lists and older data that folding alone does not join (folded → province id).
// `former`: the alias names a province of before 1/7/2025 that merged into another.
const ALIASES: Record<string, { id: string; former: boolean }> = {
  hcm: { id: "ho-chi-minh", former: false },
  tphcm: { id: "ho-chi-minh", former: false },
  "sai gon": { id: "ho-chi-minh", former: false },
  "ba ria vung tau": { id: "ho-chi-minh", former: true },
  brvt: { id: "ho-chi-minh", former: true },
  "dac lac": { id: "dak-lak", former: false },
  "dak nong": { id: "lam-dong", former: true },
  "dac nong": { id: "lam-dong", former: true },
  "tt hue": { id: "hue", former: false },
};

/** The folded key of a province as written: level words ("tỉnh", "thành phố", "TP.") and punctuation dropped. */
function keyOf(text: string): string {
  return foldVietnamese(text)
    .replace(/[.,;:()_–—-]+/g, " ")
    .replace(/^(uy ban nhan dan|ubnd)\s+/, "")
    .replace(/^(tinh|thanh pho|tp)\s+/, "")
    .replace(/\s+truc thuoc trung uong$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const BY_KEY = new Map<string, { province: Province; former: boolean }>();
for (const x of PROVINCES) {
  BY_KEY.set(x.id, { province: x, former: false });
  BY_KEY.set(keyOf(x.name), { province: x, former: false });
  BY_KEY.set(x.code, { province: x, former: false });
  BY_KEY.set(String(Number(x.code)), { province: x, former: false });
}
for (const x of PROVINCES) for (const f of x.formerNames) if (!BY_KEY.has(keyOf(f))) BY_KEY.set(keyOf(f), { province: x, former: true });
for (const [alias, { id, former }] of Object.entries(ALIASES)) BY_KEY.set(alias, { province: PROVINCES.find((y) => y.id === id)!, former });

export type ProvinceReading =
  | { province: Province; /** A province of before 1/7/2025 that merged into `province`. */ formerName?: string }
  | { province: null; warning: string };

/**
 * The province a stored or typed value names: the id ("thanh-hoa"), the code ("38"), the name with or without
 * diacritics and level word ("Tỉnh Thanh Hoá", "TP. HCM"), or a province of before 1/7/2025, read as the province it
 * merged into ("Bình Định" → Gia Lai). Anything else is kept as it is by the caller, with the warning given here.
 */
export function readProvince(value: string): ProvinceReading {
  const key = keyOf(value);
  const hit = BY_KEY.get(key) ?? BY_KEY.get(key.replace(/\s+/g, "-")) ?? BY_KEY.get(key.replace(/\s+/g, ""));
  if (!hit) return { province: null, warning: `"${value}" không có trong danh mục 34 tỉnh, thành phố (Nghị quyết 202/2025/QH15); dữ liệu vẫn mở được nhưng cần chọn lại tỉnh.` };
  return hit.former ? { province: hit.province, formerName: value.trim() } : { province: hit.province };
}

/** The canonical province of a value, or undefined when it names none of the 34. */
export function provinceOf(value: string): Province | undefined {
  return readProvince(value).province ?? undefined;
}
