/**
 * Reader-comment sections of an HTML page, found by their markup (class and id words such as
 * `comments`, `discussion`, `disqus`) or, when the markup does not say, by their shape: three or
 * more repeated items, each with a short author-like element, a date-time, and some text, placed
 * after the article. Each section is taken out of the page and parsed into Comment objects.
 */
import type { Comment } from '../doc/types.js';
import { matchBoilerplate } from './boilerplate-families.js';
import { findDate, findStamp } from './clock-stamps.js';
import { htmlBlocks } from './html-blocks.js';
import { childElements, contains, descendants, linkDensity, markupNames, tagOf, textOf, walkElements, type HtmlElement } from './html-dom.js';
import { followsMainText, holdsMainText, inProse, type PageLayout } from './html-main-text.js';
import { hasRole, namesSay } from './html-markup.js';

/** Comments taken from a page, and the other text of their sections (headings, forms, prompts). */
export interface HtmlComments {
  readonly comments: readonly Comment[];
  readonly boilerplate: readonly string[];
}

const LIST_TAGS: ReadonlySet<string> = new Set(['UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD']);

/** Items in a section found by shape alone; fewer repeated items could be anything. */
const MIN_SHAPE_ITEMS = 3;
/** A date-time anchor is a short element: a stamp inside a paragraph is text, not a header. */
const MAX_ANCHOR_TEXT = 80;

/** Finds the page's comment sections, parses them, and removes them from the page. */
export function takeHtmlComments(layout: PageLayout): HtmlComments {
  // 1. Sections: by markup, then by shape among what is left.
  const byMarkup = markupSections(layout);
  const byShape = shapeSections(layout, byMarkup);
  const sections = [...byMarkup, ...byShape].sort((a, b) => (layout.order.get(a.root) ?? 0) - (layout.order.get(b.root) ?? 0));

  // 2. Parse each section, in page order, then take it out of the page.
  const comments: Comment[] = [];
  const boilerplate: string[] = [];
  for (const section of sections) {
    const items = section.items ?? findItems(section.root, layout);
    // A container classed like comments that holds the page's longest prose and no comment-shaped
    // items is the article under an odd name (`discussion`), not a comment section.
    if (items.length === 0 && layout.prose && contains(section.root, layout.prose)) continue;
    const parsed = parseItems(section.root, items, comments.length);
    comments.push(...parsed);
    const itemSet = new Set(items);
    for (const block of htmlBlocks(section.root, { skip: (element) => itemSet.has(element) })) {
      if (block.text.length <= 200) boilerplate.push(block.text);
    }
    section.root.remove();
  }
  return { comments, boilerplate: [...new Set(boilerplate)] };
}

interface Section {
  readonly root: HtmlElement;
  /** Items already known (from the shape search), else found when parsing. */
  readonly items: readonly HtmlElement[] | null;
}

/** Outermost elements whose class or id says "comments", unless they hold the article itself. */
function markupSections(layout: PageLayout): Section[] {
  const sections: Section[] = [];
  walkElements(layout.root, (element) => {
    if (!hasRole(element, 'comments') || holdsMainText(layout, element) || inProse(layout, element)) return true;
    // A comment count or a "comments" link in the byline is not a section; those with no
    // text at all are left to the boilerplate pass.
    if ((layout.stats.get(element)?.text ?? 0) === 0) return true;
    sections.push({ root: element, items: null });
    return false;
  });
  return sections;
}

/** Date-time anchors under `root`: `<time>` elements, and the innermost short elements holding a stamp. */
function anchorsUnder(root: HtmlElement, layout: PageLayout, excluded: readonly Section[] = []): HtmlElement[] {
  const anchors: HtmlElement[] = [];
  const elements = descendants(root);
  const holding = new Set<HtmlElement>();
  // Bottom-up, so an element holding a stamp only counts when none of its children does.
  for (let i = elements.length - 1; i >= 0; i -= 1) {
    const element = elements[i] as HtmlElement;
    const hasHoldingChild = childElements(element).some((child) => holding.has(child));
    if (hasHoldingChild) {
      holding.add(element);
      continue;
    }
    const stat = layout.stats.get(element);
    const isTime = tagOf(element) === 'TIME';
    // An empty <time> is a template's placeholder, not a date.
    if (isTime && !stat?.text && !element.getAttribute('datetime')) continue;
    if (!isTime && (!stat || stat.text === 0 || stat.text > MAX_ANCHOR_TEXT)) continue;
    if (!isTime) {
      const text = element.textContent ?? '';
      if (!/\d[:.]\s?\d/u.test(text) || stampOf(textOf(element)) === null) continue;
    }
    holding.add(element);
    if (excluded.some((section) => contains(section.root, element))) continue;
    anchors.push(element);
  }
  return anchors.reverse();
}

