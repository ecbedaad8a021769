/**
 * The page the service worker answers with when a page cannot be reached and nothing of it is kept
 * on the device: why, and what can be opened without a connection. Plain HTML with no script (its
 * own strict policy), written by the service worker from what the device keeps; every text from the
 * person's storage is escaped.
 */
export type OfflinePageMessages = {
  title: string;
  needsConnection: string;
  notSaved: string;
  signedOut: string;
  available: string;
  saved: string;
  opened: string;
  nothingKept: string;
  retry: string;
  outbox: string;
};

type Link = { title: string; href: string };

export type OfflinePageFacts = {
  signedIn: boolean;
  /** A learner's reading page that was not kept (rather than a page that needs the server). */
  readingPage: boolean;
  retryHref: string;
  saved: Link[];
  opened: Link[];
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Only the app's own pages are linked: a stored address that is not one becomes no link. */
const safeHref = (href: string) => (/^\/(?!\/)[\w\-./?=&%]*$/.test(href) ? href : null);

function list(items: Link[]): string {
  const rows = items
    .map((i) => ({ title: i.title, href: safeHref(i.href) }))
    .filter((i): i is Link => i.href !== null)
    .map((i) => `<li><a href="${escape(i.href)}">${escape(i.title)}</a></li>`);
  return `<ul>${rows.join("")}</ul>`;
}

export function offlinePageHtml(m: OfflinePageMessages, locale: "uk" | "en", facts: OfflinePageFacts): string {
  const reason = !facts.signedIn ? m.signedOut : facts.readingPage ? m.notSaved : m.needsConnection;
  const sections: string[] = [];
  if (facts.signedIn) {
    sections.push(`<h2>${escape(m.available)}</h2>`);
    if (facts.saved.length === 0 && facts.opened.length === 0) sections.push(`<p>${escape(m.nothingKept)}</p>`);
    if (facts.saved.length) sections.push(`<h3>${escape(m.saved)}</h3>${list(facts.saved)}`);
    if (facts.opened.length) sections.push(`<h3>${escape(m.opened)}</h3>${list(facts.opened.slice(0, 30))}`);
    sections.push(`<p><a href="/outbox">${escape(m.outbox)}</a></p>`);
  }
  const retry = safeHref(facts.retryHref) ?? "/";
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(m.title)}</title>
<style>
body{font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;margin:0;background:#fff}
header{border-bottom:4px solid #0b5d3b;padding:.75rem 1rem;font-weight:700;font-size:1.25rem;color:#064e33}
main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 .75rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
a{color:#064e33;text-decoration:underline;text-underline-offset:2px}a:focus-visible{outline:3px solid #b45309;outline-offset:2px}
ul{padding-left:1.25rem}li{margin:.35rem 0}
.btn{display:inline-block;background:#0b5d3b;color:#fff;padding:.6rem 1rem;border-radius:.375rem;text-decoration:none;font-weight:600;min-height:2.75rem;box-sizing:border-box}
</style>
</head>
<body>
<header>${locale === "en" ? "Skhodynky" : "Сходинки"}</header>
<main id="main">
<h1>${escape(m.title)}</h1>
<p>${escape(reason)}</p>
<p><a class="btn" href="${escape(retry)}">${escape(m.retry)}</a></p>
${sections.join("\n")}
</main>
</body>
</html>`;
}
