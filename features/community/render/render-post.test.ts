import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { classifyPostUrl } from "./post-urls";
import { MAX_POST_CHARS, PostTooLongError, renderPost, type PostCardKind, type RenderPostContext } from "./render-post";
import { sanitizePostHtml } from "./sanitize-post-html";
import { XSS_CORPUS } from "./xss-corpus";

const APP = "https://skhodynky.test";
const REL = "nofollow noopener ugc";

const ctx: RenderPostContext = {
  appOrigin: APP,
  resolveCard: (kind: PostCardKind, id: string) =>
    id === "diia-basics" ? { title: kind === "lesson" ? "Diia basics" : "Diia step by step", href: `/${kind}s/${id}` } : null,
  resolveMention: (handle: string) =>
    handle === "olena" ? { name: "Olena Petrenko", href: "/people/olena" } : handle === "ivan.k" ? { name: "Ivan K" } : null,
  resolveQuote: (postId: string) => (postId === "p1" ? { author: "Olena Petrenko", href: "/community/t/7#p1" } : null),
};

const html = (markdown: string, context: RenderPostContext = ctx) => renderPost(markdown, context).html;

type Element = { name: string; attribs: Record<string, string> };

/** Parses the output as a browser would tokenise it: the elements with their attributes, and the text. */
function inspect(output: string): { elements: Element[]; text: string } {
  const elements: Element[] = [];
  let text = "";
  const parser = new Parser(
    {
      onopentag: (name, attribs) => elements.push({ name, attribs }),
      ontext: (chunk) => {
        text += chunk;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(output);
  parser.end();
  return { elements, text };
}

const SAFE_TAGS = new Set([
  "p",
  "br",
  "hr",
  "h3",
  "h4",
  "h5",
  "strong",
  "em",
  "s",
  "code",
  "pre",
  "blockquote",
  "cite",
  "ul",
  "ol",
  "li",
  "a",
  "img",
  "span",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
]);

/** Drops what browsers ignore inside a URL (whitespace, controls, invisible formatting). */
function withoutIgnoredCharacters(url: string): string {
  return [...url]
    .filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      return c > 0x20 && !(c >= 0x7f && c <= 0xa0) && !(c >= 0x200b && c <= 0x200f) && !(c >= 0x2028 && c <= 0x202e) && c !== 0xfeff;
    })
    .join("");
}

/** Everything in the output that could run script; empty when the HTML is safe. */
function unsafeParts(output: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(output)) problems.push("<script in the markup");
  for (const { name, attribs } of inspect(output).elements) {
    if (!SAFE_TAGS.has(name)) problems.push(`element <${name}>`);
    for (const [attribute, value] of Object.entries(attribs)) {
      if (/^on/i.test(attribute)) problems.push(`handler ${attribute} on <${name}>`);
      if (attribute === "style" || attribute === "srcdoc" || attribute === "formaction") problems.push(`${attribute} on <${name}>`);
      if (attribute === "href" || attribute === "src") {
        const url = withoutIgnoredCharacters(value);
        if (/^(javascript|vbscript|data|file):/i.test(url)) problems.push(`${attribute}=${value}`);
        if (!/^(https?:|mailto:|\/(?![/\\]))/i.test(url)) problems.push(`unexpected ${attribute}=${value}`);
      }
    }
  }
  return problems;
}

describe("the safety check used on the corpus", () => {
  it("spots script, handlers, styles, unknown elements and dangerous URLs", () => {
    expect(unsafeParts('<p>safe <a href="/x">x</a></p>')).toEqual([]);
    expect(unsafeParts("<script>alert(1)</script>")).not.toEqual([]);
    expect(unsafeParts("<img src=/a.png onerror=alert(1)>")).not.toEqual([]);
    expect(unsafeParts("<svg></svg>")).not.toEqual([]);
    expect(unsafeParts('<a href="JaVa&#x09;script:alert(1)">x</a>')).not.toEqual([]);
    expect(unsafeParts('<a href=" data:text/html,x">x</a>')).not.toEqual([]);
    expect(unsafeParts('<a href="//evil.example">x</a>')).not.toEqual([]);
    expect(unsafeParts('<p style="x">x</p>')).not.toEqual([]);
  });
});

