import "server-only";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/authz/policy";
import { quoteMarkdown } from "../quote-markdown";
import { loadPost } from "./load-post";

/**
 * A post as a Markdown quotation for a reply (decision 025): the marker line the renderer turns
 * into "Quoted from <author>" linked to the post, then the text, every line behind "> ". Only a
 * post the actor may read (404/403 as for its thread), not a removed one nor one a moderator hid.
 */
export async function getQuote(actor: Actor, postId: string): Promise<{ postId: string; threadId: string; markdown: string }> {
  const post = await loadPost(actor, postId);
  if (post.deletedAt || post.hiddenAt) throw new AppError("not_found", "errors.communityNotFound");
  return { postId: post.id, threadId: post.thread.id, markdown: quoteMarkdown(post.id, post.body) };
}
