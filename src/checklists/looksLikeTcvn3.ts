// Every character TCVN3 (ABC) uses for a Vietnamese letter, as it reads once the bytes are taken for Latin-1
// (what Word and Excel store for text typed in the .VnTime fonts), less those that are themselves Vietnamese
// letters (á â ã è é ê ì í ò ó ô õ ù ú ý …): these never occur in Unicode Vietnamese text.
const TCVN3_ONLY = new Set("¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾ÆÇËÎÏÐÑÖ×ØÜÞßäåæçëîïñö÷øûüþ");

/**
 * True when text is Vietnamese written in TCVN3 (ABC) but stored as Latin-1 characters ("Ph¹m vi ¸p dông"
 * for "Phạm vi áp dụng"): XLSX and DOCX typed in the .VnTime fonts, or a TCVN3 text file saved again as UTF-8.
 * By default it takes at least 3 such characters making 40 % of the non-ASCII ones (TCVN3 text has 60–80 %),
 * since a few (« », ×, ·) can appear in Unicode text; a table already found out is pointed at by its first
 * row with any.
 */
export function looksLikeTcvn3(text: string, { least = 3, share = 0.4 } = {}): boolean {
  let nonAscii = 0;
  let tcvn3 = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    nonAscii++;
    if (TCVN3_ONLY.has(text[i]!)) tcvn3++;
  }
  return tcvn3 >= least && tcvn3 / nonAscii >= share;
}
