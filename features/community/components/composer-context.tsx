"use client";

import { useEffect, useMemo, useSyncExternalStore } from "react";

/**
 * What a page's post forms share (decision 025): whose drafts they keep, and the thread's reply
 * form, which a post's "Quote" button fills. A small store rather than a context provider, so a
 * page adds one self-closing `<CommunityComposer userId=… />` instead of wrapping its content.
 */
let ownerId: string | null = null;
let reply: ((markdown: string) => void) | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setOwner(id: string | null) {
  ownerId = id;
  for (const listener of listeners) listener();
}

/** Puts a quotation into the thread's reply form and moves the focus there; false when there is none. */
function insertQuote(markdown: string): boolean {
  if (!reply) return false;
  reply(markdown);
  return true;
}

/** The reply form registers how it takes a quotation (and unregisters when it goes). */
function registerReply(insert: ((markdown: string) => void) | null) {
  reply = insert;
}

export type Composer = { userId: string; insertQuote: typeof insertQuote; registerReply: typeof registerReply };

/** Tells the page's post forms whose drafts they keep (the signed-in person). Renders nothing. */
export function CommunityComposer({ userId }: { userId: string }) {
  useEffect(() => {
    setOwner(userId);
    return () => setOwner(null);
  }, [userId]);
  return null;
}

/** The page's composer, or null where a page has none (or before its script runs): then forms keep no drafts. */
export function useComposer(): Composer | null {
  const userId = useSyncExternalStore(
    subscribe,
    () => ownerId,
    () => null,
  );
  return useMemo(() => (userId ? { userId, insertQuote, registerReply } : null), [userId]);
}
