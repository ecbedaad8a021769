// Content first, then the framework's scripts (decision 038). Next puts the build's scripts in the
// page as `<script src async>`: each is fetched at once and runs the moment it arrives. Over a slow
// link they share the bandwidth with the stylesheet the first paint waits for; over a fast one they
// arrive with it and run before the first frame, and Lighthouse's 3G simulation, which replays that
// order, then puts 110 KB of framework code on the path of the page's text. Here, in the production
// server, each such tag becomes an inert deferred tag, and one small script at the top of <head> adds
// the real scripts once the document is parsed and its first frame painted: the text needs only the
// HTML and the stylesheet, and hydration follows. A page whose policy gives no nonce, and every
// other response, pass unchanged.

/** A script type no browser runs or fetches: a deferred script's. */
const DEFERRED_TYPE = "skhodynky/after-paint";
/** `<script …src="/_next/static/…" … async …></script>` as Next writes them (attributes in any order). */
const SCRIPT_TAG = /<script\b([^>]*)><\/script>/g;
/** `<link rel="preload" as="script" href="/_next/static/…"/>`: Next preloads its runtime this way. */
const LINK_TAG = /<link\b([^>]*?)\/?>/g;
const ATTRIBUTE = /([\w-]+)(?:="([^"]*)")?/g;

function attributesOf(text) {
  const attributes = new Map();
  for (const [, name, value] of text.matchAll(ATTRIBUTE)) attributes.set(name.toLowerCase(), value ?? "");
  return attributes;
}

const escapeAttribute = (value) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * One tag rewritten: an async build script becomes an inert deferred tag the loader turns back into the
 * script after the first paint; anything else (inline scripts, `noModule` polyfills, other
 * addresses) stays.
 */
export function deferScriptTag(tag, inner) {
  const attributes = attributesOf(inner);
  const src = attributes.get("src");
  if (!src || !src.startsWith("/_next/static/") || !attributes.has("async") || attributes.has("nomodule") || attributes.has("type")) return tag;
  const id = attributes.get("id") ?? "";
  const nonce = attributes.get("nonce");
  return (
    `<script type="${DEFERRED_TYPE}" data-src="${escapeAttribute(src)}" data-id="${escapeAttribute(id)}"` +
    `${nonce === undefined ? "" : ` nonce="${escapeAttribute(nonce)}"`}></script>`
  );
}

/** How long the loader waits for a first paint it is not told of (a browser without paint timing). */
const NO_PAINT_FALLBACK_MS = 3000;

/** A preload of a build script goes: the script itself is fetched after the first paint. */
export function dropScriptPreload(tag, inner) {
  const attributes = attributesOf(inner);
  const isScriptPreload = attributes.get("rel") === "preload" && attributes.get("as") === "script";
  return isScriptPreload && (attributes.get("href") ?? "").startsWith("/_next/static/") ? "" : tag;
}

/**
 * The loader, first in <head>. It adds each deferred script, in document order with the page's nonce
 * (the policy's 'strict-dynamic' trusts what a nonced script adds), once the browser reports the
 * page's first contentful paint — reported when the frame is on screen, so the text never waits for
 * a script. A browser without paint timing, or a page that paints no text, gets them at the first
 * animation frame after the document is parsed, or after three seconds at most. Two documents paint
 * nothing until their scripts run, so they get them as soon as they are parsed: a tab opened in the
 * background, and Next's error shell (`<html id="__next_error__">`, which a 403 or 404 thrown while
 * the page streams is sent as, its content drawn by the scripts).
 */
export function loaderScript(nonce) {
  const body =
    `(function(d,w){var n=${JSON.stringify(nonce)},k=0;` +
    `function g(){if(k++)return;var l=d.querySelectorAll('script[type="${DEFERRED_TYPE}"]');` +
    "for(var i=0;i<l.length;i++){var e=d.createElement('script');e.src=l[i].getAttribute('data-src');e.async=true;e.nonce=n;" +
    "var id=l[i].getAttribute('data-id');if(id)e.id=id;d.head.appendChild(e)}}" +
    "var P=w.PerformanceObserver,t=P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf('paint')>=0;" +
    "if(t){try{new P(function(x,o){var a=x.getEntries();for(var j=0;j<a.length;j++)if(a[j].name==='first-contentful-paint'){o.disconnect();g()}})" +
    ".observe({type:'paint',buffered:true})}catch(_){t=false}}" +
    "function f(){if(d.visibilityState==='hidden'||d.documentElement.id==='__next_error__')g();else{w.setTimeout(g," +
    NO_PAINT_FALLBACK_MS +
    ");if(!t&&w.requestAnimationFrame)w.requestAnimationFrame(function(){w.setTimeout(g,0)})}}" +
    "if(d.readyState==='loading')d.addEventListener('DOMContentLoaded',f);else f()})(document,window)";
  return `<script nonce="${escapeAttribute(nonce)}">${body}</script>`;
}

