/** Corrective-action follow-up states: the domain's one label per status, as the app shows them. */
export { ACTION_STATUS_LABELS_VI } from "../../domain/actionStatusLabels";
