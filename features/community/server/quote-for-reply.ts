import "server-only";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/authz/policy";
import { ZPostParams } from "../schemas";
import { getQuote } from "./get-quote";

/**
 * The quotation `?quote=<postId>` asks for on a thread page (the Quote link without JavaScript):
 * only a post of this thread the reader may read; anything else is ignored, never an error page.
 */
export async function quoteForReply(actor: Actor, threadId: string, raw: string | string[] | undefined): Promise<string | undefined> {
  const parsed = ZPostParams.safeParse({ id: raw });
  if (!parsed.success) return undefined;
  const quote = await getQuote(actor, parsed.data.id).catch((error: unknown) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  return quote && quote.threadId === threadId ? quote.markdown : undefined;
}
