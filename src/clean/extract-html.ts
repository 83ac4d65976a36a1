/**
 * Main-text extraction from HTML: our own passes around Readability (run on linkedom; jsdom does not
 * load on Node 20 here, and linkedom is lighter), plus page metadata (og:, article:, JSON-LD, <time>).
 * Readability finds the article well but keeps what its scoring cannot tell from text (captions,
 * embedded tweets, share and related-link residue) and keeps reader comments unless their markup
 * says "comment"; the passes here take those out first, as structured data, and tidy its output after.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Caption, Comment, Embed } from '../doc/types.js';
import type { Extracted } from './clean-article.js';
import { htmlBlocks, type HtmlBlock } from './html-blocks.js';
import { MAX_BOILERPLATE_LINE, takeHtmlFurniture } from './html-boilerplate.js';
import { takeHtmlCaptions } from './html-captions.js';
import { takeHtmlComments } from './html-comments.js';
import { isHidden, walkElements, type HtmlDocument, type HtmlElement } from './html-dom.js';
import { takeHtmlEmbeds } from './html-embeds.js';
import { largestTextCluster, layoutPage } from './html-main-text.js';
import { hasRole } from './html-markup.js';
import { sortHtmlBlocks } from './html-paragraphs.js';
import { normaliseText, splitParagraphs } from './normalise-text.js';

/** Readability output shorter than this (characters) is a failure, not an article. */
const MIN_ARTICLE_TEXT = 200;
/** Readability output holding less than this share of the main text element's paragraphs chose the wrong block. */
const MIN_MAIN_COVERAGE = 0.5;

/** Extracts title, body paragraphs, metadata, captions, embeds, comments and boilerplate from an HTML page. */
export function extractHtml(html: string): Extracted {
  const document = parsePage(html);
  // 1. Page metadata, read first: the passes and Readability change the document.
  const meta = readMetadata(document);
  const title = clean(meta.title ?? null);

  // 2. Our passes: embeds, comments, furniture and captions leave the page as structured data.
  const page = preparePage(document as unknown as HtmlDocument);

  // 3. Readability on what is left; its blocks, sorted.
  let article: { title?: string | null; content?: HtmlElement | null; textContent?: string | null } | null = null;
  try {
    article = new Readability<HtmlElement>(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
      serializer: (node) => node as unknown as HtmlElement,
    }).parse();
  } catch {
    article = null; // A page Readability cannot walk still has text: the fallback below finds it.
  }
  let blocks: HtmlBlock[] = article?.content ? htmlBlocks(article.content) : [];

  // 4. Fallback when Readability fails (nothing, a scrap, or a block that misses most of the main
  //    text): the largest cluster of text blocks, on a fresh copy of the page.
  const mainLength = page.mainText.reduce((sum, text) => sum + text.length, 0);
  const missedMain = coverage(page.mainText, blocks) < MIN_MAIN_COVERAGE && textLength(blocks) < mainLength / 2;
  if (textLength(blocks) < MIN_ARTICLE_TEXT || missedMain) {
    const again = preparePage(parsePage(html) as unknown as HtmlDocument);
    const cluster = again.layout ? largestTextCluster(again.layout) : null;
    const clusterBlocks = cluster ? htmlBlocks(cluster) : [];
    if (textLength(clusterBlocks) > textLength(blocks)) blocks = clusterBlocks;
  }
  const sorted = sortHtmlBlocks(blocks, title ?? clean(article?.title ?? null));
  let paragraphs = [...sorted.paragraphs];
  if (paragraphs.length === 0) {
    paragraphs = splitParagraphs(normaliseText((parsePage(html) as unknown as HtmlDocument).body?.textContent ?? ''));
  }

  return {
    title: title ?? clean(article?.title ?? null),
    paragraphs,
    published: meta.published,
    publishedEvidence: meta.publishedEvidence,
    outlet: meta.siteName ? { name: meta.siteName, evidence: `HTML metadata ${meta.siteNameSource}: "${meta.siteName}"` } : null,
    language: meta.language,
    standfirst: page.standfirst,
    meta: unique([...page.meta, ...sorted.meta]),
    captions: uniqueCaptions([...page.captions, ...sorted.captions]),
    embeds: page.embeds,
    comments: page.comments,
    boilerplate: unique([...page.boilerplate, ...sorted.boilerplate]).filter((line) => line.length <= MAX_BOILERPLATE_LINE),
  };
}

/**
 * Parses a page. linkedom gives a document without a root element for input with no markup at all
 * (an empty string, a bare `<!--`), and its `body` getter then throws; such input is read as body text.
 */
function parsePage(html: string): ReturnType<typeof parseHTML>['document'] {
  const { document } = parseHTML(html);
  if (document.documentElement) return document;
  const escaped = html.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
  return parseHTML(`<!doctype html><html><head></head><body>${escaped}</body></html>`).document;
}

interface PreparedPage {
  readonly layout: ReturnType<typeof layoutPage> | null;
  /** Paragraphs of the main text element after the passes, read before Readability changes the page. */
  readonly mainText: readonly string[];
  readonly standfirst: string | null;
  readonly meta: readonly string[];
  readonly captions: readonly Caption[];
  readonly embeds: readonly Embed[];
  readonly comments: readonly Comment[];
  readonly boilerplate: readonly string[];
}

