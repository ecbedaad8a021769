/**
 * The one URL rule of forum posts, shared by the Markdown pass and the sanitizer so the two can
 * never disagree. An allowlist, not a blocklist: anything that is not plainly one of these is
 * refused, which is what makes `java\tscript:`, `&#106;avascript:`, `JaVaScRiPt:` and friends
 * harmless without having to know them.
 *
 * - "app": a path of this app (`/…`, but not `//…` or `/\…`, which browsers read as another
 *   host), or an absolute http(s) URL on `appOrigin`;
 * - "external": any other http, https or mailto URL;
 * - null: everything else (javascript:, data:, vbscript:, file:, protocol-relative, relative
 *   paths without a leading slash, fragments, URLs with whitespace or control characters).
 */
export type PostUrlKind = "app" | "external";

/** Whitespace, C0/C1 controls and the invisible formatting characters browsers strip or misread. */
function hasUnsafeCharacter(url: string): boolean {
  for (const ch of url) {
    const c = ch.codePointAt(0) ?? 0;
    if (c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad || c === 0xfeff) return true;
    if ((c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x2060 && c <= 0x2064)) return true;
    if (c === 0x1680 || c === 0x205f || c === 0x3000) return true;
  }
  return false;
}

export function classifyPostUrl(url: string, appOrigin?: string): PostUrlKind | null {
  if (url === "" || hasUnsafeCharacter(url)) return null;
  if (url.startsWith("/")) return /^\/(?![/\\])/.test(url) ? "app" : null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "mailto") return "external";
  if (scheme !== "http" && scheme !== "https") return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.hostname) return null;
  const origin = appOriginOf(appOrigin);
  return origin !== null && parsed.origin === origin ? "app" : "external";
}

function appOriginOf(appOrigin: string | undefined): string | null {
  if (!appOrigin) return null;
  try {
    const { origin, protocol } = new URL(appOrigin);
    return protocol === "http:" || protocol === "https:" ? origin : null;
  } catch {
    return null;
  }
}
