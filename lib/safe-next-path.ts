const PROBE_ORIGIN = "http://next-path.invalid";

/**
 * Only same-site paths may follow sign-in or a form post, so a crafted link cannot send people
 * elsewhere. The decision is made on the normalised path the browser will actually follow, not on
 * the raw string: `/.//evil.example` and `/%2e//evil.example` look like paths but normalise to
 * `//evil.example`, another site. Backslashes and control characters are refused outright
 * (browsers drop tabs and line breaks from URLs and read `\` as `/`), and so are encoded slashes,
 * backslashes and controls in the path, which a server or proxy on the way might decode.
 */
export function safeNextPath(next: string | undefined | null, fallback = "/profile"): string {
  const path = normalisePath(next);
  // A second pass must change nothing: a result that normalises further was never a plain path.
  if (path === null || normalisePath(path) !== path) return fallback;
  return path;
}

function normalisePath(next: string | undefined | null): string | null {
  if (typeof next !== "string" || !isPlainSameSitePath(next)) return null;
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN || ENCODED_SEPARATOR_OR_CONTROL.test(url.pathname)) return null;
  const path = url.pathname + url.search + url.hash;
  return isPlainSameSitePath(path) ? path : null;
}

/** `%2f` `%5c` (slash, backslash) and encoded C0 controls or DEL in a path. */
const ENCODED_SEPARATOR_OR_CONTROL = /%(?:2f|5c|[01][0-9a-f]|7f)/i;

function isPlainSameSitePath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !hasBackslashOrControl(path);
}

function hasBackslashOrControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c || code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
