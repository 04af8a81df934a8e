/**
 * Passwords of 12 characters or more that guessing lists try first (shorter ones are refused anyway), compared
 * in lower case without spaces, dots, dashes and underscores (so a few cores are shorter than 12). Includes the Vietnamese favourites.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456789012", "1234567890123", "12345678901234", "123456789123", "1234567891011", "123123123123", "111111111111",
  "000000000000", "121212121212", "123321123321", "987654321098", "147258369147", "123456654321", "112233445566",
  "qwertyuiop12", "qwertyuiop123", "qwerty123456", "qwertyuiopas", "1qaz2wsx3edc", "1q2w3e4r5t6y", "qazwsxedcrfv",
  "asdfghjkl123", "zxcvbnm12345", "abc123456789", "abcdefghijkl", "abcd12345678", "aaaaaaaaaaaa", "iloveyou1234",
  "password1234", "password12345", "password123456", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234", "password2024",
  "password2025", "password2026", "password2027", "passwordpassword", "welcome12345", "welcome123456", "letmein12345",
  "administrator", "administrator1", "admin1234567", "admin123456789", "adminadmin123", "changeme1234", "superman1234",
  "football1234", "baseball1234", "sunshine1234", "princess1234", "dragon123456", "monkey123456", "trustno11234",
  "matkhau12345", "matkhau123456", "matkhau1234567", "matkhaumoi123", "matkhaucuatoi", "matkhau2024", "matkhau20242024",
  "matkhau2025", "matkhau2026", "matkhauadmin", "anhyeuem1234", "anhyeuem123456", "emyeuanh1234", "emyeuanh123456",
  "vietnam12345", "vietnam123456", "vietnamvodich", "hanoi1234567", "saigon123456", "hochiminh1234", "thanhhoa12345",
  "kiemtra12345", "kiemtraiso123", "kiemtraiso9001", "iso900120152015", "iso9001201512", "tcvniso900112",
  "sokhcn123456", "sokhoahoccongnghe", "quantrivien123", "quantri123456", "nguoidung1234", "taikhoan12345",
  "matkhau1234", "matkhau12345678", "password123", "admin123456", "qwerty12345", "12345678910", "abc12345678",
  "12345678abcd", "abcdef123456", "a12345678910", "aa1234567890", "zaq12wsxcde3", "1234qwerasdf", "qwer1234asdf",
]);
