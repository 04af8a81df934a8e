import phuLucI2023 from "../../checklists/phu-luc-i-2023@1.json";
import tt26Dieu36 from "../../checklists/tt26-dieu-36@1.json";
import { ChecklistSchema, type Checklist } from "../domain/checklist";

/** The checklists every province needs, shipped with the app: the 2023 Phụ lục I matrix and TT 26 Art. 36. */
export const BUILTIN_CHECKLISTS: Checklist[] = [phuLucI2023, tt26Dieu36].map((c) => ChecklistSchema.parse(c));
