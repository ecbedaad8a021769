"use client";

/**
 * Who is signed in on this page, as the server rendered it (the header's `data-user-id`): the
 * outbox keeps and sends a write for that person only. Null when signed out.
 */
export function sessionUserId(): string | null {
  return document.querySelector("header[data-user-id]")?.getAttribute("data-user-id") || null;
}