/** Signature of a repeated item: tag and first class name (`div.rk-item` and `div.rk-item.rk-sub` are one kind). */
function signature(element: HtmlElement): string {
  const first = (element.getAttribute('class') ?? '').trim().split(/\s+/u)[0] ?? '';
  return `${tagOf(element)}.${first}`;
}

/**
 * Sections found by shape: a parent whose children repeat one signature, at least three items
 * (replies included) each holding an anchor, an author-like element and non-link text, after the article.
 */
function shapeSections(layout: PageLayout, known: readonly Section[]): Section[] {
  const anchors = anchorsUnder(layout.root, layout, known);
  // 1. Tally, for every (parent, signature) a run of ancestors passes through, the anchors under it.
  const tally = new Map<HtmlElement, Map<string, number>>();
  for (const anchor of anchors) {
    const seen = new Set<string>();
    let depth = 0;
    for (let item = anchor.parentElement; item && item.parentElement && item !== layout.root && depth < 8; item = item.parentElement, depth += 1) {
      const parent = item.parentElement;
      const key = signature(item);
      const id = `${key}@${layout.order.get(parent) ?? -1}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const counts = tally.get(parent) ?? new Map<string, number>();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      tally.set(parent, counts);
    }
  }
  // 2. Check each candidate's items; keep the best, non-overlapping.
  const candidates: { root: HtmlElement; items: HtmlElement[] }[] = [];
  for (const [parent, counts] of tally) {
    for (const [key, count] of counts) {
      if (count < MIN_SHAPE_ITEMS) continue;
      const top = childElements(parent).filter((child) => signature(child) === key);
      if (top.length < 2) continue;
      const nested = top.flatMap((item) => descendants(item).filter((inner) => signature(inner) === key));
      const items = [...top, ...nested].sort((a, b) => (layout.order.get(a) ?? 0) - (layout.order.get(b) ?? 0));
      const good = items.filter((item) => looksLikeComment(item, items, layout));
      if (good.length < MIN_SHAPE_ITEMS || good.length * 3 < items.length * 2) continue;
      if (!followsMainText(layout, parent)) continue;
      candidates.push({ root: parent, items });
    }
  }
  candidates.sort((a, b) => b.items.length - a.items.length);
  const chosen: Section[] = [];
  for (const candidate of candidates) {
    if (chosen.some((section) => contains(section.root, candidate.root) || contains(candidate.root, section.root))) continue;
    chosen.push({ root: candidate.root, items: candidate.items });
  }
  return chosen;
}

/** An item shaped like a comment: its own anchor, a short author-like element, and text that is not links. */
function looksLikeComment(item: HtmlElement, items: readonly HtmlElement[], layout: PageLayout): boolean {
  const own = ownElements(item, items);
  const anchor = own.find((element) => tagOf(element) === 'TIME' || isShortStamp(element));
  if (!anchor) return false;
  if (!authorElement(own, anchor)) return false;
  const text = commentBlocks(item, items, anchor, null).join(' ');
  if (text.length < 10) return false;
  const stat = layout.stats.get(item);
  return linkDensity(stat) < 0.5 && !hasLinkedHeadline(own);
}

/**
 * A story teaser (linked headline, byline, date, summary) has a comment's shape; the linked
 * headline gives it away: a heading, or a link of several words, that is not the author's name.
 */
function hasLinkedHeadline(own: readonly HtmlElement[]): boolean {
  return own.some((element) => {
    const tag = tagOf(element);
    if (/^H[1-6]$/u.test(tag)) return textOf(element).length >= 15;
    return tag === 'A' && textOf(element).split(/\s+/u).length >= 5;
  });
}

const CLOCK = /\b(\d{1,2})\s?:\s?(\d{2})(?:\s*([ap])\.?\s?m\b\.?)?/iu;

/**
 * YYYY-MM-DDTHH:MM from a short header text: a stamp `findStamp` reads, or a date and a clock time
 * with other separators between them (`September 17, 2014 - 1:01 pm`), as comment headers print them.
 */
function stampOf(text: string): string | null {
  const stamp = findStamp(text);
  if (stamp) return stamp.value;
  const date = findDate(text);
  const clock = CLOCK.exec(text);
  if (!date || !clock) return null;
  let hour = Number(clock[1]);
  const minute = Number(clock[2]);
  if (clock[3]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (clock[3].toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${date.value}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Elements of an item that belong to it rather than to a nested reply. */
function ownElements(item: HtmlElement, items: readonly HtmlElement[]): HtmlElement[] {
  const nested = items.filter((other) => other !== item && contains(item, other));
  return descendants(item).filter((element) => !nested.some((reply) => contains(reply, element)));
}

/**
 * The items of a section found by markup: of the signatures that anchors sit under, the one whose
 * elements each own an anchor most often, preferring the outer element when two tie (`li.comment` over
 * the `article.comment-body` inside it), since replies nest in the outer one.
 */
function findItems(root: HtmlElement, layout: PageLayout): HtmlElement[] {
  const anchors = anchorsUnder(root, layout);
  const bySignature = new Map<string, HtmlElement[]>();
  for (const element of descendants(root)) {
    const key = signature(element);
    const list = bySignature.get(key) ?? [];
    list.push(element);
    bySignature.set(key, list);
  }
  let best: { items: HtmlElement[]; owners: number; marked: boolean; depth: number } | null = null;
  const keys = new Set<string>();
  for (const anchor of anchors) {
    for (let up = anchor.parentElement; up && up !== root; up = up.parentElement) {
      // Lists and tables hold items; they are never one.
      if (!LIST_TAGS.has(tagOf(up))) keys.add(signature(up));
    }
  }
  for (const key of keys) {
    const members = bySignature.get(key) ?? [];
    if (members.length === 0 || members.length > 2000) continue;
    const owners = new Set<HtmlElement>();
    for (const anchor of anchors) {
      let owner: HtmlElement | null = null;
      for (let up = anchor.parentElement; up && up !== root; up = up.parentElement) {
        if (signature(up) === key) {
          owner = up;
          break;
        }
      }
      if (owner) owners.add(owner);
    }
    // An item is more than its header: one whose text is all anchor is a date line.
    const withText = [...owners].filter((owner) => (layout.stats.get(owner)?.text ?? 0) > anchorText(owner, anchors) + 2);
    const depth = members.reduce((sum, member) => sum + depthOf(member, root), 0) / members.length;
    const marked = members.some((member) => hasRole(member, 'comments'));
    const score = withText.length;
    // Ties go to elements named as comments, then to the outer element, where replies nest.
    const better =
      !best || score > best.owners || (score === best.owners && (marked !== best.marked ? marked : depth < best.depth));
    if (better) {
      best = { items: members.filter((member) => owners.has(member) || (layout.stats.get(member)?.text ?? 0) > 0), owners: score, marked, depth };
    }
  }
  return best && best.owners > 0 ? best.items : [];
}

function anchorText(owner: HtmlElement, anchors: readonly HtmlElement[]): number {
  return anchors.filter((anchor) => contains(owner, anchor)).reduce((sum, anchor) => sum + (anchor.textContent ?? '').replace(/\s+/gu, '').length, 0);
}

function depthOf(element: HtmlElement, root: HtmlElement): number {
  let depth = 0;
  for (let up = element.parentElement; up && up !== root; up = up.parentElement) depth += 1;
  return depth;
}

interface ItemFields {
  readonly element: HtmlElement;
  readonly comment: Omit<Comment, 'depth' | 'parent'>;
}

/** Parses items into comments; `offset` is the number of comments already taken from earlier sections. */
function parseItems(root: HtmlElement, items: readonly HtmlElement[], offset: number): Comment[] {
  const fields: ItemFields[] = [];
  for (const item of items) {
    const parsed = parseItem(item, items);
    if (parsed) fields.push({ element: item, comment: parsed });
  }
  // Threading: an explicit parent reference, else nesting, else reply containers, else level classes.
  const ids = new Map<string, number>();
  fields.forEach((field, index) => {
    for (const value of idValues(field.element)) if (!ids.has(value)) ids.set(value, index);
  });
  const levels = fields.map((field) => levelClass(field.element));
  const minLevel = Math.min(...levels.filter((level): level is number => level !== null));
  const comments: Comment[] = [];
  const lastAtDepth: number[] = [];
  fields.forEach((field, index) => {
    let parent: number | null = null;
    let depth = 0;
    const reference = parentReference(field.element);
    const referenced = reference === null ? undefined : ids.get(reference) ?? ids.get(reference.replace(/^\D+/u, ''));
    const ancestor = nearestAncestorItem(field.element, fields, index);
    const containers = replyContainers(field.element, root, fields.map((f) => f.element));
    const level = levels[index];
    if (referenced !== undefined && referenced < index) {
      parent = referenced;
      depth = (comments[referenced]?.depth ?? 0) + 1;
    } else if (ancestor !== null) {
      parent = ancestor;
      depth = (comments[ancestor]?.depth ?? 0) + 1;
    } else if (containers > 0) {
      depth = containers;
      parent = lastAtDepth[depth - 1] ?? null;
    } else if (level !== null && level !== undefined && Number.isFinite(minLevel)) {
      depth = level - minLevel;
      parent = depth > 0 ? (lastAtDepth[depth - 1] ?? null) : null;
    }
    if (parent === null) depth = 0;
    lastAtDepth[depth] = index;
    lastAtDepth.length = depth + 1;
    comments.push({ ...field.comment, depth, parent: parent === null ? null : parent + offset });
  });
  return comments;
}

function nearestAncestorItem(element: HtmlElement, fields: readonly ItemFields[], index: number): number | null {
  for (let i = index - 1; i >= 0; i -= 1) {
    const candidate = fields[i] as ItemFields;
    if (contains(candidate.element, element)) return i;
  }
  return null;
}

function replyContainers(element: HtmlElement, root: HtmlElement, items: readonly HtmlElement[]): number {
  let count = 0;
  for (let up = element.parentElement; up && up !== root; up = up.parentElement) {
    if (!items.includes(up) && hasRole(up, 'reply-container')) count += 1;
  }
  return count;
}

const LEVEL_CLASS = /^(?:depth|level|lvl|indent|nest(?:ed|ing)?)[-_]?(\d{1,2})$/u;

function levelClass(element: HtmlElement): number | null {
  for (const name of (element.getAttribute('class') ?? '').toLowerCase().split(/\s+/u)) {
    const match = LEVEL_CLASS.exec(name);
    if (match) return Number(match[1]);
  }
  return null;
}

const PARENT_ATTRIBUTE = /^data-(?:[a-z]+-)?(?:parent|reply-?to|in-reply-to|parent-?id|replyto)(?:-id)?$/u;

function parentReference(element: HtmlElement): string | null {
  for (const name of attributeNames(element)) {
    if (PARENT_ATTRIBUTE.test(name)) {
      const value = element.getAttribute(name)?.trim();
      if (value) return value;
    }
  }
  return null;
}

/** Values that may identify an item: its id and its data-* identifiers, and their numeric parts. */
function idValues(element: HtmlElement): string[] {
  const values: string[] = [];
  for (const name of attributeNames(element)) {
    if (name !== 'id' && !(name.startsWith('data-') && !PARENT_ATTRIBUTE.test(name))) continue;
    const value = element.getAttribute(name)?.trim();
    if (!value || value.length > 80) continue;
    values.push(value);
    const digits = /\d+$/u.exec(value)?.[0];
    if (digits) values.push(digits);
  }
  return values;
}

function attributeNames(element: HtmlElement): string[] {
  const attributes = (element as unknown as { attributes?: ArrayLike<{ name: string }> }).attributes;
  return attributes ? Array.from(attributes, (attribute) => attribute.name.toLowerCase()) : [];
}

const SAYS = /\s*(?:says|said|wrote|writes|kaže|napisao|пишет)\s*:?\s*$/iu;
const DISPLAY = /^(.*?)\s*\(([^()]{1,60})\)$/u;
const NUMBER = /[+]?\s*(\d[\d\s.,]*)/u;

/** One item's fields; null when it has neither author nor text. */
function parseItem(item: HtmlElement, items: readonly HtmlElement[]): Omit<Comment, 'depth' | 'parent'> | null {
  const own = ownElements(item, items);
  const anchor = own.find((element) => tagOf(element) === 'TIME') ?? own.find((element) => isShortStamp(element)) ?? null;
  const authorNode = authorElement(own, anchor);
  let author = authorNode ? cleanAuthor(textOf(authorNode)) : null;
  let display: string | null = null;
  if (author) {
    const named = DISPLAY.exec(author);
    if (named?.[1] && named[2]) {
      author = named[1].trim() || null;
      display = named[2].trim();
    }
  }
  if (authorNode && !display) {
    // `<a class="nick">name</a> <span>(Real Name)</span>`: the bracketed name beside the handle.
    for (let next = nextElement(authorNode); next; next = nextElement(next)) {
      if (anchor && contains(next, anchor)) break;
      const bracketed = /^\(([^()]{1,60})\)$/u.exec(textOf(next));
      if (bracketed?.[1]) {
        display = bracketed[1].trim();
        break;
      }
    }
  }
  const likesNode = own.find((element) => hasRole(element, 'comment-likes') && (element.textContent ?? '').length <= 40 && NUMBER.test(element.textContent ?? ''));
  const likes = likesNode ? Number((NUMBER.exec(textOf(likesNode))?.[1] ?? '').replace(/[\s.,]/gu, '')) : null;
  const quoteNode = own.find((element) => tagOf(element) === 'BLOCKQUOTE' || hasRole(element, 'quote')) ?? null;
  const quotes = quoteNode ? quotedAuthor(quoteNode) : null;
  const text = commentBlocks(item, items, anchor, authorNode, quoteNode, likesNode ?? null).join('\n').trim();
  if (!text && !author) return null;
  return {
    author,
    display_name: display,
    posted: anchor ? postedAt(anchor) : null,
    quotes: quoteNode ? quotes : null,
    likes: likes !== null && Number.isFinite(likes) ? likes : null,
    text,
  };
}

function nextElement(element: HtmlElement): HtmlElement | null {
  const parent = element.parentElement;
  if (!parent) return null;
  const siblings = childElements(parent);
  return siblings[siblings.indexOf(element) + 1] ?? null;
}

function isShortStamp(element: HtmlElement): boolean {
  const text = element.textContent ?? '';
  if (text.length > 200 || !/\d[:.]\s?\d/u.test(text)) return false;
  const clean = textOf(element);
  if (clean.length > MAX_ANCHOR_TEXT || stampOf(clean) === null) return false;
  return !childElements(element).some((child) => isShortStamp(child));
}

/** YYYY-MM-DDTHH:MM from `<time datetime>` (the page's local time, as printed), else from a printed stamp. */
function postedAt(anchor: HtmlElement): string | null {
  const datetime = anchor.getAttribute('datetime')?.trim() ?? '';
  const iso = /^(\d{4}-\d{2}-\d{2})[T\s](\d{2}:\d{2})/u.exec(datetime);
  if (iso) return `${iso[1]}T${iso[2]}`;
  return stampOf(textOf(anchor));
}

/**
 * The author element: the innermost element whose class says author/name/user, else the first short
 * name-like element (bold, cite, link, span) that is not the date; never one holding the date.
 */
function authorElement(own: readonly HtmlElement[], anchor: HtmlElement | null): HtmlElement | null {
  const usable = (element: HtmlElement): boolean => {
    if (anchor && (contains(element, anchor) || contains(anchor, element))) return false;
    const text = textOf(element);
    return isNameLike(text);
  };
  const marked = own.filter((element) => hasRole(element, 'comment-author') && usable(element));
  const innermost = marked.filter((element) => !marked.some((other) => other !== element && contains(element, other)));
  if (innermost[0]) return innermost[0];
  for (const element of own) {
    if (!['B', 'STRONG', 'CITE', 'A', 'SPAN', 'H3', 'H4', 'H5', 'H6'].includes(tagOf(element))) continue;
    if (childElements(element).length > 1) continue;
    if (anchor && !nearAnchor(anchor, element)) continue;
    if (usable(element) && !/^(?:reply|report|share|like|quote)$/iu.test(textOf(element))) return element;
  }
  return null;
}

/**
 * An author name sits in the header with the date, so it shares an ancestor with the date within
 * two levels; a bold word deep in the comment's text does not.
 */
function nearAnchor(anchor: HtmlElement, element: HtmlElement): boolean {
  const near = anchor.parentElement?.parentElement ?? null;
  return near === null || contains(near, element);
}

function isNameLike(text: string): boolean {
  const name = cleanAuthor(text);
  if (!name || name.length > 60 || name.split(/\s+/u).length > 6) return false;
  if (/[.!?]$/u.test(name) && !/\b\p{Lu}\.$/u.test(name)) return false;
  return !NUMBER_ONLY.test(name);
}

const NUMBER_ONLY = /^[\s+\-−–▲▼👍👎\d.,/]*$/u;

function cleanAuthor(text: string): string | null {
  const name = text.replace(SAYS, '').replace(/^(?:by|from|od)\s+/iu, '').replace(/[:\s]+$/u, '').trim();
  return name.length > 0 ? name : null;
}

const QUOTE_LEAD = /^(?:quote|quoting|citat|цитата)\s*(?:from\s+)?:?\s*(.{1,60}?)\s*$|^(.{1,60}?)\s+(?:wrote|said|says|napisao|пишет)\s*:?\s*$|^originally posted by\s+(.{1,60}?)\s*$/iu;

/** The quoted author when the quote names one: a `<cite>`, a data attribute, or a "Quote: name" / "name wrote:" lead line. */
function quotedAuthor(quote: HtmlElement): string | null {
  const cite = Array.from(quote.querySelectorAll('cite'))[0];
  if (cite && isNameLike(textOf(cite))) return cleanAuthor(textOf(cite));
  for (const name of ['data-author', 'data-user', 'data-username', 'data-name']) {
    const value = quote.getAttribute(name)?.trim();
    if (value) return value;
  }
  const firstLine = htmlBlocks(quote)[0]?.text ?? '';
  const lead = QUOTE_LEAD.exec(firstLine);
  const name = lead?.[1] ?? lead?.[2] ?? lead?.[3] ?? null;
  return name ? name.trim() : null;
}

function commonAncestor(a: HtmlElement, b: HtmlElement, within: HtmlElement): HtmlElement | null {
  for (let up: HtmlElement | null = a.parentElement; up && up !== within; up = up.parentElement) {
    if (contains(up, b)) return up;
  }
  return null;
}

/** The text of a comment: its own blocks, without nested replies, the header, controls, likes or quoted words. */
function commentBlocks(
  item: HtmlElement,
  items: readonly HtmlElement[],
  anchor: HtmlElement | null,
  author: HtmlElement | null,
  quote: HtmlElement | null = null,
  likes: HtmlElement | null = null,
): string[] {
  const anchorLength = anchor ? textOf(anchor).length : 0;
  const authorLength = author ? textOf(author).length : 0;
  // The header: the smallest element holding both author and date, when it holds little else.
  const header = anchor && author ? commonAncestor(anchor, author, item) : null;
  const skip = (element: HtmlElement): boolean => {
    if (element !== item && items.includes(element)) return true;
    if (element === anchor || element === author || element === quote || element === likes) return true;
    const tag = tagOf(element);
    if (tag === 'FORM' || tag === 'BUTTON') return true;
    const text = textOf(element);
    if (element === header) return text.length <= anchorLength + authorLength + 40;
    // A wrapper around just the date or just the name (`<div class="comment-metadata"><a><time>`).
    if (anchor && contains(element, anchor) && !(author && contains(element, author))) return text.length <= anchorLength + 25;
    if (author && contains(element, author) && !(anchor && contains(element, anchor))) return text.length <= authorLength + 25;
    const names = markupNames(element);
    if (namesSay(names, 'comment-chrome') && text.length <= 150 && !(header && contains(element, header))) return true;
    if (namesSay(names, 'comment-likes') && text.length <= 40) return true;
    return false;
  };
  const lines: string[] = [];
  for (const block of htmlBlocks(item, { skip })) {
    const text = block.text.replace(/^(?:says|wrote)\s*:\s*/iu, '').trim();
    if (!text) continue;
    const family = matchBoilerplate(text);
    if (family && family.role !== 'outlet') continue;
    lines.push(text);
  }
  return lines;
}
