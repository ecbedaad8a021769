import { describe, expect, it } from "vitest";
import { isOfflinePage, openedNotSaved, pageAssets, pageCacheKey, pageOwner, pageTitle } from "./offline-pages";
import { offlinePageHtml, type OfflinePageMessages } from "./sw/offline-page";
import { storableResponse } from "./stored-response";

const ORIGIN = "https://skhodynky.example";

describe("which pages open offline", () => {
  it("keeps a learner's reading and practising pages", () => {
    for (const path of [
      "/",
      "/today",
      "/lessons",
      "/lessons/strong-passwords",
      "/walkthroughs/diia-sign-in",
      "/walkthroughs/diia-sign-in/print",
      "/walkthroughs/diia-sign-in/screens",
      "/review",
      "/community/t/ck123",
      "/methodology/abc",
      "/saved",
      "/outbox",
      "/competences/assess",
    ]) {
      expect(isOfflinePage(path), path).toBe(true);
    }
  });

  it("does not keep pages that need the server: reports, curator, admin, authoring, settings", () => {
    for (const path of [
      "/reports",
      "/reports/activity",
      "/curator",
      "/curator/mentees/x",
      "/admin/users",
      "/authoring/abc",
      "/profile",
      "/notifications",
      "/lessons/a/b",
      "/community/t/x/history/y",
      "/api/v1/health",
    ]) {
      expect(isOfflinePage(path), path).toBe(false);
    }
  });
});

describe("the address a page is kept under", () => {
  it("is one copy for every step of a player, and ignores the order of other parameters", () => {
    expect(pageCacheKey("/lessons/a?step=3", ORIGIN)).toBe(`${ORIGIN}/lessons/a`);
    expect(pageCacheKey("/lessons/a", ORIGIN)).toBe(`${ORIGIN}/lessons/a`);
    expect(pageCacheKey("/community/t/x?page=2&b=1#reply", ORIGIN)).toBe(`${ORIGIN}/community/t/x?b=1&page=2`);
    expect(pageCacheKey(`${ORIGIN}/community/t/x?b=1&page=2`, ORIGIN)).toBe(pageCacheKey("/community/t/x?page=2&b=1", ORIGIN));
    expect(pageCacheKey("/community/t/x?page=3", ORIGIN)).not.toBe(pageCacheKey("/community/t/x?page=2", ORIGIN));
  });
});

describe("reading a rendered page", () => {
  const page = (header: string) =>
    `<!DOCTYPE html><html lang="uk"><head><title>Урок &amp; «паролі» — Сходинки</title></head><body>${header}<main></main></body></html>`;

  it("finds whose page it is from the app's header", () => {
    expect(pageOwner(page('<header class="x" data-app-header="" data-user-id="cku1">'))).toBe("cku1");
    expect(pageOwner(page('<header class="x" data-app-header="">'))).toBeNull();
    expect(pageOwner(page("<header>not the app</header>"))).toBeUndefined();
    expect(pageOwner("<p>fragment</p>")).toBeUndefined();
    // An id in the body (a post quoting markup) is not the header's.
    expect(pageOwner(page('<header data-app-header=""></header><p data-user-id="other">'))).toBeNull();
  });

  it("reads the title unescaped", () => {
    expect(pageTitle(page(""))).toBe("Урок & «паролі»");
    expect(pageTitle("<title>Today — Skhodynky</title>")).toBe("Today");
    expect(pageTitle("<title>Сходинки</title>")).toBe("Сходинки");
    expect(pageTitle("<p>no title</p>")).toBe("");
  });

  it("lists the build's files the page runs with, from its tags and from the RSC payload", () => {
    const html = `<link rel="stylesheet" href="/_next/static/css/9363aa.css"/><script src="/_next/static/chunks/main-app-d3.js" async=""></script>
      <script>self.__next_f.push([1,"18:\\"static/chunks/app/lessons/%5Bid%5D/page-b5.js\\"\\n1c:\\"static/chunks/app/layout-1a.js\\""])</script>
      <img src="/walkthrough-media/a/b.svg">`;
    expect(pageAssets(html)).toEqual([
      "/_next/static/chunks/app/layout-1a.js",
      "/_next/static/chunks/app/lessons/%5Bid%5D/page-b5.js",
      "/_next/static/chunks/main-app-d3.js",
      "/_next/static/css/9363aa.css",
    ]);
  });
});

