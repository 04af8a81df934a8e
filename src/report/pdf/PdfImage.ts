/** An image to place in a PDF: base64 bytes of a JPEG or PNG. */
export interface PdfImage {
  mime: string;
  data: string;
}
