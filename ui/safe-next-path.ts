/** Only same-site paths may follow sign-in, so a crafted link cannot send people elsewhere. */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/profile";
  return next;
}
