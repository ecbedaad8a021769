/**
 * A strict, small XML reader for uploaded SVG (decision 029). It reads elements, attributes, text,
 * CDATA and comments, and refuses what a sanitizer should never have to reason about: document
 * type declarations and entities (billion laughs, external entities), processing instructions
 * other than the XML declaration, entity references other than the five predefined ones and
 * character references, mismatched or unclosed tags, repeated attributes, "<" in attribute values,
 * nesting deeper than 64 and more than 20,000 elements. It builds a tree; the sanitizer writes a
 * new document from that tree, so nothing the browser reads differs from what was checked.
 */

export type XmlElement = {
  type: "element";
  /** The qualified name as written ("svg", "xlink:href" style prefixes resolved separately). */
  name: string;
  prefix: string | null;
  local: string;
  /** The namespace the prefix (or the default namespace) resolves to, "" for none. */
  ns: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  line: number;
};
export type XmlAttribute = { name: string; prefix: string | null; local: string; ns: string; value: string };
export type XmlText = { type: "text"; value: string };
export type XmlNode = XmlElement | XmlText;

export type XmlProblem = "doctype" | "processing-instruction" | "entity" | "malformed" | "too-deep" | "too-many-elements";

export class XmlError extends Error {
  constructor(
    readonly problem: XmlProblem,
    readonly line: number,
  ) {
    super(`XML ${problem} at line ${line}`);
    this.name = "XmlError";
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?/;
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
const MAX_DEPTH = 64;
const MAX_ELEMENTS = 20_000;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Characters XML 1.0 allows in a document (no NUL, no C0 controls but tab, LF, CR, no lone surrogates, no U+FFFE/FFFF). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

export function parseXml(source: string): XmlElement {
  let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  for (const ch of text) {
    if (!isXmlChar(ch.codePointAt(0)!)) throw new XmlError("malformed", lineAt(text, text.indexOf(ch)));
  }
  text = text.replace(/\r\n?/g, "\n");
  let pos = 0;
  let elements = 0;
  const line = () => lineAt(text, pos);
  const fail = (problem: XmlProblem): never => {
    throw new XmlError(problem, line());
  };

  function decode(raw: string): string {
    return raw.replace(/&([^;&]*);?/g, (match, body: string) => {
      if (!match.endsWith(";")) fail("malformed");
      if (body in PREDEFINED) return PREDEFINED[body]!;
      const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
      if (numeric) {
        const code = numeric[1] ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
        if (!isXmlChar(code)) fail("malformed");
        return String.fromCodePoint(code);
      }
      return fail(/^[A-Za-z_][\w.-]*$/.test(body) ? "entity" : "malformed");
    });
  }

  function skipSpace() {
    while (pos < text.length && /[ \t\n]/.test(text[pos]!)) pos++;
  }

  /** Skips the prolog's and epilog's comments, white space and (at the very start) the XML declaration. */
  function skipMisc(atStart: boolean) {
    if (atStart && text.startsWith("<?xml", pos) && /[\s?]/.test(text[pos + 5] ?? "")) {
      const end = text.indexOf("?>", pos);
      if (end < 0) fail("malformed");
      pos = end + 2;
    }
    for (;;) {
      skipSpace();
      if (text.startsWith("<!--", pos)) skipComment();
      else if (text.startsWith("<?", pos)) fail("processing-instruction");
      else if (text.startsWith("<!", pos)) fail("doctype");
      else return;
    }
  }

  function skipComment() {
    const end = text.indexOf("-->", pos + 4);
    if (end < 0) fail("malformed");
    if (text.slice(pos + 4, end).includes("--")) fail("malformed");
    pos = end + 3;
  }

  function readName(): string {
    const match = NAME.exec(text.slice(pos, pos + 200));
    if (!match) return fail("malformed");
    pos += match[0].length;
    return match[0];
  }

  function split(name: string): { prefix: string | null; local: string } {
    const colon = name.indexOf(":");
    return colon < 0 ? { prefix: null, local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
  }

  function resolve(prefix: string | null, scope: Map<string, string>, isAttribute: boolean): string {
    if (prefix === "xml") return XML_NS;
    if (prefix === "xmlns") return XMLNS_NS;
    if (prefix === null) return isAttribute ? "" : (scope.get("") ?? "");
    const ns = scope.get(prefix);
    if (ns === undefined) fail("malformed");
    return ns!;
  }

  function readElement(parentScope: Map<string, string>, depth: number): XmlElement {
    if (depth > MAX_DEPTH) fail("too-deep");
    if (++elements > MAX_ELEMENTS) fail("too-many-elements");
    const startLine = line();
    pos++; // "<"
    const name = readName();
    const raw: { name: string; value: string }[] = [];
    for (;;) {
      const before = pos;
      skipSpace();
      if (text.startsWith("/>", pos) || text[pos] === ">") break;
      if (pos === before) fail("malformed");
      const attrName = readName();
      skipSpace();
      if (text[pos] !== "=") fail("malformed");
      pos++;
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") return fail("malformed");
      const end = text.indexOf(quote, pos + 1);
      if (end < 0) fail("malformed");
      const rawValue = text.slice(pos + 1, end);
      if (rawValue.includes("<")) fail("malformed");
      if (raw.some((a) => a.name === attrName)) fail("malformed");
      // Attribute-value normalisation: white space characters become spaces.
      raw.push({ name: attrName, value: decode(rawValue).replace(/[\t\n]/g, " ") });
      pos = end + 1;
    }
    const scope = new Map(parentScope);
    for (const a of raw) {
      if (a.name === "xmlns") scope.set("", a.value);
      else if (a.name.startsWith("xmlns:")) scope.set(a.name.slice(6), a.value);
    }
    const { prefix, local } = split(name);
    const element: XmlElement = {
      type: "element",
      name,
      prefix,
      local,
      ns: resolve(prefix, scope, false),
      attributes: raw.map((a) => {
        const parts = split(a.name);
        return { ...a, ...parts, ns: a.name === "xmlns" ? XMLNS_NS : resolve(parts.prefix, scope, true) };
      }),
      children: [],
      line: startLine,
    };
    if (text.startsWith("/>", pos)) {
      pos += 2;
      return element;
    }
    pos++; // ">"
    for (;;) {
      if (pos >= text.length) fail("malformed");
      if (text.startsWith("</", pos)) {
        pos += 2;
        if (readName() !== name) fail("malformed");
        skipSpace();
        if (text[pos] !== ">") fail("malformed");
        pos++;
        return element;
      }
      if (text.startsWith("<!--", pos)) skipComment();
      else if (text.startsWith("<![CDATA[", pos)) {
        const end = text.indexOf("]]>", pos + 9);
        if (end < 0) fail("malformed");
        element.children.push({ type: "text", value: text.slice(pos + 9, end) });
        pos = end + 3;
      } else if (text.startsWith("<?", pos)) fail("processing-instruction");
      else if (text.startsWith("<!", pos)) fail("doctype");
      else if (text[pos] === "<") element.children.push(readElement(scope, depth + 1));
      else {
        const next = text.indexOf("<", pos);
        const end = next < 0 ? text.length : next;
        const rawText = text.slice(pos, end);
        if (rawText.includes("]]>")) fail("malformed");
        element.children.push({ type: "text", value: decode(rawText) });
        pos = end;
      }
    }
  }

  skipMisc(true);
  if (text[pos] !== "<") fail("malformed");
  const root = readElement(new Map(), 0);
  skipMisc(false);
  if (pos !== text.length) fail("malformed");
  return root;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, "&quot;");

/** Writes an element (already sanitized) back as XML; names are the sanitizer's, values escaped. */
export function serializeXml(node: XmlNode): string {
  if (node.type === "text") return escapeText(node.value);
  const attributes = node.attributes.map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join("");
  if (!node.children.length) return `<${node.name}${attributes}/>`;
  return `<${node.name}${attributes}>${node.children.map(serializeXml).join("")}</${node.name}>`;
}
