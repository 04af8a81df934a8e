const ROMAN = /^(?=[IVXLC])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** True for an upper-case Roman numeral (I … CCCXCIX), the labels of a matrix's sections. */
export function isRoman(text: string): boolean {
  return ROMAN.test(text);
}