describe("what the device lists", () => {
  it("lists opened pages that are not part of something saved, and not pictures", () => {
    const opened = [
      { key: `${ORIGIN}/lessons/a`, title: "A" },
      { key: `${ORIGIN}/lessons/b`, title: "B" },
      { key: `${ORIGIN}/api/v1/files/x`, title: "" },
      { key: `${ORIGIN}/saved`, title: "На цьому пристрої" },
    ];
    expect(openedNotSaved(opened, [{ parts: [{ url: "/lessons/a" }] }], ORIGIN)).toEqual([{ key: `${ORIGIN}/lessons/b`, title: "B" }]);
  });
});

describe("a kept response", () => {
  it("drops the transfer headers of the original and says when it was kept", async () => {
    const original = new Response("x", {
      headers: { "content-type": "text/html", "content-encoding": "gzip", "content-length": "999", "content-security-policy": "script-src 'nonce-a'" },
    });
    const kept = storableResponse("<p>page</p>", original, new Date("2026-11-30T10:00:00Z"));
    expect(kept.headers.get("content-encoding")).toBeNull();
    expect(kept.headers.get("content-length")).toBeNull();
    expect(kept.headers.get("content-security-policy")).toBe("script-src 'nonce-a'");
    expect(kept.headers.get("x-skh-stored-at")).toBe("2026-11-30T10:00:00.000Z");
    expect(await kept.text()).toBe("<p>page</p>");
  });
});

describe("the page offline", () => {
  const m: OfflinePageMessages = {
    title: "Немає з'єднання",
    needsConnection: "NEEDS",
    notSaved: "NOT_SAVED",
    signedOut: "SIGNED_OUT",
    available: "AVAILABLE",
    saved: "SAVED",
    opened: "OPENED",
    nothingKept: "NOTHING",
    retry: "RETRY",
    outbox: "OUTBOX",
  };
  const facts = { signedIn: true, readingPage: false, retryHref: "/reports", saved: [], opened: [] };

  it("says why: a page that needs the server, a reading page not kept, nobody signed in", () => {
    expect(offlinePageHtml(m, "uk", facts)).toContain("<p>NEEDS</p>");
    expect(offlinePageHtml(m, "uk", { ...facts, readingPage: true })).toContain("<p>NOT_SAVED</p>");
    const signedOut = offlinePageHtml(m, "en", { ...facts, signedIn: false, saved: [{ title: "Secret", href: "/lessons/a" }] });
    expect(signedOut).toContain("<p>SIGNED_OUT</p>");
    expect(signedOut).not.toContain("Secret");
    expect(signedOut).toContain('<html lang="en">');
    expect(offlinePageHtml(m, "uk", facts)).toContain("NOTHING");
  });

  it("lists what is kept, escaping titles and linking only the app's own pages", () => {
    const html = offlinePageHtml(m, "uk", {
      ...facts,
      saved: [{ title: '<img src=x onerror="alert(1)">', href: "/lessons/a" }],
      opened: [
        { title: "Evil", href: "javascript:alert(1)" },
        { title: "Elsewhere", href: "//evil.example/x" },
        { title: "Тред", href: "/community/t/x?page=2" },
      ],
    });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("evil.example");
    expect(html).toContain('<a href="/community/t/x?page=2">Тред</a>');
    expect(html).toContain('<a class="btn" href="/reports">RETRY</a>');
  });
});
