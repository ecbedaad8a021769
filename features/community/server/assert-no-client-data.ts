import "server-only";
import { AppError, type MessageKey } from "@/server/errors";
import { findPersonalData } from "@/features/privacy/personal-data";

/**
 * Short curated texts (a knowledge-base summary, a group's name) never need a client's data, so
 * unlike a post there is no "post anyway": anything the detector suspects is refused with the
 * fields to fix (decision 024). The text itself is never logged or echoed.
 */
export function assertNoClientData(fields: Record<string, string | undefined>, message: MessageKey): void {
  const suspected = Object.entries(fields).filter(([, value]) => value && findPersonalData(value).length > 0);
  if (suspected.length === 0) return;
  throw new AppError("unprocessable", message, Object.fromEntries(suspected.map(([field]) => [field, [message]])));
}
