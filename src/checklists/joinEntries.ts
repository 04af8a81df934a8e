/** List entries as one line for a single-text field: "A; B", without doubling a stop already there. */
export function joinEntries(entries: string[]): string {
  return entries.reduce((acc, e) => (acc === "" ? e : /[;.,:]$/.test(acc) ? `${acc} ${e}` : `${acc}; ${e}`), "");
}
