/** Something the importer repaired or guessed, shown in the DOST console's preview before publishing. */
export interface ImportWarning {
  row?: number;
  column?: string;
  message: string;
  messageVi: string;
}
