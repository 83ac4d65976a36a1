/**
 * Where a page's article text is: the element holding the most paragraph text. Passes that remove
 * blocks use it as a guard (never remove the article or anything around it), and extraction falls
 * back on it when Readability finds nothing.
 */
import { hasRole } from './html-markup.js';
import { BLOCK_TAGS, INLINE_TAGS, childElements, contains, documentOrder, isElement, linkDensity, measureText, tagOf, type HtmlElement, type HtmlNode, type TextStats } from './html-dom.js';

/** What the HTML passes know about a page before they change it. */
export interface PageLayout {
  readonly root: HtmlElement;
  /** Text and link lengths of every visible element, measured before any pass removed anything. */
  readonly stats: ReadonlyMap<HtmlElement, TextStats>;
  /** Document order of every visible element. */
  readonly order: ReadonlyMap<HtmlElement, number>;
  /** The element holding the most paragraph text, or null for a page without paragraphs. */
  readonly main: HtmlElement | null;
  /** The same, with nothing skipped: differs from `main` when a skipped container holds the most prose. */
  readonly prose: HtmlElement | null;
}

/** A paragraph shorter than this (non-space characters) does not make an element the article. */
const MIN_PARAGRAPH = 25;

/** Measures a page and finds its main text; `skip` leaves candidate containers out (comment sections). */
export function layoutPage(root: HtmlElement, skip?: (element: HtmlElement) => boolean): PageLayout {
  const stats = measureText(root);
  const order = documentOrder(root);
  // When every paragraph sits inside a skipped container (a page whose wrapper is classed
  // `comments-open`), the skip was wrong, not the page.
  const prose = skip ? mainTextElement(root, stats) : null;
  const main = skip ? (mainTextElement(root, stats, skip) ?? prose) : mainTextElement(root, stats);
  return { root, stats, order, main, prose: prose ?? main };
}

/**
 * The element whose own paragraphs (`<p>` children, and text sitting directly in it) hold the most
 * prose. Link-heavy paragraphs do not count: a list of headlines is not an article.
 */
export function mainTextElement(
  root: HtmlElement,
  stats: ReadonlyMap<HtmlElement, TextStats>,
  skip?: (element: HtmlElement) => boolean,
): HtmlElement | null {
  const scores = new Map<HtmlElement, number>();
  const add = (element: HtmlElement, amount: number): void => {
    scores.set(element, (scores.get(element) ?? 0) + amount);
  };
  for (const [element, stat] of stats) {
    if (stat.text < MIN_PARAGRAPH || linkDensity(stat) > 0.5) continue;
    const tag = tagOf(element);
    const parent = element.parentElement;
    if (tag === 'P' && parent) add(parent, stat.text);
    else if (tag !== 'P') {
      const direct = directText(element, stats);
      if (direct >= MIN_PARAGRAPH) add(element, direct);
    }
  }
  let best: HtmlElement | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score <= bestScore || (skip && skipped(element, root, skip)) || skipped(element, root, isPageFrame)) continue;
    best = element;
    bestScore = score;
  }
  return best;
}

/**
 * The largest cluster of text blocks, for when Readability finds nothing: the main text element,
 * widened to its ancestors while they add paragraphs rather than page furniture.
 */
export function largestTextCluster(layout: PageLayout): HtmlElement | null {
  let cluster = layout.main;
  if (!cluster) return null;
  for (let parent = cluster.parentElement; parent && parent !== layout.root; parent = parent.parentElement) {
    const inner = layout.stats.get(cluster);
    const outer = layout.stats.get(parent);
    if (!inner || !outer) break;
    // A parent that adds a little more prose is the same article (a lede, a second body part); one
    // that adds more links than text, or doubles the text, is the page around it.
    const added = outer.text - inner.text;
    const addedLinks = outer.link - inner.link;
    if (added > inner.text || addedLinks > added / 2) break;
    cluster = parent;
  }
  return cluster;
}

/** True when `node` is the main text or one of its ancestors: removing it would remove the article. */
export function holdsMainText(layout: PageLayout, element: HtmlElement): boolean {
  return layout.main !== null && contains(element, layout.main);
}

/**
 * True for an inline element inside running text (a link, a name in a `<span>`): whatever its class
 * says (`auto-tag_…`, `related-link`), taking it out would cut words from a sentence.
 */
export function inProse(layout: PageLayout, element: HtmlElement): boolean {
  if (!INLINE_TAGS.has(tagOf(element))) return false;
  // The line the element sits in is its nearest block ancestor (a hover card nests spans in spans).
  let line = element.parentElement;
  while (line && INLINE_TAGS.has(tagOf(line))) line = line.parentElement;
  const own = layout.stats.get(element)?.text ?? 0;
  const rest = (line ? (layout.stats.get(line)?.text ?? 0) : 0) - own;
  // A sentence around it: plenty of other text, or some text that ends like a sentence. A short
  // line of fields (`07:15 GMT · Updated 09:02`, `Author: X Views: 14`) is not one.
  if (rest >= 40) return true;
  return rest >= 12 && line !== null && /\p{L}[.!?…]["”’)]?(?:\s|$)/u.test(line.textContent ?? '');
}

/** True when `element` comes after the main text in the page and is not part of it. */
export function followsMainText(layout: PageLayout, element: HtmlElement): boolean {
  const main = layout.main;
  if (!main || contains(element, main) || contains(main, element)) return false;
  const last = lastDescendant(main);
  return (layout.order.get(element) ?? -1) > (layout.order.get(last) ?? Number.MAX_SAFE_INTEGER);
}

/** The article around the main text: its nearest `<article>` or `<main>`, else three levels up from it. */
export function articleRegion(layout: PageLayout): HtmlElement | null {
  const main = layout.main;
  if (!main) return null;
  let fallback: HtmlElement = main;
  let level = 0;
  for (let up: HtmlElement | null = main; up && up !== layout.root; up = up.parentElement, level += 1) {
    const tag = tagOf(up);
    if (tag === 'ARTICLE' || tag === 'MAIN') return up;
    if (level <= 3) fallback = up;
  }
  return fallback;
}

function lastDescendant(element: HtmlElement): HtmlElement {
  let current = element;
  for (;;) {
    const children = childElements(current);
    const last = children[children.length - 1];
    if (!last) return current;
    current = last;
  }
}

function directText(element: HtmlElement, stats: ReadonlyMap<HtmlElement, TextStats>): number {
  let length = 0;
  const children = element.childNodes;
  for (let i = 0; i < children.length; i += 1) {
    const child = children[i] as HtmlNode;
    if (child.nodeType === 3) length += (child.textContent ?? '').replace(/\s+/gu, '').length;
    else if (isElement(child) && INLINE_TAGS.has(tagOf(child)) && !childElements(child).some((inner) => BLOCK_TAGS.has(tagOf(inner)))) {
      length += stats.get(child)?.text ?? 0;
    }
  }
  return length;
}


/** Page frame: a footer's legal text or a sidebar can outweigh a short article, but is never it. */
export function isPageFrame(element: HtmlElement): boolean {
  const tag = tagOf(element);
  const role = element.getAttribute('role');
  return tag === 'FOOTER' || tag === 'NAV' || tag === 'ASIDE' || role === 'contentinfo' || role === 'complementary' || role === 'navigation' || hasRole(element, 'frame');
}

function skipped(element: HtmlElement, root: HtmlElement, skip: (element: HtmlElement) => boolean): boolean {
  for (let current: HtmlElement | null = element; current && current !== root; current = current.parentElement) {
    if (skip(current)) return true;
  }
  return false;
}
