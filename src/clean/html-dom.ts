/**
 * The narrow slice of the DOM that sitrep's HTML passes use, and small helpers over it. linkedom's
 * nodes satisfy these interfaces; depending on the slice rather than on linkedom's loose typings
 * keeps the passes typed (the way Kysely depends on "the subset of better-sqlite3 it needs").
 */

/** A DOM node, as far as the HTML passes read it. */
export interface HtmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<HtmlNode>;
  readonly parentElement: HtmlElement | null;
}

/** A DOM element, as far as the HTML passes read and change it. */
export interface HtmlElement extends HtmlNode {
  readonly tagName: string;
  readonly children: ArrayLike<HtmlElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  querySelectorAll(selector: string): Iterable<HtmlElement>;
  remove(): void;
}

/** A parsed page, as far as the HTML passes read it. */
export interface HtmlDocument {
  readonly documentElement: HtmlElement | null;
  readonly body: HtmlElement | null;
  querySelectorAll(selector: string): Iterable<HtmlElement>;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose text is never shown as page text. */
export const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OPTION', 'HEAD', 'TITLE',
]);

/** Elements that start a new paragraph; text between them is one paragraph, whatever wraps it. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements that sit inside a line of text rather than starting one. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN',
  'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR',
]);

/** True for an element node. */
export function isElement(node: HtmlNode): node is HtmlElement {
  return node.nodeType === ELEMENT;
}

/**
 * True for an element the page does not show: `hidden`, `aria-hidden="true"`, or an inline style
 * with `display: none` / `visibility: hidden`. The same test Readability applies while it walks, so
 * our passes see the page Readability sees (comment templates and pop-ups are often hidden).
 */
export function isHidden(element: HtmlElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true' && !(element.getAttribute('class') ?? '').includes('fallback-image')) return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/iu.test(style);
}

/** Upper-case tag name of an element (linkedom keeps the source's case for some documents). */
export function tagOf(element: HtmlElement): string {
  return element.tagName.toUpperCase();
}

/** Child elements as an array. */
export function childElements(element: HtmlElement): HtmlElement[] {
  return Array.from(element.children);
}

/**
 * Visits the elements under `root` in document order (root excluded), skipping invisible subtrees;
 * when `visit` returns false the element's subtree is skipped (it was taken out, or is settled).
 */
export function walkElements(root: HtmlElement, visit: (element: HtmlElement) => boolean): void {
  const stack: HtmlElement[] = childElements(root).reverse();
  while (stack.length > 0) {
    const element = stack.pop() as HtmlElement;
    if (INVISIBLE_TAGS.has(tagOf(element)) || !visit(element)) continue;
    const children = element.children;
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as HtmlElement);
  }
}

/** Every element under `root` in document order (root excluded), skipping invisible subtrees. */
export function descendants(root: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack: HtmlElement[] = childElements(root).reverse();
  while (stack.length > 0) {
    const element = stack.pop() as HtmlElement;
    if (INVISIBLE_TAGS.has(tagOf(element))) continue;
    out.push(element);
    const children = element.children;
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as HtmlElement);
  }
  return out;
}

/** True when `ancestor` is `node` or contains it. */
export function contains(ancestor: HtmlElement, node: HtmlElement): boolean {
  for (let current: HtmlElement | null = node; current; current = current.parentElement) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Visible text of a node with white space collapsed to single spaces; block edges become spaces. */
export function textOf(node: HtmlNode): string {
  const parts: string[] = [];
  const walk = (current: HtmlNode): void => {
    if (current.nodeType === TEXT) {
      parts.push(current.textContent ?? '');
      return;
    }
    if (!isElement(current)) return;
    if (INVISIBLE_TAGS.has(tagOf(current))) return;
    const block = BLOCK_TAGS.has(tagOf(current));
    if (block) parts.push(' ');
    const children = current.childNodes;
    for (let i = 0; i < children.length; i += 1) walk(children[i] as HtmlNode);
    if (block) parts.push(' ');
  };
  walk(node);
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

/** Text length and the part of it inside links, for every element under a root, computed in one pass. */
export interface TextStats {
  readonly text: number;
  readonly link: number;
}

/** Computes TextStats for `root` and every visible element below it (lengths count non-space characters). */
export function measureText(root: HtmlElement): Map<HtmlElement, TextStats> {
  const stats = new Map<HtmlElement, TextStats>();
  const visit = (element: HtmlElement, inLink: boolean): TextStats => {
    let text = 0;
    let link = 0;
    const linked = inLink || tagOf(element) === 'A';
    const children = element.childNodes;
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i] as HtmlNode;
      if (child.nodeType === TEXT) {
        const length = (child.textContent ?? '').replace(/\s+/gu, '').length;
        text += length;
        if (linked) link += length;
      } else if (isElement(child) && !INVISIBLE_TAGS.has(tagOf(child))) {
        const inner = visit(child, linked);
        text += inner.text;
        link += inner.link;
      }
    }
    const result = { text, link };
    stats.set(element, result);
    return result;
  };
  visit(root, false);
  return stats;
}

/** Share of an element's text that sits inside links, 0 for an element without text. */
export function linkDensity(stats: TextStats | undefined): number {
  return stats && stats.text > 0 ? stats.link / stats.text : 0;
}

/** Class and id names of an element, lower-cased, each split into its words as well. */
export interface MarkupNames {
  /** Whole class names and the id, lower-cased: `comment-list`, `rk-item`. */
  readonly names: readonly string[];
  /** The words inside them, split at `-`, `_` and camelCase: `comment`, `list`, `rk`, `item`. */
  readonly parts: readonly string[];
}

const NO_NAMES: MarkupNames = { names: [], parts: [] };
/** Names are read many times per element by the passes; class attributes do not change meanwhile. */
const namesCache = new WeakMap<HtmlElement, MarkupNames>();

/** The class and id names of an element and their words. */
export function markupNames(element: HtmlElement): MarkupNames {
  let cached = namesCache.get(element);
  if (!cached) {
    cached = readNames(element);
    namesCache.set(element, cached);
  }
  return cached;
}

function readNames(element: HtmlElement): MarkupNames {
  const className = element.getAttribute('class');
  const id = element.getAttribute('id');
  if (!className && !id) return NO_NAMES;
  const raw = `${className ?? ''} ${id ?? ''}`;
  const names: string[] = [];
  const parts: string[] = [];
  for (const name of raw.split(/\s+/u)) {
    if (!name || name.length > 80) continue;
    names.push(name.toLowerCase());
    for (const part of name.replace(/([a-z])([A-Z])/gu, '$1-$2').toLowerCase().split(/[-_]+/u)) {
      if (part) parts.push(part);
    }
  }
  return { names, parts };
}

/** Document order of every element under a root, for "is this after that" questions. */
export function documentOrder(root: HtmlElement): Map<HtmlElement, number> {
  const order = new Map<HtmlElement, number>();
  order.set(root, 0);
  descendants(root).forEach((element, index) => order.set(element, index + 1));
  return order;
}
