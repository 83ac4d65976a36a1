/**
 * Page furniture that Readability may keep inside an article: share bars, related and most-read
 * lists, newsletter boxes, tag lists, ads, cookie banners, author boxes, navigation and forms (by
 * their markup), and byline/date blocks, which become `meta` lines rather than body text.
 */
import { matchBoilerplate } from './boilerplate-families.js';
import { htmlBlocks } from './html-blocks.js';
import { childElements, contains, linkDensity, walkElements, markupNames, tagOf, type HtmlElement } from './html-dom.js';
import { articleRegion, followsMainText, holdsMainText, inProse, type PageLayout } from './html-main-text.js';
import { hasRole, namesSay, namesSayExactly } from './html-markup.js';

/** Lines taken out of the page: furniture, and byline/date lines. */
export interface HtmlFurniture {
  readonly boilerplate: readonly string[];
  readonly meta: readonly string[];
  /** The standfirst printed above the text, when the markup names one. */
  readonly standfirst: string | null;
}

/** Longest line kept in `boilerplate`; the list is for people to skim, not a second body. */
export const MAX_BOILERPLATE_LINE = 300;
/** A byline block is short; a longer block with a date in its class is something else. */
const MAX_META = 250;
/** A block this long with few links is prose whatever its class says. */
const MAX_FURNITURE_PROSE = 2500;

/** Finds furniture and byline blocks, records their lines, and removes them from the page. */
export function takeHtmlFurniture(layout: PageLayout): HtmlFurniture {
  const boilerplate: string[] = [];
  const meta: string[] = [];
  const region = articleRegion(layout);
  const taken: HtmlElement[] = [];
  let standfirst: string | null = null;
  walkElements(layout.root, (element) => {
    if (holdsMainText(layout, element)) return true;
    const kind = furnitureKind(element, layout, region) ?? (standfirst === null && isStandfirst(element, layout, region) ? 'standfirst' : null);
    if (!kind) return true;
    if (kind === 'meta') {
      // Share buttons and "more stories" links inside a byline block are furniture, not the byline.
      const isFurniture = (inner: HtmlElement): boolean => {
        if (inner === element || !namesSay(markupNames(inner), 'boilerplate')) return false;
        boilerplate.push(...htmlBlocks(inner).map((block) => block.text));
        return true;
      };
      for (const block of htmlBlocks(element, { skip: isFurniture })) {
        if (block.text.length > MAX_META || block.linkDensity > 0.5 && block.text.split(/\s+/u).length > 4) boilerplate.push(block.text);
        else if (matchBoilerplate(block.text)) boilerplate.push(block.text);
        else meta.push(block.text);
      }
      taken.push(element);
      return false;
    }
    const lines = htmlBlocks(element).map((block) => block.text);
    if (kind === 'standfirst') standfirst = lines.join(' ');
    else boilerplate.push(...lines.filter((line) => line.length <= MAX_BOILERPLATE_LINE));
    taken.push(element);
    return false;
  });
  for (const element of taken) element.remove();
  return { boilerplate: [...new Set(boilerplate)], meta: [...new Set(meta)], standfirst };
}

function furnitureKind(element: HtmlElement, layout: PageLayout, region: HtmlElement | null): 'boilerplate' | 'meta' | null {
  const tag = tagOf(element);
  const stat = layout.stats.get(element);
  if (tag === 'NAV' || tag === 'FORM') return 'boilerplate';
  if (isHoverCard(element, layout)) return 'boilerplate';
  const names = markupNames(element);
  if (names.names.length === 0) return null;
  // Inside a sentence only an exact name (`screen-reader-text`) counts: a linked name classed
  // `auto-tag_…` is still part of the sentence.
  if (inProse(layout, element)) return namesSayExactly(names, 'boilerplate') ? 'boilerplate' : null;
  if (namesSay(names, 'boilerplate')) {
    if (stat && stat.text > MAX_FURNITURE_PROSE && linkDensity(stat) < 0.3) return null;
    return inCaption(element) ? null : 'boilerplate';
  }
  if (namesSay(names, 'meta') && region && contains(region, element) && !inCaption(element)) {
    // A byline block holds a line or two; a longer author block after the text is the author's bio.
    if ((stat?.text ?? 0) > MAX_META) return followsMainText(layout, element) && linkDensity(stat) < 0.5 ? 'boilerplate' : null;
    if (!bylinePlace(element, layout) || Array.from(element.querySelectorAll('p')).length > 2) return null;
    return 'meta';
  }
  return null;
}

/**
 * A hover card: an inline element inside a sentence that holds a picture and a list of links (a
 * person's photo and their latest stories), shown on hover and read by scrapers as run-on text.
 * Only the innermost such element goes, so the linked name in the sentence stays.
 */
function isHoverCard(element: HtmlElement, layout: PageLayout): boolean {
  const qualifies = (candidate: HtmlElement): boolean => {
    const stat = layout.stats.get(candidate);
    if (!stat || stat.text < 40 || linkDensity(stat) < 0.7) return false;
    return Array.from(candidate.querySelectorAll('img')).length > 0 && Array.from(candidate.querySelectorAll('a')).length >= 2;
  };
  if (!inProse(layout, element) || !qualifies(element)) return false;
  return !childElements(element).some((child) => qualifies(child));
}

/** A byline stands above the text or inside it; a date further down the page belongs to a list of other stories. */
function bylinePlace(element: HtmlElement, layout: PageLayout): boolean {
  const main = layout.main;
  if (!main) return false;
  return contains(main, element) || (layout.order.get(element) ?? Infinity) < (layout.order.get(main) ?? -1);
}

/** Shortest and longest standfirst, in non-space characters. */
const STANDFIRST_LENGTH = { min: 30, max: 500 } as const;

/**
 * A standfirst: named so by its class, above the main text and outside it (a first paragraph
 * classed `lead` inside the text is the text's), in the article, a sentence or two of prose.
 */
function isStandfirst(element: HtmlElement, layout: PageLayout, region: HtmlElement | null): boolean {
  const main = layout.main;
  if (!main || !region || !contains(region, element) || contains(main, element)) return false;
  if ((layout.order.get(element) ?? Infinity) > (layout.order.get(main) ?? -1)) return false;
  const stat = layout.stats.get(element);
  if (!stat || stat.text < STANDFIRST_LENGTH.min || stat.text > STANDFIRST_LENGTH.max || linkDensity(stat) > 0.3) return false;
  if (inProse(layout, element) || inCaption(element) || !hasRole(element, 'standfirst')) return false;
  // A "lead" block holding the lead photo is the photo's; its caption is not the standfirst.
  return Array.from(element.querySelectorAll('figure, img, picture, video, figcaption')).length === 0;
}

/** Figures and captions are the caption pass's: a credit classed `author` is not a byline. */
function inCaption(element: HtmlElement): boolean {
  for (let up: HtmlElement | null = element; up; up = up.parentElement) {
    const tag = tagOf(up);
    if (tag === 'FIGURE' || tag === 'FIGCAPTION' || hasRole(up, 'caption')) return true;
    if (tag === 'BODY') return false;
  }
  return false;
}
