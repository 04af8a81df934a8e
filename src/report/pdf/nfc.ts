/** Unicode NFC: decomposed Vietnamese accents render wrongly in PDF fonts and break text search (TCVN 6909:2001). */
export function nfc(s: string): string {
  return s.normalize("NFC");
}