describe("Markdown", () => {
  it("renders emphasis, strikethrough, lists, code, blockquotes, rules and tables", () => {
    expect(html("*a* **b** ~~c~~ `d`")).toBe("<p><em>a</em> <strong>b</strong> <s>c</s> <code>d</code></p>\n");
    expect(html("- one\n- two")).toBe("<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
    expect(html("3. three\n4. four")).toBe('<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n');
    expect(html("> said")).toBe("<blockquote>\n<p>said</p>\n</blockquote>\n");
    expect(html("a\n\n---\n\nb")).toBe("<p>a</p>\n<hr />\n<p>b</p>\n");
    expect(html("| a | b |\n|--:|:-:|\n| 1 | 2 |")).toBe(
      "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n",
    );
  });

  it("shows raw HTML as text", () => {
    expect(html("<b>bold</b> <div>x</div>")).toBe("<p>&lt;b&gt;bold&lt;/b&gt; &lt;div&gt;x&lt;/div&gt;</p>\n");
  });

  it("keeps code blocks without a language class", () => {
    expect(html('```js" onclick="x\nconst a = 1 < 2;\n```')).toBe("<pre><code>const a = 1 &lt; 2;\n</code></pre>\n");
  });

  it("turns a single newline into a line break", () => {
    expect(html("line one\nline two")).toBe("<p>line one<br />\nline two</p>\n");
  });

  it("shifts headings down to h3–h5 so a post never competes with the page's headings", () => {
    expect(html("# One\n## Two\n### Three\n#### Four\n###### Six")).toBe("<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h5>Four</h5>\n<h5>Six</h5>\n");
    expect(html("Title\n=====\n\nSub\n---")).toBe("<h3>Title</h3>\n<h4>Sub</h4>\n");
  });

  it("does not use typographic replacements", () => {
    expect(html('"quotes" -- (c)')).toBe('<p>"quotes" -- (c)</p>\n');
  });
});

describe("links", () => {
  it("marks links to other sites nofollow, noopener, ugc, in the same tab, and counts them", () => {
    const post = renderPost("[a](https://diia.gov.ua) [b](http://example.org/x?y=1) [c](mailto:help@example.org) https://helsi.me", ctx);
    expect(post.html).toBe(
      `<p><a href="https://diia.gov.ua" rel="${REL}">a</a> <a href="http://example.org/x?y=1" rel="${REL}">b</a> ` +
        `<a href="mailto:help@example.org" rel="${REL}">c</a> <a href="https://helsi.me" rel="${REL}">https://helsi.me</a></p>\n`,
    );
    expect(post.html).not.toContain("target");
    expect(post.links).toBe(4);
  });

  it("links within the app carry no rel and do not count", () => {
    const post = renderPost(`[lesson](/lessons/diia-basics) [abs](${APP}/today)`, ctx);
    expect(post.html).toBe(`<p><a href="/lessons/diia-basics">lesson</a> <a href="${APP}/today">abs</a></p>\n`);
    expect(post.links).toBe(0);
  });

  it("treats the app's absolute URLs as external when no appOrigin is given", () => {
    const post = renderPost(`[abs](${APP}/today)`, { ...ctx, appOrigin: undefined });
    expect(post.html).toContain(`rel="${REL}"`);
    expect(post.links).toBe(1);
  });

  it.each([
    ["javascript:", "[x](javascript:alert(1))"],
    ["data:", "[x](data:text/html,hi)"],
    ["vbscript:", "[x](vbscript:msgbox(1))"],
    ["file:", "[x](file:///etc/passwd)"],
    ["protocol-relative", "[x](//evil.example/a)"],
    ["ftp:", "[x](ftp://example.org/a)"],
    ["relative without a slash", "[x](lessons/a)"],
    ["fragment", "[x](#top)"],
  ])("leaves a %s link as plain text", (_kind, markdown) => {
    const post = renderPost(markdown, ctx);
    expect(post.html).toBe(`<p>${markdown.replaceAll("&", "&amp;")}</p>\n`);
    expect(post.links).toBe(0);
  });

  it("does not link bare domains, so file names and abbreviations stay text", () => {
    expect(html("see readme.md and www.example.org")).toBe("<p>see readme.md and www.example.org</p>\n");
  });
});

describe("images", () => {
  it("keeps images of this app, lazy and with their alt text", () => {
    expect(html('![Diia screen](/uploads/diia.png "Home")')).toBe('<p><img src="/uploads/diia.png" alt="Diia screen" title="Home" loading="lazy" /></p>\n');
    expect(html(`![x](${APP}/uploads/a.png)`)).toBe(`<p><img src="${APP}/uploads/a.png" alt="x" loading="lazy" /></p>\n`);
  });

  it("turns other images into link-less text with their alt", () => {
    const post = renderPost(
      "![a *screen*](https://evil.example/a.png) ![](http://x.example/p.gif) [![logo](https://cdn.example/l.png)](https://example.org)",
      ctx,
    );
    expect(post.html).toBe(`<p>[image: a screen] [image] <a href="https://example.org" rel="${REL}">[image: logo]</a></p>\n`);
    expect(inspect(post.html).elements.some((e) => e.name === "img")).toBe(false);
  });

  it("uses the reader's word for image", () => {
    expect(html("![знімок](https://evil.example/a.png)", { ...ctx, labels: { image: "зображення" } })).toBe("<p>[зображення: знімок]</p>\n");
  });

  it("does not take a look-alike of the app's origin for the app", () => {
    expect(html(`![x](${APP}.evil.example/a.png) ![y](https://skhodynky.test@evil.example/a.png)`)).toBe("<p>[image: x] [image: y]</p>\n");
  });
});

describe("lesson and guide cards", () => {
  it("renders known cards with their title and lists each once", () => {
    const post = renderPost("Try [[lesson:diia-basics]], then [[guide:diia-basics]] and [[lesson:diia-basics]] again.", ctx);
    expect(post.html).toBe(
      '<p>Try <a class="content-card" href="/lessons/diia-basics">Diia basics</a>, then <a class="content-card" href="/guides/diia-basics">Diia step by step</a> ' +
        'and <a class="content-card" href="/lessons/diia-basics">Diia basics</a> again.</p>\n',
    );
    expect(post.cards).toEqual([
      { kind: "lesson", id: "diia-basics" },
      { kind: "guide", id: "diia-basics" },
    ]);
    expect(post.links).toBe(0);
  });

  it("leaves unknown ids, bad ids, code, links and escaped brackets as written", () => {
    const post = renderPost(
      "[[lesson:nope]] [[lesson:Diia]] [[lesson:a_b]] [[lesson:-a]] [[video:diia-basics]] `[[lesson:diia-basics]]` \\[\\[lesson:diia-basics\\]\\]",
      ctx,
    );
    expect(post.html).toBe(
      "<p>[[lesson:nope]] [[lesson:Diia]] [[lesson:a_b]] [[lesson:-a]] [[video:diia-basics]] <code>[[lesson:diia-basics]]</code> [[lesson:diia-basics]]</p>\n",
    );
    expect(post.cards).toEqual([]);
  });

  it("escapes titles and refuses hrefs that leave the app", () => {
    const hostile: RenderPostContext = {
      ...ctx,
      resolveCard: (_kind, id) => (id === "a" ? { title: "<script>alert(1)</script>", href: "/lessons/a" } : { title: "x", href: "javascript:alert(1)" }),
    };
    const post = renderPost("[[lesson:a]] [[lesson:b]]", hostile);
    expect(post.html).toBe('<p><a class="content-card" href="/lessons/a">&lt;script&gt;alert(1)&lt;/script&gt;</a> [[lesson:b]]</p>\n');
    expect(post.cards).toEqual([{ kind: "lesson", id: "a" }]);
  });
});

describe("mentions", () => {
  it("renders known people as a link or a span and returns their handles once", () => {
    const post = renderPost("@olena, could you and @Ivan.K. look? Thanks @olena", ctx);
    expect(post.html).toBe(
      '<p><a class="mention" href="/people/olena">@Olena Petrenko</a>, could you and <span class="mention">@Ivan K</span>. look? ' +
        'Thanks <a class="mention" href="/people/olena">@Olena Petrenko</a></p>\n',
    );
    expect(post.mentions).toEqual(["olena", "ivan.k"]);
  });

  it("leaves unknown handles, code, links, e-mail addresses and escapes alone", () => {
    const post = renderPost("@nobody `@olena` [@olena](https://example.org) olena@example.org me@olena \\@olena @o (@olena)", ctx);
    expect(post.html).toBe(
      `<p>@nobody <code>@olena</code> <a href="https://example.org" rel="${REL}">@olena</a> ` +
        `<a href="mailto:olena@example.org" rel="${REL}">olena@example.org</a> me@olena @olena @o ` +
        '(<a class="mention" href="/people/olena">@Olena Petrenko</a>)</p>\n',
    );
    expect(post.mentions).toEqual(["olena"]);
  });

  it("does not cut a handle longer than 40 characters", () => {
    const long = `a${"b".repeat(40)}`;
    const post = renderPost(`@${long}`, { ...ctx, resolveMention: () => ({ name: "Anyone" }) });
    expect(post.html).toBe(`<p>@${long}</p>\n`);
    expect(post.mentions).toEqual([]);
  });

  it("mentions inside headings, lists and tables", () => {
    expect(renderPost("# @olena\n- @olena\n\n| @olena |\n|---|\n| x |", ctx).mentions).toEqual(["olena"]);
  });

  it("escapes names and keeps profile links inside the app", () => {
    const hostile: RenderPostContext = { ...ctx, resolveMention: () => ({ name: '<img src=x onerror="alert(1)">', href: "https://evil.example" }) };
    expect(html("@olena", hostile)).toBe('<p><span class="mention">@&lt;img src=x onerror="alert(1)"&gt;</span></p>\n');
  });
});

describe("quotes", () => {
  it("attributes a blockquote that opens with [quote:<postId>]", () => {
    const post = renderPost("> [quote:p1]\n> Call 1545 first.\n\nAgreed.", ctx);
    expect(post.html).toBe(
      '<blockquote class="quote">\n<p class="quote-source">Quoted from <cite><a href="/community/t/7#p1">Olena Petrenko</a></cite></p>\n' +
        "<p>Call 1545 first.</p>\n</blockquote>\n<p>Agreed.</p>\n",
    );
    expect(post.quotes).toEqual(["p1"]);
  });

  it("uses the reader's words", () => {
    expect(html("> [quote:p1]\n> Так", { ...ctx, labels: { quotedFrom: "Цитата з допису" } })).toContain('<p class="quote-source">Цитата з допису <cite>');
  });

  it("keeps unknown markers, markers without a resolver and ordinary blockquotes as written", () => {
    expect(html("> [quote:p2]\n> text")).toBe("<blockquote>\n<p>[quote:p2]<br />\ntext</p>\n</blockquote>\n");
    expect(html("> [quote:p1]\n> text", { ...ctx, resolveQuote: undefined })).toBe("<blockquote>\n<p>[quote:p1]<br />\ntext</p>\n</blockquote>\n");
    expect(html("> [quote:p1] on one line")).toBe("<blockquote>\n<p>[quote:p1] on one line</p>\n</blockquote>\n");
    expect(renderPost("> plain", ctx)).toMatchObject({ html: "<blockquote>\n<p>plain</p>\n</blockquote>\n", quotes: [] });
  });

  it("attributes a marker with nothing after it", () => {
    expect(html("> [quote:p1]")).toBe(
      '<blockquote class="quote">\n<p class="quote-source">Quoted from <cite><a href="/community/t/7#p1">Olena Petrenko</a></cite></p>\n</blockquote>\n',
    );
  });
});

describe("length", () => {
  it("accepts MAX_POST_CHARS characters and refuses one more with a typed error", () => {
    expect(MAX_POST_CHARS).toBe(20_000);
    expect(() => renderPost("a".repeat(MAX_POST_CHARS), ctx)).not.toThrow();
    let error: unknown;
    try {
      renderPost("a".repeat(MAX_POST_CHARS + 1), ctx);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PostTooLongError);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400, message: "errors.postTooLong", length: MAX_POST_CHARS + 1 });
  });

  it("renders an empty post as nothing", () => {
    expect(renderPost("", ctx)).toEqual({ html: "", mentions: [], cards: [], quotes: [], links: 0 });
  });
});

