import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

const APP = "https://app.example";

/** What a browser would do with the answer as a Location header on our site. */
function destination(path: string): URL {
  return new URL(path, APP);
}

const HOSTILE = [
  // Not a path at all.
  "https://evil.example/",
  "evil.example",
  "javascript:alert(1)",
  "//evil.example",
  "///evil.example",
  // Dot segments that normalise to a protocol-relative URL.
  "/.//evil.example/x",
  "/..//evil.example/x",
  "/a/..//evil.example/x",
  "/././/evil.example",
  "/x/../..//evil.example",
  // Encoded dots: the URL parser treats %2e as a dot in a dot segment.
  "/%2e//evil.example/x",
  "/%2E//evil.example/x",
  "/%2e%2e//evil.example/x",
  "/.%2e//evil.example",
  "/x/%2e%2e/%2fevil.example",
  // Encoded slashes and backslashes a proxy might decode.
  "/%2f/evil.example",
  "/%2F%2Fevil.example",
  "/%5c/evil.example",
  "/%5C%5Cevil.example",
  // Backslashes, which browsers read as slashes.
  "/\\evil.example",
  "/\\/evil.example",
  "/\\\\evil.example",
  "\\\\evil.example",
  // Tabs, line breaks and other controls, which browsers drop from URLs.
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  "/%09/evil.example",
  "/%0d%0aSet-Cookie:x=1",
  "/%0a",
  "/%00",
  "/\u0085/evil.example",
  " //evil.example",
];

describe("safeNextPath", () => {
  it("keeps a same-site path with its query and fragment", () => {
    expect(safeNextPath("/lessons/strong-passwords")).toBe("/lessons/strong-passwords");
    expect(safeNextPath("/lessons?track=security#list")).toBe("/lessons?track=security#list");
    expect(safeNextPath("/")).toBe("/");
  });

  it("keeps good paths whole, normalising only what the browser would", () => {
    const good: [string, string][] = [
      ["/today", "/today"],
      ["/lessons/recognise-phishing?step=2", "/lessons/recognise-phishing?step=2"],
      ["/walkthroughs?q=%D0%94%D1%96%D1%8F#top", "/walkthroughs?q=%D0%94%D1%96%D1%8F#top"],
      ["/notifications?next=//evil.example", "/notifications?next=//evil.example"],
      ["/profile#//evil.example", "/profile#//evil.example"],
      ["/search?q=a%2Fb", "/search?q=a%2Fb"],
      ["/a/./b/../c", "/a/c"],
      ["/уроки", "/%D1%83%D1%80%D0%BE%D0%BA%D0%B8"],
      // Scheme-like text after the slash is a path on this site, not a scheme.
      ["/javascript:alert(1)", "/javascript:alert(1)"],
      ["/\u2215evil.example", "/%E2%88%95evil.example"],
      ["/\uff0fevil.example", "/%EF%BC%8Fevil.example"],
    ];
    for (const [next, expected] of good) {
      expect(safeNextPath(next), next).toBe(expected);
      expect(destination(safeNextPath(next)).origin).toBe(APP);
    }
  });

  it("refuses every path in the hostile corpus", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(25);
    for (const next of HOSTILE) {
      const result = safeNextPath(next, "/fallback");
      expect(result, JSON.stringify(next)).toBe("/fallback");
    }
  });

  it("never answers a path that leaves the site or changes when read again", () => {
    for (const next of [...HOSTILE, undefined, null, "", "/", "/a/..//b", "/%2e%2e/%2e%2e//b"]) {
      const result = safeNextPath(next);
      expect(result.startsWith("//") || result.startsWith("/\\"), JSON.stringify(next)).toBe(false);
      expect(destination(result).origin).toBe(APP);
      expect(safeNextPath(result)).toBe(result);
    }
  });

  it("uses the given fallback", () => {
    expect(safeNextPath("//evil.example", "/")).toBe("/");
    expect(safeNextPath(undefined, "/")).toBe("/");
  });
});