/** The page's nonce, from the Content-Security-Policy the proxy set (`'nonce-…'` in script-src). */
export function nonceFromPolicy(policy) {
  const text = Array.isArray(policy) ? policy.join(";") : String(policy ?? "");
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(text)?.[1] ?? null;
}

/**
 * A streaming rewriter for one HTML document: text in, text out. A tag cut between two chunks waits
 * for the rest; the loader goes right after `<head>`.
 */
export function createPageRewriter(nonce) {
  let carry = "";
  let loaderPlaced = false;
  const rewrite = (text) => {
    let out = text.replace(SCRIPT_TAG, deferScriptTag).replace(LINK_TAG, dropScriptPreload);
    if (!loaderPlaced) {
      const head = out.indexOf("<head>");
      if (head !== -1) {
        out = out.slice(0, head + 6) + loaderScript(nonce) + out.slice(head + 6);
        loaderPlaced = true;
      }
    }
    return out;
  };
  return {
    /** The part of `chunk` (with what was held back) that is safe to send now. */
    push(chunk) {
      const text = carry + chunk;
      let cut = text.length;
      const lastOpen = text.lastIndexOf("<");
      if (lastOpen !== -1 && text.indexOf(">", lastOpen) === -1) cut = lastOpen;
      const lastScript = text.lastIndexOf("<script");
      if (lastScript !== -1 && lastScript < cut && text.indexOf("</script>", lastScript) === -1) cut = lastScript;
      carry = text.slice(cut);
      return rewrite(text.slice(0, cut));
    },
    /** Whatever is still held back, at the end of the document. */
    end() {
      const rest = carry;
      carry = "";
      return rewrite(rest);
    },
  };
}

/** A header's value from `writeHead`'s headers (an object or a flat array), else as set so far. */
function headerOf(res, name, given) {
  if (Array.isArray(given)) {
    for (let i = 0; i + 1 < given.length; i += 2) if (String(given[i]).toLowerCase() === name) return given[i + 1];
  } else if (given && typeof given === "object") {
    for (const [key, value] of Object.entries(given)) if (key.toLowerCase() === name) return value;
  }
  return res.getHeader(name);
}

/**
 * Wraps a response so an HTML page's build scripts run after its first paint (see above). Call it
 * before anything is written. Whether to rewrite is decided once the headers are known (at
 * `writeHead`, which Node also calls for a first write without one); a rewritten page loses its
 * Content-Length, since its length changes.
 *
 * A page to rewrite is held until Next ends it and then written once (decision 041): Next sends a
 * page in many small pieces and asks the compressor to flush after each, which cost a compressed
 * block and a socket write apiece — about a tenth of a page's CPU time under load — for no gain,
 * since our pages stream nothing late (no Suspense fallbacks) and render in tens of milliseconds.
 */
export function deferScriptsInHtml(res) {
  const writeHead = res.writeHead.bind(res);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const flush = typeof res.flush === "function" ? res.flush.bind(res) : undefined;
  /** The page's nonce once it is known to be a page to rewrite; null for anything else. */
  let nonce;
  const held = [];
  const decoder = new TextDecoder("utf-8");
  const decide = (given) => {
    if (nonce !== undefined) return;
    const type = String(headerOf(res, "content-type", given) ?? "");
    nonce = type.startsWith("text/html") ? nonceFromPolicy(headerOf(res, "content-security-policy", given)) : null;
  };
  res.writeHead = (status, ...rest) => {
    const given = rest.find((arg) => arg && typeof arg === "object");
    decide(given);
    if (nonce) {
      if (!res.headersSent) res.removeHeader("content-length");
      if (Array.isArray(given)) {
        for (let i = given.length - 2; i >= 0; i -= 2) if (String(given[i]).toLowerCase() === "content-length") given.splice(i, 2);
      } else if (given) {
        for (const key of Object.keys(given)) if (key.toLowerCase() === "content-length") delete given[key];
      }
    }
    return writeHead(status, ...rest);
  };
  const textOf = (chunk, encoding) => decoder.decode(typeof chunk === "string" ? Buffer.from(chunk, encoding ?? "utf8") : chunk, { stream: true });
  if (flush) res.flush = () => (nonce ? undefined : flush());
  res.write = (chunk, encoding, callback) => {
    decide();
    if (!nonce || chunk === undefined || chunk === null) return write(chunk, encoding, callback);
    held.push(textOf(chunk, typeof encoding === "string" ? encoding : undefined));
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  };
  res.end = (chunk, encoding, callback) => {
    decide();
    if (!nonce) return end(chunk, encoding, callback);
    const hasChunk = chunk !== undefined && chunk !== null && typeof chunk !== "function";
    if (hasChunk) held.push(textOf(chunk, typeof encoding === "string" ? encoding : undefined));
    held.push(decoder.decode());
    const rewriter = createPageRewriter(nonce);
    const text = rewriter.push(held.join("")) + rewriter.end();
    held.length = 0;
    const done = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : callback;
    return end(text, "utf8", done);
  };
  return res;
}