describe("the URL rule", () => {
  it.each([
    ["/lessons/a", "app"],
    [`${APP}/x`, "app"],
    ["https://example.org", "external"],
    ["HTTP://EXAMPLE.ORG", "external"],
    ["mailto:a@example.org", "external"],
    [`${APP}:8443/x`, "external"],
    ["//example.org", null],
    ["/\\example.org", null],
    ["javascript:alert(1)", null],
    [" https://example.org", null],
    ["java\tscript:alert(1)", null],
    ["https://exa\u200bmple.org", null],
    ["data:image/png;base64,AAAA", null],
    ["lessons/a", null],
    ["#top", null],
    ["https://", null],
    ["", null],
  ])("classifies %j as %s", (url, kind) => {
    expect(classifyPostUrl(url, APP)).toBe(kind);
  });
});

describe("the sanitizer on its own (defence in depth)", () => {
  it("removes handlers, styles, foreign classes and dangerous URLs, and shows unknown tags as text", () => {
    expect(sanitizePostHtml('<p onclick="x" style="color:red" class="evil">a</p>')).toBe("<p>a</p>");
    expect(sanitizePostHtml('<a href="javascript:alert(1)" class="content-card evil" target="_blank">a</a>')).toBe('<a class="content-card">a</a>');
    expect(sanitizePostHtml('<a href="//evil.example">a</a><a href="/x" rel="opener">b</a>')).toBe('<a>a</a><a href="/x">b</a>');
    expect(sanitizePostHtml('<a href="https://example.org">a</a>')).toBe(`<a href="https://example.org" rel="${REL}">a</a>`);
    expect(sanitizePostHtml("<script>alert(1)</script><iframe src=x></iframe>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;&lt;iframe&gt;&lt;/iframe&gt;");
  });

  it("keeps only this app's images, always lazy", () => {
    expect(
      sanitizePostHtml('<img src="/uploads/a.png" alt="a"><img src="https://evil.example/a.png"><img src="data:image/png;base64,AA" onerror="x">', APP),
    ).toBe('<img src="/uploads/a.png" alt="a" loading="lazy" />');
    expect(sanitizePostHtml(`<img src="${APP}/a.png">`, APP)).toBe(`<img src="${APP}/a.png" alt="" loading="lazy" />`);
  });
});

describe("XSS corpus", () => {
  it("holds at least 60 payloads with unique names", () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(XSS_CORPUS.map((p) => p.name)).size).toBe(XSS_CORPUS.length);
  });

  it.each(XSS_CORPUS.map((p) => [p.name, p] as const))("%s: no script, handler or dangerous URL, text still shown", (_name, payload) => {
    const output = html(payload.markdown);
    expect(unsafeParts(output)).toEqual([]);
    const { text } = inspect(output);
    for (const fragment of payload.visible) expect(text).toContain(fragment);
  });

  it("keeps attribute breakouts inside the attribute", () => {
    const alt = inspect(html('![x" onerror="alert(1)](/uploads/a.png)')).elements.find((e) => e.name === "img");
    expect(alt?.attribs).toEqual({ src: "/uploads/a.png", alt: 'x" onerror="alert(1)', loading: "lazy" });
    const link = inspect(html('[x](http://a.example "\\" onmouseover=\\"alert(1)")')).elements.find((e) => e.name === "a");
    expect(link?.attribs).toEqual({ href: "http://a.example", title: '" onmouseover="alert(1)', rel: REL });
  });
});
