/**
 * Known XSS payloads for forum posts. The unit test renders each and checks the HTML; the
 * end-to-end test posts them and checks in Chromium that no script runs. `visible` lists text
 * the reader must still see (escaped), so an unsafe post is shown, never silently emptied; it is
 * what the author wrote after Markdown's own decoding (entities, escapes) and with Markdown
 * syntax (link brackets) that was used.
 *
 * Sources: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet, and the
 * markdown-it, Discourse and GitLab security advisories on Markdown link and image tricks.
 */
export type XssPayload = {
  name: string;
  markdown: string;
  visible: string[];
};

export const XSS_CORPUS: XssPayload[] = [
  // <script> in its many spellings
  { name: "script tag", markdown: "<script>alert(1)</script>", visible: ["<script>alert(1)</script>"] },
  { name: "upper-case script with src", markdown: "<SCRIPT SRC=http://xss.example/x.js></SCRIPT>", visible: ["<SCRIPT SRC=http://xss.example/x.js></SCRIPT>"] },
  {
    name: "script with junk attribute",
    markdown: '<script/xss src="http://xss.example/x.js"></script>',
    visible: ['<script/xss src="http://xss.example/x.js"></script>'],
  },
  { name: "doubled angle bracket", markdown: "<<script>alert(1);//<</script>", visible: ["<<script>alert(1);//<</script>"] },
  { name: "script split by script", markdown: "<scr<script>ipt>alert(1)</scr</script>ipt>", visible: ["<scr<script>ipt>alert(1)</scr</script>ipt>"] },
  { name: "closing then opening script", markdown: "</script><script>alert(1)</script>", visible: ["</script><script>alert(1)</script>"] },
  { name: "unclosed script", markdown: "hello <script>alert(1)", visible: ["hello <script>alert(1)"] },
  { name: "script in a fenced code block", markdown: "```html\n<script>alert(1)</script>\n```", visible: ["<script>alert(1)</script>"] },
  { name: "script in inline code", markdown: "`<script>alert(1)</script>`", visible: ["<script>alert(1)</script>"] },
  { name: "script in a table cell", markdown: "| a |\n|---|\n| <script>alert(1)</script> |", visible: ["<script>alert(1)</script>"] },

  // Event handlers
  { name: "img onerror", markdown: "<img src=x onerror=alert(1)>", visible: ["<img src=x onerror=alert(1)>"] },
  { name: "svg onload", markdown: "<svg onload=alert(1)>", visible: ["<svg onload=alert(1)>"] },
  { name: "svg slash onload", markdown: "<svg/onload=alert(1)>", visible: ["<svg/onload=alert(1)>"] },
  { name: "body onload", markdown: "<body onload=alert(1)>", visible: ["<body onload=alert(1)>"] },
  { name: "div onmouseover", markdown: '<div onmouseover="alert(1)">hover</div>', visible: ['<div onmouseover="alert(1)">hover</div>'] },
  { name: "input autofocus onfocus", markdown: "<input autofocus onfocus=alert(1)>", visible: ["<input autofocus onfocus=alert(1)>"] },
  { name: "details ontoggle", markdown: "<details open ontoggle=alert(1)>", visible: ["<details open ontoggle=alert(1)>"] },
  { name: "video source onerror", markdown: '<video><source onerror="alert(1)"></video>', visible: ['<video><source onerror="alert(1)"></video>'] },
  { name: "anchor onclick", markdown: '<a href="#" onclick="alert(1)">click</a>', visible: ['<a href="#" onclick="alert(1)">click</a>'] },
  { name: "entity-encoded handler body", markdown: "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>", visible: ["<img src=x onerror=alert(1)>"] },

  // Dangerous schemes in Markdown links
  { name: "javascript: link", markdown: "[x](javascript:alert(1))", visible: ["[x](javascript:alert(1))"] },
  { name: "mixed-case javascript: link", markdown: "[x](JaVaScRiPt:alert(1))", visible: ["[x](JaVaScRiPt:alert(1))"] },
  { name: "decimal entity in scheme", markdown: "[x](&#106;avascript:alert(1))", visible: ["[x](javascript:alert(1))"] },
  { name: "hex entities in scheme", markdown: "[x](&#x6A;&#x61;vascript:alert(1))", visible: ["[x](javascript:alert(1))"] },
  { name: "entity colon", markdown: "[x](javascript&colon;alert(1))", visible: ["[x](javascript:alert(1))"] },
  { name: "numeric entity colon", markdown: "[x](JaVaScRiPt&#58;alert(1))", visible: ["[x](JaVaScRiPt:alert(1))"] },
  { name: "newline inside scheme", markdown: "[x](java\nscript:alert(1))", visible: ["[x](java", "script:alert(1))"] },
  { name: "tab inside scheme", markdown: "[x](java\tscript:alert(1))", visible: ["[x](java", "script:alert(1))"] },
  { name: "percent-encoded newline in scheme", markdown: "[x](java%0ascript:alert(1))", visible: ["[x](java%0ascript:alert(1))"] },
  { name: "control character before scheme", markdown: "[x](\u0001javascript:alert(1))", visible: ["javascript:alert(1))"] },
  { name: "zero-width space in scheme", markdown: "[x](java\u200bscript:alert(1))", visible: ["[x](java\u200bscript:alert(1))"] },
  { name: "angle-bracket destination", markdown: "[x](<javascript:alert(1)>)", visible: ["[x](<javascript:alert(1)>)"] },
  { name: "vbscript: link", markdown: "[x](vbscript:msgbox(1))", visible: ["[x](vbscript:msgbox(1))"] },
  {
    name: "data:text/html link",
    markdown: "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    visible: ["[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  },
  { name: "file: link", markdown: "[x](file:///etc/passwd)", visible: ["[x](file:///etc/passwd)"] },
  { name: "protocol-relative link", markdown: "[x](//evil.example/steal)", visible: ["[x](//evil.example/steal)"] },
  { name: "backslash host link", markdown: "[our site](/\\evil.example)", visible: ["our site"] },
  { name: "reference-style javascript: link", markdown: "[x][1]\n\n[1]: javascript:alert(1)", visible: ["[x][1]", "[1]: javascript:alert(1)"] },
  { name: "reference-style link with title", markdown: '[x]\n\n[x]: JAVASCRIPT:alert(1) "t"', visible: ["[x]", '[x]: JAVASCRIPT:alert(1) "t"'] },
  { name: "autolink javascript:", markdown: "<javascript:alert(1)>", visible: ["<javascript:alert(1)>"] },
  { name: "autolink data:", markdown: "<data:text/html,alert(1)>", visible: ["<data:text/html,alert(1)>"] },
  { name: "autolink vbscript:", markdown: "<vbscript:msgbox(1)>", visible: ["<vbscript:msgbox(1)>"] },
  { name: "bare javascript: text", markdown: "javascript:alert(1)", visible: ["javascript:alert(1)"] },
  { name: "mailto with script in the body", markdown: "[our site](mailto:a@b.example?body=<script>alert(1)</script>)", visible: ["our site"] },
  {
    name: "linkified URL with a tag after it",
    markdown: 'https://a.example/"><script>alert(1)</script>',
    visible: ["https://a.example/", "<script>alert(1)</script>"],
  },

  // Images
  { name: "javascript: image", markdown: "![x](javascript:alert(1))", visible: ["![x](javascript:alert(1))"] },
  {
    name: "data:image/svg+xml image",
    markdown: "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    visible: ["![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
  },
  { name: "alt text breakout", markdown: 'before ![x" onerror="alert(1)](/uploads/a.png) after', visible: ["before", "after"] },
  { name: "image title breakout", markdown: 'before ![x](/uploads/a.png "\\" onerror=\\"alert(1)") after', visible: ["before", "after"] },
  { name: "tracking image from another site", markdown: "![pixel](https://evil.example/track.png)", visible: ["[image: pixel]"] },
  { name: "image inside a javascript: link", markdown: "[![x](/uploads/a.png)](javascript:alert(1))", visible: ["](javascript:alert(1))"] },
  { name: "reference-style javascript: image", markdown: "![x][img]\n\n[img]: javascript:alert(1)", visible: ["![x][img]", "[img]: javascript:alert(1)"] },

  // Attribute breakouts in link titles and destinations
  { name: "handler in a link title", markdown: '[our site](http://a.example "onmouseover=alert(1)")', visible: ["our site"] },
  { name: "quote breakout in a link title", markdown: '[our site](http://a.example "\\" onmouseover=\\"alert(1)")', visible: ["our site"] },
  { name: "quote breakout in a destination", markdown: '[our site](http://a.example/"onmouseover="alert(1))', visible: ["our site"] },
  { name: "single-quote breakout in a destination", markdown: "[our site](http://a.example'onmouseover='alert(1))", visible: ["our site"] },

  // SVG, frames, plugins, styles, metadata, forms
  { name: "svg with script", markdown: "<svg><script>alert(1)</script></svg>", visible: ["<svg><script>alert(1)</script></svg>"] },
  {
    name: "svg animate onbegin",
    markdown: "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    visible: ["<svg><animate onbegin=alert(1) attributeName=x dur=1s>"],
  },
  { name: "iframe javascript:", markdown: '<iframe src="javascript:alert(1)"></iframe>', visible: ['<iframe src="javascript:alert(1)"></iframe>'] },
  {
    name: "iframe srcdoc",
    markdown: '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    visible: ['<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  },
  { name: "object data", markdown: '<object data="javascript:alert(1)"></object>', visible: ['<object data="javascript:alert(1)"></object>'] },
  {
    name: "embed data:",
    markdown: '<embed src="data:text/html,<script>alert(1)</script>">',
    visible: ['<embed src="data:text/html,<script>alert(1)</script>">'],
  },
  {
    name: "style tag",
    markdown: '<style>body{background:url("javascript:alert(1)")}</style>',
    visible: ['<style>body{background:url("javascript:alert(1)")}</style>'],
  },
  { name: "link stylesheet", markdown: '<link rel=stylesheet href="javascript:alert(1)">', visible: ['<link rel=stylesheet href="javascript:alert(1)">'] },
  {
    name: "meta refresh",
    markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    visible: ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  },
  { name: "base href", markdown: '<base href="javascript:alert(1)//">', visible: ['<base href="javascript:alert(1)//">'] },
  {
    name: "form action",
    markdown: '<form action="javascript:alert(1)"><button>go</button></form>',
    visible: ['<form action="javascript:alert(1)"><button>go</button></form>'],
  },
  {
    name: "math mutation XSS",
    markdown: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    visible: ["<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"],
  },
  {
    name: "noscript mutation XSS",
    markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    visible: ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  },
  { name: "raw anchor with javascript:", markdown: '<a href="javascript:alert(1)">x</a>', visible: ['<a href="javascript:alert(1)">x</a>'] },

  // HTML entities
  { name: "entity-encoded script", markdown: "&lt;script&gt;alert(1)&lt;/script&gt;", visible: ["<script>alert(1)</script>"] },
  { name: "numeric entity-encoded img", markdown: "&#60;img src=x onerror=alert(1)&#62;", visible: ["<img src=x onerror=alert(1)>"] },
  { name: "double-encoded entity", markdown: "&amp;lt;script&amp;gt;alert(1)", visible: ["&lt;script&gt;alert(1)"] },

  // Unicode look-alikes and direction overrides
  { name: "full-width javascript", markdown: "[x](ｊａｖａｓｃｒｉｐｔ:alert(1))", visible: ["[x](ｊａｖａｓｃｒｉｐｔ:alert(1))"] },
  { name: "full-width colon", markdown: "[x](javascript\uff1aalert(1))", visible: ["[x](javascript\uff1aalert(1))"] },
  { name: "Cyrillic look-alike scheme", markdown: "[x](jаvascript:alert(1))", visible: ["[x](jаvascript:alert(1))"] },
  { name: "right-to-left override in link text", markdown: "[\u202egnp.exe](https://evil.example/file.exe)", visible: ["\u202egnp.exe"] },
  { name: "right-to-left override in a URL", markdown: "https://evil.example/\u202egnp.exe", visible: ["gnp.exe"] },
  { name: "homograph host", markdown: "[bank](https://bаnk.example/)", visible: ["bank"] },

  // Nested and broken tags, comments
  { name: "broken nested img", markdown: "<<img src=x onerror=alert(1)//<", visible: ["<<img src=x onerror=alert(1)//<"] },
  { name: "quotes closing an attribute early", markdown: '<img """><script>alert(1)</script>">', visible: ['<img """><script>alert(1)</script>">'] },
  { name: "comment hiding an img", markdown: "<!--<img src=x onerror=alert(1)>-->", visible: ["<!--<img src=x onerror=alert(1)>-->"] },
  { name: "CDATA section", markdown: "<![CDATA[<script>alert(1)</script>]]>", visible: ["<![CDATA[<script>alert(1)</script>]]>"] },
  { name: "tag inside emphasis", markdown: "**<img src=x onerror=alert(1)>**", visible: ["<img src=x onerror=alert(1)>"] },
  { name: "tag inside a blockquote and list", markdown: "> - <svg onload=alert(1)>", visible: ["<svg onload=alert(1)>"] },

  // Card, mention and quote syntax abuse
  { name: "card id with a script", markdown: '[[lesson:"><script>alert(1)</script>]]', visible: ['[[lesson:"><script>alert(1)</script>]]'] },
  { name: "card id with a handler", markdown: '[[guide:intro" onmouseover="alert(1)]]', visible: ['[[guide:intro" onmouseover="alert(1)]]'] },
  { name: "card with a javascript: kind", markdown: "[[javascript:alert(1)]]", visible: ["[[javascript:alert(1)]]"] },
  { name: "mention with an img", markdown: '@"><img src=x onerror=alert(1)>', visible: ['@"><img src=x onerror=alert(1)>'] },
  { name: "known mention followed by a script", markdown: "@olena<script>alert(1)</script>", visible: ["<script>alert(1)</script>"] },
  { name: "quote marker with a script", markdown: '> [quote:"><script>alert(1)</script>]\n> text', visible: ['[quote:"><script>alert(1)</script>]', "text"] },
];
