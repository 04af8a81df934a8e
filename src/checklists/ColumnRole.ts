/** The meaning of a matrix column, whatever a province calls it. */
export type ColumnRole = "label" | "item" | "activities" | "evidence" | "responsible" | "coordinating" | "timing";
