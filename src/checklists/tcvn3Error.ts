import { ChecklistImportError } from "./ChecklistImportError";

/** The refusal of text in the legacy TCVN3 (ABC) encoding, wherever it was found. */
export function tcvn3Error(file: string, at: { where?: string; row?: number; column?: string } = {}): ChecklistImportError {
  const where = at.where ?? "";
  return new ChecklistImportError({
    file,
    ...(at.row !== undefined ? { row: at.row } : {}),
    ...(at.column !== undefined ? { column: at.column } : {}),
    message: `${where}the text is in the legacy TCVN3 (ABC) encoding; convert it to Unicode (UTF-8), e.g. with Unikey's converter, and import again`,
    messageVi: `${where}văn bản dùng bảng mã cũ TCVN3 (ABC); hãy chuyển sang Unicode (UTF-8), ví dụ bằng công cụ chuyển mã của Unikey, rồi nhập lại`,
  });
}
