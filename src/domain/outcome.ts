import { z } from "zod";

export const OUTCOMES = ["conform", "partial", "nonconform", "observation", "na"] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const SeveritySchema = z.enum(["major", "minor"]);
export type Severity = z.infer<typeof SeveritySchema>;

export const OUTCOME_LABELS_VI: Record<Outcome, string> = {
  conform: "Đạt",
  partial: "Đạt một phần",
  nonconform: "Không đạt",
  observation: "Lưu ý",
  na: "Không áp dụng",
};

export const SEVERITY_LABELS_VI: Record<Severity, string> = { major: "nặng", minor: "nhẹ" };
