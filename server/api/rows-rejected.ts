import { translateError, type AppLocale } from "@/server/i18n";
import type { ApiResult } from "./handler";

/**
 * An all-or-nothing batch refused: 422 with every bad row and field, the messages in the reader's
 * language (CSV imports of users and of curator–mentee pairs answer alike).
 */
export function rowsRejected(locale: AppLocale, code: string, messageKey: string, rows: { row: number; field: string; message: string }[]): ApiResult {
  return {
    status: 422,
    body: { error: { code, message: translateError(locale, messageKey), rows: rows.map((r) => ({ ...r, message: translateError(locale, r.message) })) } },
  };
}
