import { randomInt } from "node:crypto";

/** Letters and digits that cannot be misread when copied from a screen by hand (no 0/o, 1/l/i). */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A new random password for a reset, shown once: four groups of four (about 79 bits), e.g. "hk7m-2qaz-…". */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = "";
    for (let i = 0; i < 4; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join("-");
}
