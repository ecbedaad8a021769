"use client";

import { useState, useSyncExternalStore } from "react";
import { useT } from "@/ui/messages";
import { callApi } from "@/ui/api-client";
import { quoteMarkdown } from "../quote-markdown";
import { useComposer } from "./composer-context";

const noSubscription = () => () => {};

/** The part of the post the reader selected, as text, or "" when the selection is elsewhere. */
function selectedTextIn(article: Element | null): string {
  const selection = typeof window === "undefined" ? null : window.getSelection();
  if (!article || !selection || selection.isCollapsed || selection.rangeCount === 0) return "";
  const range = selection.getRangeAt(0);
  return article.contains(range.commonAncestorContainer) ? selection.toString().trim() : "";
}

/**
 * "Quote" on a post (decision 025): puts the post — or the part of it the reader selected — into
 * the reply form as a Markdown quotation with its attribution, and moves the focus there. Before
 * the page's script runs (or without it) it is a link to `?quote=<postId>#reply`, which the server
 * pre-fills.
 */
export function QuoteButton({ postId, authorName }: { postId: string; authorName: string }) {
  const t = useT("communityDrafts");
  const composer = useComposer();
  // False in the server's HTML (a link that works without JavaScript), true once the page's script runs.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [busy, setBusy] = useState(false);
  const label = t("quoteLabel", { name: authorName });
  if (!ready || !composer)
    return (
      <a href={`?quote=${encodeURIComponent(postId)}#reply`} className="text-sm" aria-label={label}>
        {t("quote")}
      </a>
    );
  const quote = async () => {
    const article = document.getElementById(`post-${postId}`);
    const selected = selectedTextIn(article);
    let markdown = selected ? quoteMarkdown(postId, selected) : "";
    if (!markdown) {
      setBusy(true);
      try {
        markdown = (await callApi<{ markdown: string }>("GET", `/api/v1/community/posts/${encodeURIComponent(postId)}/quote`, undefined, "", "offline"))
          .markdown;
      } catch {
        // Offline: the text as shown still makes a quotation.
        const shown = article?.querySelector(".lesson-prose") as HTMLElement | null;
        markdown = quoteMarkdown(postId, shown?.innerText.trim() ?? "");
      } finally {
        setBusy(false);
      }
    }
    composer.insertQuote(markdown);
  };
  return (
    <button type="button" className="btn-secondary text-sm" aria-label={label} disabled={busy} onClick={() => void quote()}>
      {t("quote")}
    </button>
  );
}
