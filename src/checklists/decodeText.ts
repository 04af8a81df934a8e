import { ChecklistImportError } from "./ChecklistImportError";
import { tcvn3Error } from "./tcvn3Error";

const VIETNAMESE = new Set(
  "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    .split("")
    .flatMap((c) => [c, c.toUpperCase()]),
);

// Typographic punctuation Word puts in any text (“ ” – … €): says nothing about the encoding.
const NEUTRAL = /[\u00A0\u2000-\u206F\u20AC\u2122]/;

/** Share of the non-ASCII letters and symbols of a text that are Vietnamese letters. */
function vietnameseShare(text: string): number {
  let total = 0;
  let viet = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80 || NEUTRAL.test(ch)) continue;
    total++;
    if (VIETNAMESE.has(ch)) viet++;
  }
  return total === 0 ? 1 : viet / total;
}

/**
 * Bytes of a text file as a string. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are.
 * Other bytes are a legacy 8-bit Vietnamese encoding: Windows-1258 is decoded (its separate tone marks are
 * composed by NFC); TCVN3 (ABC) and anything unrecognised are refused with a message naming the encoding,
 * never imported as garbled text.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: one of the 8-bit encodings below
  }
  const cp1258 = new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
  if (vietnameseShare(cp1258) >= 0.9) return cp1258;
  let high = 0;
  let tcvn3Letters = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    // TCVN3 puts its lower-case Vietnamese letters at A8–AE (ă â ê ô ơ ư đ) and B5–FE (toned vowels).
    if ((b >= 0xa8 && b <= 0xae) || b >= 0xb5) tcvn3Letters++;
  }
  if (high > 0 && tcvn3Letters / high >= 0.8) throw tcvn3Error(file);
  throw new ChecklistImportError({
    file,
    message: "the text is neither UTF-8 nor Windows-1258 (an unknown 8-bit encoding); save it as UTF-8 and import again",
    messageVi: "văn bản không phải UTF-8 hay Windows-1258 (bảng mã 8 bit không xác định); hãy lưu lại dạng UTF-8 rồi nhập lại",
  });
}
