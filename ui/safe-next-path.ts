const PROBE_ORIGIN = "http://next-path.invalid";

/**
 * Only same-site paths may follow sign-in or a form post, so a crafted link cannot send people
 * elsewhere. Backslashes and control characters are refused outright: browsers drop tabs and line
 * breaks from URLs and read `\` as `/`, which would turn `/\t/evil.example` into another site.
 */
export function safeNextPath(next: string | undefined | null, fallback = "/profile"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || hasBackslashOrControl(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return url.pathname + url.search + url.hash;
}

function hasBackslashOrControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
