import { parseXml, serializeXml, XmlError, type XmlAttribute, type XmlElement, type XmlNode } from "./xml";

/**
 * Uploaded SVG is rewritten, not trusted (decision 029): parsed with the strict reader in ./xml.ts,
 * refused with a reason when it carries anything active or external, and otherwise written out
 * afresh with only the elements and attributes on the lists below (editor metadata and unknown
 * elements are dropped). The file the app stores and serves is that new document.
 */

export type SvgRefusal = "svgMalformed" | "svgNotSvg" | "svgDeclarations" | "svgScript" | "svgEventHandler" | "svgExternalReference" | "svgForeignObject";

export class SvgRefused extends Error {
  constructor(
    readonly reason: SvgRefusal,
    readonly line: number | null,
  ) {
    super(`SVG refused: ${reason}${line ? ` (line ${line})` : ""}`);
    this.name = "SvgRefused";
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

const ELEMENTS = new Set([
  "svg",
  "g",
  "defs",
  "title",
  "desc",
  "symbol",
  "use",
  "switch",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "textPath",
  "linearGradient",
  "radialGradient",
  "stop",
  "pattern",
  "clipPath",
  "mask",
  "marker",
  "image",
  "style",
  "filter",
  "feBlend",
  "feColorMatrix",
  "feComponentTransfer",
  "feComposite",
  "feDropShadow",
  "feFlood",
  "feFuncA",
  "feFuncB",
  "feFuncG",
  "feFuncR",
  "feGaussianBlur",
  "feMerge",
  "feMergeNode",
  "feMorphology",
  "feOffset",
]);
/** Elements whose text is content (the rest keep only their child elements). */
const TEXT_ELEMENTS = new Set(["title", "desc", "text", "tspan", "textPath", "style"]);

const ATTRIBUTES = new Set([
  "id",
  "class",
  "style",
  "transform",
  "x",
  "y",
  "x1",
  "y1",
  "x2",
  "y2",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "fx",
  "fy",
  "fr",
  "width",
  "height",
  "d",
  "points",
  "pathLength",
  "viewBox",
  "preserveAspectRatio",
  "version",
  "fill",
  "fill-opacity",
  "fill-rule",
  "stroke",
  "stroke-width",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-miterlimit",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-opacity",
  "opacity",
  "color",
  "display",
  "visibility",
  "overflow",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "font-variant",
  "text-anchor",
  "dominant-baseline",
  "alignment-baseline",
  "baseline-shift",
  "letter-spacing",
  "word-spacing",
  "text-decoration",
  "writing-mode",
  "direction",
  "dx",
  "dy",
  "rotate",
  "lengthAdjust",
  "textLength",
  "startOffset",
  "method",
  "spacing",
  "side",
  "offset",
  "stop-color",
  "stop-opacity",
  "gradientUnits",
  "gradientTransform",
  "spreadMethod",
  "patternUnits",
  "patternContentUnits",
  "patternTransform",
  "clip-path",
  "clipPathUnits",
  "clip-rule",
  "mask",
  "maskUnits",
  "maskContentUnits",
  "marker-start",
  "marker-mid",
  "marker-end",
  "markerWidth",
  "markerHeight",
  "markerUnits",
  "refX",
  "refY",
  "orient",
  "filter",
  "filterUnits",
  "primitiveUnits",
  "in",
  "in2",
  "result",
  "stdDeviation",
  "mode",
  "operator",
  "k1",
  "k2",
  "k3",
  "k4",
  "values",
  "type",
  "tableValues",
  "slope",
  "intercept",
  "amplitude",
  "exponent",
  "flood-color",
  "flood-opacity",
  "radius",
  "vector-effect",
  "shape-rendering",
  "text-rendering",
  "image-rendering",
  "color-interpolation",
  "color-interpolation-filters",
  "paint-order",
  "mix-blend-mode",
  "isolation",
  "href",
  "role",
  "aria-label",
  "aria-labelledby",
  "aria-describedby",
  "aria-hidden",
  "focusable",
  "lang",
  "tabindex",
]);

/** A reference inside the document: "#id". */
const FRAGMENT = /^#[A-Za-z_][\w.:-]*$/;
/** Raster pictures embedded in an <image> (editors put them there); never another SVG or HTML. */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/;
/** Only letters and digits count when looking for a scheme: "java\tscript:" and "&#x6A;avascript:" read the same. */
const SCRIPT_SCHEME = /(?:java|vb)script:/i;

export function sanitizeSvg(bytes: Uint8Array): string {
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SvgRefused("svgMalformed", null);
  }
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (error) {
    if (error instanceof XmlError) {
      const declarations = error.problem === "doctype" || error.problem === "entity" || error.problem === "processing-instruction";
      throw new SvgRefused(declarations ? "svgDeclarations" : "svgMalformed", error.line);
    }
    throw error;
  }
  if (root.local !== "svg" || !isSvgNamespace(root.ns)) throw new SvgRefused("svgNotSvg", root.line);
  check(root);
  const clean = rebuild(root)!;
  giveIntrinsicSize(clean);
  const usesXlink = /\sxlink:href="/.test(serializeXml(clean));
  clean.attributes.unshift(
    { name: "xmlns", prefix: null, local: "xmlns", ns: "", value: SVG_NS },
    ...(usesXlink ? [{ name: "xmlns:xlink", prefix: "xmlns", local: "xlink", ns: "", value: XLINK_NS }] : []),
  );
  return serializeXml(clean);
}

const isSvgNamespace = (ns: string) => ns === SVG_NS || ns === "";

/**
 * A drawing with only a viewBox has no size of its own, and an `<img>` sized by its content
 * collapses to nothing (a guide's screen, the mark picker): when the root has neither `width` nor
 * `height`, the viewBox's become them.
 */
function giveIntrinsicSize(root: XmlElement): void {
  const has = (name: string) => root.attributes.some((a) => a.prefix === null && a.local === name);
  if (has("width") || has("height")) return;
  const viewBox = root.attributes.find((a) => a.prefix === null && a.local === "viewBox")?.value;
  const parts = viewBox
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (!parts || parts.length !== 4 || !parts.every(Number.isFinite) || parts[2]! <= 0 || parts[3]! <= 0) return;
  root.attributes.push({ name: "width", prefix: null, local: "width", ns: "", value: String(parts[2]) });
  root.attributes.push({ name: "height", prefix: null, local: "height", ns: "", value: String(parts[3]) });
}

/** Refuses, with its reason and line, anything active or external anywhere in the tree (dropped parts too). */
function check(element: XmlElement): void {
  const local = element.local.toLowerCase();
  if (local === "script") throw new SvgRefused("svgScript", element.line);
  if (local === "foreignobject") throw new SvgRefused("svgForeignObject", element.line);
  for (const attribute of element.attributes) checkAttribute(element, attribute);
  if (local === "style") checkCss(textOf(element), element.line);
  for (const child of element.children) if (child.type === "element") check(child);
}

function checkAttribute(element: XmlElement, attribute: XmlAttribute): void {
  const name = attribute.local.toLowerCase();
  if (name.startsWith("on")) throw new SvgRefused("svgEventHandler", element.line);
  // eslint-disable-next-line no-control-regex -- "java\x01script:" must read as what it hides
  const squeezed = attribute.value.replace(/[\s\u0000-\u001f]/g, "");
  if (SCRIPT_SCHEME.test(squeezed)) throw new SvgRefused("svgScript", element.line);
  if (name === "href" || name === "src") {
    const value = attribute.value.trim();
    const allowed = FRAGMENT.test(value) || (element.local === "image" && DATA_IMAGE.test(value));
    if (!allowed) throw new SvgRefused("svgExternalReference", element.line);
  }
  if (name === "style") checkCss(attribute.value, element.line);
  else checkUrls(attribute.value, element.line);
}

/** Every url(…) must point inside the document: url(#id). */
function checkUrls(value: string, line: number): void {
  for (const match of value.matchAll(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
    if (!FRAGMENT.test(match[2]!.trim())) throw new SvgRefused("svgExternalReference", line);
  }
  // An unclosed or oddly written url( that the pattern above did not read is refused too.
  const opened = (value.match(/url\s*\(/gi) ?? []).length;
  const read = [...value.matchAll(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi)].length;
  if (opened !== read) throw new SvgRefused("svgExternalReference", line);
}

/** CSS in a style element or attribute: no imports, fonts, escapes or resource functions but url(#id). */
function checkCss(css: string, line: number): void {
  if (/\\/.test(css)) throw new SvgRefused("svgExternalReference", line);
  if (/@import|@font-face|@namespace|image-set\s*\(|cross-fade\s*\(|element\s*\(|-moz-binding|behavior\s*:|expression\s*\(/i.test(css)) {
    throw new SvgRefused("svgExternalReference", line);
  }
  if (SCRIPT_SCHEME.test(css.replace(/\s/g, ""))) throw new SvgRefused("svgScript", line);
  checkUrls(css, line);
}

function textOf(element: XmlElement): string {
  return element.children.map((c) => (c.type === "text" ? c.value : textOf(c))).join("");
}

/** The element written anew with only listed elements and attributes, or null when it is dropped. */
function rebuild(element: XmlElement): XmlElement | null {
  if (!isSvgNamespace(element.ns) || !ELEMENTS.has(element.local)) return null;
  const attributes: XmlAttribute[] = [];
  for (const a of element.attributes) {
    if (a.ns === "" && ATTRIBUTES.has(a.local)) attributes.push({ ...a, name: a.local, prefix: null });
    else if (a.ns === XLINK_NS && a.local === "href") attributes.push({ ...a, name: "xlink:href", prefix: "xlink" });
    else if (a.ns === XML_NS && (a.local === "space" || a.local === "lang")) attributes.push({ ...a, name: `xml:${a.local}` });
  }
  const children: XmlNode[] = [];
  if (element.local === "style") {
    children.push({ type: "text", value: textOf(element) });
  } else {
    for (const child of element.children) {
      if (child.type === "text") {
        if (TEXT_ELEMENTS.has(element.local)) children.push(child);
      } else {
        const kept = rebuild(child);
        if (kept) children.push(kept);
      }
    }
  }
  return { ...element, name: element.local, prefix: null, attributes, children };
}
