import type { ImportOptions } from "../../src/checklists/ImportOptions";
import { sharedFile } from "../support/sharedFile";

/** The options checklists/phu-luc-i-2023@1.json was imported with (README, "Checklists"). */
export const SEED_FILE = sharedFile("seeds/002_a7de95de3099e5bf.txt");
export const SEED_OPTIONS: ImportOptions = {
  id: "phu-luc-i-2023",
  version: "1",
  title: "Phụ lục I – Nội dung thực hiện (kế hoạch năm 2023 của UBND tỉnh)",
  source: { document: "Phụ lục I kèm theo Kế hoạch số …/KH-UBND ngày …/01/2023 của UBND tỉnh (seeds/002_a7de95de3099e5bf.txt)" },
};
