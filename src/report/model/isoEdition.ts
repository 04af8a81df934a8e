/**
 * Printed text names the standard's edition agencies apply: QĐ 19 and TT 26 say TCVN ISO 9001:2008, and the
 * Ministry's letters 419/BKHCN-TĐC and 3003/BKHCN-TĐC (2018) moved every agency to TCVN ISO 9001:2015. The
 * checklist keeps the verbatim wording; titles and requirements are printed with 2015. (Legal citations of
 * QĐ 19's own title keep 2008: that is the decision's name.)
 */
export function isoEdition(s: string): string {
  return s.replace(/TCVN ISO 9001\s*:\s*2008/gu, "TCVN ISO 9001:2015");
}
