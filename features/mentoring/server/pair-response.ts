import "server-only";
import { translateError, type AppLocale } from "@/server/i18n";
import type { PairOutcome } from "./mentorships";

/** 201 with the count, or 422 listing every bad row in the reader's language (as the user import does). */
export function pairResponse(outcome: PairOutcome, locale: AppLocale) {
  if (!outcome.ok) {
    const rows = outcome.errors.map((e) => ({ ...e, message: translateError(locale, e.message) }));
    return { status: 422, body: { error: { code: "pairs_rejected", message: translateError(locale, "errors.pairsRejected"), rows } } };
  }
  return { status: 201, body: { created: outcome.created } };
}
