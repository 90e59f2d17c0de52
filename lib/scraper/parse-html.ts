import { load, type CheerioAPI } from "cheerio";
import { TruncatedPageError } from "./layout-error";

/**
 * The slice of a DOM node the page parsers read. Cheerio's own node classes fit it structurally, so
 * the parsers can walk children directly (much cheaper than a cheerio wrapper per cell).
 */
export type HtmlNode = {
  readonly type: string;
  readonly data?: unknown;
  readonly children?: readonly HtmlNode[];
};

export type HtmlElement = HtmlNode & {
  readonly name: string;
  readonly attribs: Readonly<Record<string, string>>;
  readonly children: readonly HtmlNode[];
  /** Offset of the start tag in the source text (loadHtml records it). */
  readonly startIndex: number | null;
};

/**
 * Parses a page with htmlparser2 rather than cheerio's default parse5: several times faster on
 * 10,000-row result pages, and it keeps the site's `<div>` inside `<table>` where it is instead of
 * foster-parenting it (the rows are found either way). Entities are decoded once, here.
 */
export function loadHtml(html: string): CheerioAPI {
  return load(html, { xml: { xmlMode: false, decodeEntities: true, withStartIndices: true } });
}

export function isElement(node: HtmlNode): node is HtmlElement {
  return node.type === "tag";
}

/** The element children of `parent`, optionally only those with tag name `name`. */
export function childElements(parent: HtmlNode, name?: string): HtmlElement[] {
  const found: HtmlElement[] = [];
  for (const child of parent.children ?? []) {
    if (isElement(child) && (name === undefined || child.name === name)) found.push(child);
  }
  return found;
}

/** The first descendant element with tag name `name`, depth first. */
export function firstDescendant(parent: HtmlNode, name: string): HtmlElement | null {
  for (const child of parent.children ?? []) {
    if (!isElement(child)) continue;
    if (child.name === name) return child;
    const inner = firstDescendant(child, name);
    if (inner) return inner;
  }
  return null;
}

/**
 * Every descendant element named `name`, in document order, without looking inside a match (the
 * site's rows and cells never nest). One walk, cheaper than a CSS selector over a large table.
 */
export function descendantsNamed(parent: HtmlNode, name: string): HtmlElement[] {
  const found: HtmlElement[] = [];
  const walk = (node: HtmlNode): void => {
    for (const child of node.children ?? []) {
      if (!isElement(child)) continue;
      if (child.name === name) found.push(child);
      else walk(child);
    }
  };
  walk(parent);
  return found;
}

/** Concatenated text of a node and its descendants, untrimmed; comments are skipped. */
export function nodeText(node: HtmlNode): string {
  if (node.type === "text") return typeof node.data === "string" ? node.data : "";
  const children = node.children;
  if (!children) return "";
  if (children.length === 1 && children[0]) return nodeText(children[0]);
  let text = "";
  for (const child of children) text += nodeText(child);
  return text;
}

export function hasClass(element: HtmlElement, className: string): boolean {
  const classes = element.attribs["class"];
  return classes !== undefined && classes.split(/\s+/).includes(className);
}

/**
 * Throws TruncatedPageError unless the source closes `element` somewhere after its start
 * tag. A cut-off transfer still parses (the parser closes what is open at the end), so the tree
 * alone cannot tell a complete page from a cut one; the source text can. Meant for elements that
 * never contain an element of their own name (the results table, a select, the owners div).
 */
export function assertClosedInSource(html: string, element: HtmlElement, what: string): void {
  assertTagClosedAfter(html, element.name, element.startIndex ?? 0, what);
}

/** assertClosedInSource for a reader that has no DOM: the tag's name and where its start tag begins. */
export function assertTagClosedAfter(html: string, name: string, start: number, what: string): void {
  const closing = new RegExp(`</${name}\\s*>`, "gi");
  closing.lastIndex = start;
  if (closing.exec(html) === null) {
    throw new TruncatedPageError(`page truncated: ${what} is not closed (no "</${name}>" after it)`);
  }
}
