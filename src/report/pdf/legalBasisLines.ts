/** Legal bases as Decree 30/2020 writes them: one per line, each ending with ";" and the last with ".". */
export function legalBasisLines(bases: readonly string[]): string[] {
  const clean = bases.map((b) => b.trim().replace(/[;.,:\s]+$/u, "")).filter(Boolean);
  return clean.map((b, i) => `${b}${i === clean.length - 1 ? "." : ";"}`);
}
