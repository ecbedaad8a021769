import "server-only";
import type { AppLocale } from "@/server/i18n";
import { rowsRejected } from "@/server/api/rows-rejected";
import type { PairOutcome } from "./mentorships";

/**
 * 201 with the count; 422 listing every bad row in the reader's language; or 409 with the rows
 * that the current state refuses (the mentee has a curator by now, the curator is full).
 */
export function pairResponse(outcome: PairOutcome, locale: AppLocale) {
  if (!outcome.ok && outcome.status === 409) return { ...rowsRejected(locale, "pairs_conflict", "errors.pairsConflict", outcome.errors), status: 409 };
  if (!outcome.ok) return rowsRejected(locale, "pairs_rejected", "errors.pairsRejected", outcome.errors);
  return { status: 201, body: { created: outcome.created } };
}
