import "server-only";
import type { AppLocale } from "@/server/i18n";
import { rowsRejected } from "@/server/api/rows-rejected";
import type { PairOutcome } from "./mentorships";

/** 201 with the count, or 422 listing every bad row in the reader's language. */
export function pairResponse(outcome: PairOutcome, locale: AppLocale) {
  if (!outcome.ok) return rowsRejected(locale, "pairs_rejected", "errors.pairsRejected", outcome.errors);
  return { status: 201, body: { created: outcome.created } };
}
