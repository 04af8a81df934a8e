import { z } from "zod";
import type { EntityDef } from "./entityDef";

/**
 * The number symbol (ký hiệu, NĐ 30/2020 Phụ lục I) of each document the province issues, as printed after the
 * number: "BB-SKHCN" for "Số: 05/BB-SKHCN". A công văn (the desk-review letter) has no kind code: "SKHCN-TĐC".
 */
export const IssuerSymbolsSchema = z.object({
  record: z.string().max(50),
  letter: z.string().max(50),
  plan: z.string().max(50),
  notice: z.string().max(50),
  report: z.string().max(50),
});
export type IssuerSymbols = z.infer<typeof IssuerSymbolsSchema>;
export type IssuerSymbolKind = keyof IssuerSymbols;

/** What the province's documents say of who issues them; the same fields are frozen into an inspection at finalize. */
export const IssuerFieldsSchema = z.object({
  /** "UBND TỈNH THANH HÓA" */
  parentBody: z.string().max(300),
  /** "SỞ KHOA HỌC VÀ CÔNG NGHỆ" */
  issuingBody: z.string().max(300),
  /** The same in running text: "Sở Khoa học và Công nghệ". */
  issuingBodyName: z.string().max(300),
  /** The division that inspects: "Chi cục Tiêu chuẩn Đo lường Chất lượng" (provinces name it differently). */
  inspectingUnit: z.string().max(300),
  /** The place line: "Thanh Hóa". */
  place: z.string().max(100),
  symbols: IssuerSymbolsSchema,
  /** The signing authority, one printed line each: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  signerHeading: z.array(z.string().max(200)).max(5),
  signerName: z.string().max(200),
  /** The drafting unit (NĐ 30): the "Lưu: VT, TĐC." line and a công văn's symbol. */
  draftingUnit: z.string().max(50),
  /** Recipients after the addressee and before "Lưu" ("Giám đốc Sở (để b/c)"). */
  recipients: z.array(z.string().max(300)).max(20),
});
export type IssuerFields = z.infer<typeof IssuerFieldsSchema>;

/** `issuer`: one province-wide row, written by the province's DOST and read by every team of the province. */
export const IssuerSettingsSchema = IssuerFieldsSchema.extend({ id: z.string(), province: z.string().min(1) });
export type IssuerSettings = z.infer<typeof IssuerSettingsSchema>;

/** The row id is derived from the province, so two DOST officers editing the settings edit one row. */
export function issuerSettingsRowId(province: string): string {
  return `issuer/${province}`;
}

export const EMPTY_ISSUER_FIELDS: IssuerFields = {
  parentBody: "",
  issuingBody: "",
  issuingBodyName: "",
  inspectingUnit: "",
  place: "",
  symbols: { record: "", letter: "", plan: "", notice: "", report: "" },
  signerHeading: [],
  signerName: "",
  draftingUnit: "",
  recipients: [],
};

const s = IssuerSettingsSchema.shape;
export const issuerSettingsDef: EntityDef = {
  fields: {
    province: s.province,
    parentBody: s.parentBody,
    issuingBody: s.issuingBody,
    issuingBodyName: s.issuingBodyName,
    inspectingUnit: s.inspectingUnit,
    place: s.place,
    symbols: s.symbols,
    signerHeading: s.signerHeading,
    signerName: s.signerName,
    draftingUnit: s.draftingUnit,
    recipients: s.recipients,
  },
};
