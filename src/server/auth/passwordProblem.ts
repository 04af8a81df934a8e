import { COMMON_PASSWORDS } from "./commonPasswords";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** Why a new password is refused, in Vietnamese, or null when it is acceptable. */
export function passwordProblem(password: string, username = ""): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
  if (length > MAX_PASSWORD_LENGTH) return `mật khẩu dài tối đa ${MAX_PASSWORD_LENGTH} ký tự`;
  const plain = password.normalize("NFC").toLowerCase().replace(/[\s._-]/g, "");
  if (COMMON_PASSWORDS.has(plain) || /^(.)\1*$/u.test(plain)) return "mật khẩu quá phổ biến, dễ đoán; hãy chọn mật khẩu khác";
  if (username && plain.includes(username.trim().toLowerCase().replace(/[\s._-]/g, "")) && plain.length < username.length + MIN_PASSWORD_LENGTH / 2) {
    return "mật khẩu không được gần giống tên đăng nhập";
  }
  return null;
}
