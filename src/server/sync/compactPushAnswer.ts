import type { PushCompactResponse, PushResponse } from "../../domain/protocol";

/**
 * The compact form of a push answer: the number of distinct accepted ids and the greatest stamp among them, with
 * every refusal as before. `items` are the changes as sent: an accepted one (now or before, same content) carries
 * the stamp that is stored.
 */
export function compactPushAnswer(answer: PushResponse, items: readonly unknown[], ids: readonly string[]): PushCompactResponse {
  const accepted = new Set(answer.accepted);
  let max: string | null = null;
  for (const [i, item] of items.entries()) {
    if (!accepted.has(ids[i]!)) continue;
    const hlc = (item as { hlc?: unknown }).hlc;
    if (typeof hlc === "string" && (max === null || hlc > max)) max = hlc;
  }
  return { acceptedCount: accepted.size, acceptedMaxHlc: max, rejected: answer.rejected, ...(answer.epoch !== undefined ? { epoch: answer.epoch } : {}) };
}
