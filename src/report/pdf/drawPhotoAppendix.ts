import type { PdfImage } from "./PdfImage";
import type { PdfWriter } from "./PdfWriter";

export interface CaptionedPhoto extends PdfImage {
  caption: string;
}
/** An appendix heading as Decree 30/2020 lays it out: "Phụ lục", its name in capitals, the document it goes with. */
export interface AppendixHeading {
  /** "Phụ lục" (bold, 14 pt). */
  label: string;
  /** The appendix's name, drawn in bold capitals. */
  title: string;
  /** "(Kèm theo Biên bản kiểm tra số 12/BB-ĐKT ngày 05/02/2026)", italic. */
  attachedTo?: string;
}

const COLS = 2;
const GAP = 6;
const BOX_H = 62;

/** An appendix on new pages: photos two to a row in fixed boxes (aspect kept), each captioned in italics. */
export function drawPhotoAppendix(w: PdfWriter, heading: AppendixHeading, photos: readonly CaptionedPhoto[]): void {
  w.newPage();
  w.paragraph(heading.label, { size: 14, style: "bold", align: "center" });
  w.paragraph(heading.title.toLocaleUpperCase("vi"), { size: 14, style: "bold", align: "center" });
  if (heading.attachedTo) w.paragraph(heading.attachedTo, { size: 13, style: "italic", align: "center" });
  w.gap(5);
  const boxW = (w.contentWidth - GAP * (COLS - 1)) / COLS;
  for (let i = 0; i < photos.length; i += COLS) {
    const row = photos.slice(i, i + COLS);
    w.font("italic", 11);
    const captionLines = Math.max(...row.map((p) => w.wrap(p.caption, boxW).length));
    const rowH = BOX_H + 2 + captionLines * w.lineHeight(11) + GAP;
    w.ensure(rowH);
    const top = w.y;
    row.forEach((p, j) => {
      const x = w.margin.left + j * (boxW + GAP);
      const format = p.mime === "image/png" ? "PNG" : "JPEG";
      try {
        const props = w.doc.getImageProperties(`data:${p.mime};base64,${p.data}`);
        const scale = Math.min(boxW / props.width, BOX_H / props.height);
        const iw = props.width * scale;
        const ih = props.height * scale;
        // An alias of our own spares jsPDF hashing megabytes of image data to find duplicates.
        w.doc.addImage(p.data, format, x + (boxW - iw) / 2, top + (BOX_H - ih) / 2, iw, ih, `photo-${i + j}`, "FAST");
      } catch {
        w.doc.rect(x, top, boxW, BOX_H);
        w.font("italic", 11);
        w.text("(Không đọc được ảnh)", x + boxW / 2, top + BOX_H / 2, "center");
      }
      w.font("italic", 11);
      let y = top + BOX_H + 2;
      for (const line of w.wrap(p.caption, boxW)) {
        w.text(line, x + boxW / 2, y + 3.9, "center");
        y += w.lineHeight(11);
      }
    });
    w.y = top + rowH;
  }
}
