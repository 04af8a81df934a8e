/**
 * Why a file could not be imported. `message` is one English line for the command line; `messageVi` is the
 * same in Vietnamese for the DOST console. `row` and `column` point into the source table when they apply
 * (1-based rows; column as the source shows it: a letter for XLSX, a number otherwise).
 */
export class ChecklistImportError extends Error {
  readonly file: string;
  readonly row: number | undefined;
  readonly column: string | undefined;
  readonly messageVi: string;

  constructor(init: { file: string; message: string; messageVi: string; row?: number; column?: string }) {
    super(init.message);
    this.name = "ChecklistImportError";
    this.file = init.file;
    this.row = init.row;
    this.column = init.column;
    this.messageVi = init.messageVi;
  }

  /** `<file>: row R, column C: message`, the one line the CLI prints. */
  toLine(): string {
    const where = [this.row !== undefined ? `row ${this.row}` : "", this.column !== undefined ? `column ${this.column}` : ""]
      .filter(Boolean)
      .join(", ");
    return `${this.file}: ${where ? `${where}: ` : ""}${this.message}`;
  }

  /** The Vietnamese line for the DOST console: `<tệp>: dòng R, cột C: thông báo`. */
  toLineVi(): string {
    const where = [this.row !== undefined ? `dòng ${this.row}` : "", this.column !== undefined ? `cột ${this.column}` : ""]
      .filter(Boolean)
      .join(", ");
    return `${this.file}: ${where ? `${where}: ` : ""}${this.messageVi}`;
  }
}
