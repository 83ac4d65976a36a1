/**
 * Photo captions and credits of an HTML page: `<figure>`/`<figcaption>`, and elements whose class
 * says caption or credit (`wp-caption-text`, `photo-credit`...). Each becomes a Caption and is taken
 * out of the page, so the body holds article text only.
 */
import type { Caption } from '../doc/types.js';
import { htmlBlocks } from './html-blocks.js';
import { contains, descendants, tagOf, textOf, walkElements, type HtmlElement } from './html-dom.js';
import { holdsMainText, inProse, isPageFrame, type PageLayout } from './html-main-text.js';
import { hasRole } from './html-markup.js';

/** Captions taken from a page, and the leftover text of the figures they came from (`Expand`, `1 of 5`). */
export interface HtmlCaptions {
  readonly captions: readonly Caption[];
  readonly boilerplate: readonly string[];
}

/** A caption container holding more than this (non-space characters) is a layout block, not a caption. */
const MAX_CAPTION = 1200;
/** A figure whose text, captions aside, is no longer than this is image chrome and goes with its caption. */
const MAX_FIGURE_CHROME = 60;

/** Finds captions and credits, records them, and removes them from the page. */
export function takeHtmlCaptions(layout: PageLayout): HtmlCaptions {
  const captions: Caption[] = [];
  const boilerplate: string[] = [];
  const seen = new Set<string>();
  const add = (caption: Caption): void => {
    const key = `${caption.text}\u0000${caption.credit ?? ''}`;
    if ((!caption.text && !caption.credit) || seen.has(key)) return;
    seen.add(key);
    captions.push(caption);
  };

  // 1. Containers: figures, and the outermost elements whose class says caption; loose credits by images.
  const containers: HtmlElement[] = [];
  walkElements(layout.root, (element) => {
    // A logo and a copyright line in the footer are not a photo and its credit.
    if (isPageFrame(element)) return false;
    const isFigure = tagOf(element) === 'FIGURE';
    const isCaption = tagOf(element) === 'FIGCAPTION' || hasRole(element, 'caption');
    const isLooseCredit = !isFigure && !isCaption && hasRole(element, 'credit') && besideImage(element);
    if ((!isFigure && !isCaption && !isLooseCredit) || inProse(layout, element)) return true;
    if (holdsMainText(layout, element) || (layout.stats.get(element)?.text ?? 0) > MAX_CAPTION) return true;
    containers.push(element);
    return false;
  });

  // 2. Each container's caption text and credit; then the container (or its caption parts) leaves the page.
  for (const container of containers) {
    const inner = descendants(container);
    const credits = inner.filter((element) => hasRole(element, 'credit') && !inner.some((other) => other !== element && hasRole(other, 'credit') && contains(other, element)));
    const creditSet = new Set(credits);
    const parts = tagOf(container) === 'FIGURE'
      ? inner.filter((element) => (tagOf(element) === 'FIGCAPTION' || hasRole(element, 'caption')) && !creditSet.has(element))
      : [container];
    const outerParts = parts.filter((part) => !parts.some((other) => other !== part && contains(other, part)));
    const skip = (element: HtmlElement): boolean => creditSet.has(element);
    const text = outerParts.flatMap((part) => htmlBlocks(part, { skip }).map((block) => block.text)).join(' ').replace(CAPTION_LEAD, '').trim();
    // A credit element that repeats the caption before the credit proper keeps only the credit.
    const credit = credits.map((element) => cleanCredit(textOf(element).replace(text && textOf(element).startsWith(text) ? text : '', ''))).filter(Boolean).join('; ') || null;
    add(credit ? { text, credit } : splitCredit(text));
    if (tagOf(container) === 'FIGURE') {
      const rest = htmlBlocks(container, { skip: (element) => creditSet.has(element) || outerParts.includes(element) });
      const chrome = rest.reduce((sum, block) => sum + block.text.replace(/\s+/gu, '').length, 0);
      if (chrome <= MAX_FIGURE_CHROME) {
        boilerplate.push(...rest.map((block) => block.text));
        container.remove();
      } else {
        // A figure holding more than an image (a pull quote, a table) keeps it; only the caption goes.
        for (const element of [...outerParts, ...credits]) element.remove();
      }
    } else {
      container.remove();
    }
  }
  return { captions, boilerplate: [...new Set(boilerplate)] };
}

/** A credit outside any caption is a photo credit only beside an image, and short; elsewhere `copyright` is the site's notice. */
function besideImage(element: HtmlElement): boolean {
  const text = textOf(element);
  if (text.length > MAX_LOOSE_CREDIT || /\brights reserved\b/iu.test(text)) return false;
  for (let up: HtmlElement | null = element.parentElement, level = 0; up && level < 2; up = up.parentElement, level += 1) {
    if (Array.from(up.querySelectorAll('img, picture, video')).length > 0) return true;
  }
  return false;
}

const CREDIT_LEAD = /^(?:\(?\s*(?:photo(?:graph)?s?|image|picture|foto|credit|illustration|video|source)\s*(?:credit|by)?\s*:\s*|(?:image|photo|picture)\s+copyright\s+|©\s*|\(c\)\s*)/iu;
/** Screen-reader labels some sites print before a caption. */
const CAPTION_LEAD = /^(?:image|photo|picture|media|video)\s+caption\s*:?\s*/iu;
/** A loose credit is a name or two; a longer "copyright" block is a notice. */
const MAX_LOOSE_CREDIT = 80;

/** `Photo: Barjak Online / N. Ristić` → `Barjak Online / N. Ristić`. */
function cleanCredit(text: string): string {
  return text.replace(CREDIT_LEAD, '').replace(/^\(\s*|\s*\)$/gu, '').trim();
}

/** Trailing credits printed inside a caption's own text, as captions put them. */
const TRAILING_CREDITS: readonly RegExp[] = [
  // … (Image: GETTY) / (Photo credit: Jane Doe)
  /\s*\(\s*(?:photo(?:graph)?s?|image|picture|foto|credit|illustration|video|source)\s*(?:credit|by)?\s*:\s*([^()]{1,80}?)\s*\)$/iu,
  // … (AP Photo/Alan Diaz, File)
  /\s*\(([^()]{0,30}\bphoto\b[^()]{1,60})\)$/iu,
  // … Credit: EPA / Photo: Barjak Online / N. Ristić
  /\s+(?:photo(?:graph)?s?|image|picture|foto|credit|illustration)\s*(?:credit|by)?\s*:\s*(.{1,80})$/iu,
  // … © NASA/ESA
  /\s*(?:©|\(c\))\s*(.{1,80})$/iu,
];

/** Splits a trailing credit off a caption's text. */
export function splitCredit(text: string): Caption {
  const whole = CREDIT_LEAD.exec(text);
  if (whole && text.length <= 100) return { text: '', credit: cleanCredit(text) };
  for (const pattern of TRAILING_CREDITS) {
    const match = pattern.exec(text);
    if (match?.[1] && match.index > 0) return { text: text.slice(0, match.index).trim(), credit: match[1].trim() };
  }
  return { text, credit: null };
}
