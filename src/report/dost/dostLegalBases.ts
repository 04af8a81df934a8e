/** The legal bases every DOST inspection document cites (Decree 30/2020: italics, ";" then "." on the last); QĐ 19
 * by its exact title, which names TCVN ISO 9001:2008. */
export const DOST_LEGAL_BASES: readonly string[] = [
  "Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước",
  "Căn cứ Thông tư số 26/2014/TT-BKHCN ngày 10/10/2014 của Bộ trưởng Bộ Khoa học và Công nghệ quy định chi tiết thi hành Quyết định số 19/2014/QĐ-TTg",
];