/** Runs our passes over a parsed page, changing it, and returns what they took out. */
function preparePage(document: HtmlDocument): PreparedPage {
  const root = document.body;
  const html = document.documentElement;
  // Readability's "unlikely candidate" test reads class names on <html> too, and a page-state class
  // such as `header-spacing` there removes the whole page; the root's names say nothing about text.
  if (html) {
    html.removeAttribute('class');
    html.removeAttribute('id');
  }
  const embeds = takeHtmlEmbeds(document);
  if (root) removeHidden(root);
  if (!root) return { layout: null, mainText: [], standfirst: null, meta: [], captions: [], embeds, comments: [], boilerplate: [] };
  // The article is looked for outside comment sections: a long comment is not the article.
  const layout = layoutPage(root, (element) => hasRole(element, 'comments'));
  const comments = takeHtmlComments(layout);
  // Furniture before captions: a related-stories card's "caption" is the card's headline.
  const furniture = takeHtmlFurniture(layout);
  const captions = takeHtmlCaptions(layout);
  return {
    layout,
    mainText: layout.main ? htmlBlocks(layout.main).map((block) => block.text) : [],
    standfirst: furniture.standfirst,
    meta: furniture.meta,
    captions: captions.captions,
    embeds,
    comments: comments.comments,
    boilerplate: [...comments.boilerplate, ...captions.boilerplate, ...furniture.boilerplate],
  };
}

/** Takes out what the page does not show, before anything measures it. */
function removeHidden(root: HtmlElement): void {
  const hidden: HtmlElement[] = [];
  walkElements(root, (element) => {
    if (!isHidden(element)) return true;
    hidden.push(element);
    return false;
  });
  for (const element of hidden) element.remove();
}

/** Share of the main text's characters that Readability's blocks hold; 1 when there is no main text to check. */
function coverage(mainText: readonly string[], blocks: readonly HtmlBlock[]): number {
  const total = mainText.reduce((sum, text) => sum + text.length, 0);
  if (total === 0) return 1;
  const kept = new Set(blocks.map((block) => block.text));
  return mainText.reduce((sum, text) => sum + (kept.has(text) ? text.length : 0), 0) / total;
}

function textLength(blocks: readonly HtmlBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.text.length, 0);
}

function unique(lines: readonly string[]): string[] {
  return [...new Set(lines.map((line) => line.trim()).filter(Boolean))];
}

function uniqueCaptions(captions: readonly Caption[]): Caption[] {
  const seen = new Set<string>();
  return captions.filter((caption) => {
    const key = `${caption.text}\u0000${caption.credit ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function clean(value: string | null): string | null {
  if (value === null) return null;
  const text = normaliseText(value).replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : null;
}

interface PageMetadata {
  readonly title: string | null;
  readonly published: string | null;
  readonly publishedEvidence: string | null;
  readonly siteName: string | null;
  readonly siteNameSource: string | null;
  readonly language: string | null;
}

function readMetadata(document: ReturnType<typeof parseHTML>['document']): PageMetadata {
  // One pass over <meta> rather than a document-wide query per field: linkedom's attribute
  // selectors walk the whole tree each time.
  const firstContent = new Map<string, string>();
  for (const element of document.querySelectorAll('meta') as Iterable<HtmlElement>) {
    const content = element.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name']) {
      const key = element.getAttribute(attribute);
      if (key && !firstContent.has(`${attribute}=${key}`)) firstContent.set(`${attribute}=${key}`, content);
    }
  }
  const metaContent = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = firstContent.get(key);
      if (value) return value;
    }
    return null;
  };
  const jsonLd = readJsonLd(document);
  const timeElement = document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || null;

  const publishedCandidates: [string | null, string][] = [
    [metaContent('property=article:published_time'), 'HTML meta article:published_time'],
    [jsonLd.datePublished, 'JSON-LD datePublished'],
    [metaContent('name=pubdate', 'name=publish-date', 'name=date'), 'HTML meta date'],
    [timeElement, 'HTML <time datetime>'],
  ];
  const [published, publishedEvidence] = publishedCandidates.find(([value]) => value) ?? [null, null];

  const siteCandidates: [string | null, string][] = [
    [metaContent('property=og:site_name'), 'og:site_name'],
    [jsonLd.publisher, 'JSON-LD publisher'],
    [metaContent('name=application-name'), 'application-name'],
  ];
  const [siteName, siteNameSource] = siteCandidates.find(([value]) => value) ?? [null, null];

  const title =
    metaContent('property=og:title') ?? jsonLd.headline ?? (document.querySelector('title')?.textContent?.trim() || null);
  const lang = document.documentElement?.getAttribute('lang')?.trim().toLowerCase() || null;
  return { title, published, publishedEvidence, siteName, siteNameSource, language: lang ? lang.split('-')[0] ?? null : null };
}

function readJsonLd(document: ReturnType<typeof parseHTML>['document']): {
  datePublished: string | null;
  publisher: string | null;
  headline: string | null;
} {
  const found = { datePublished: null as string | null, publisher: null as string | null, headline: null as string | null };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // Malformed JSON-LD is common on real pages; the rest of the page still counts.
    }
    const nodes = Array.isArray(data) ? data : [data, ...(((data as { '@graph'?: unknown[] })?.['@graph']) ?? [])];
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue;
      const record = node as Record<string, unknown>;
      if (typeof record.datePublished === 'string') found.datePublished ??= record.datePublished;
      if (typeof record.headline === 'string') found.headline ??= record.headline;
      const publisher = record.publisher as { name?: unknown } | undefined;
      if (publisher && typeof publisher.name === 'string') found.publisher ??= publisher.name;
    }
  }
  return found;
}
