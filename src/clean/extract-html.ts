/**
 * First-pass main-text extraction from HTML: Readability on a linkedom document (jsdom does not
 * load on Node 20 here; linkedom is lighter), plus page metadata (og:, article:, JSON-LD, <time>).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Extracted } from './clean-article.js';
import { normaliseText, splitParagraphs } from './normalise-text.js';

/** Elements that start a new paragraph; text between them is one paragraph, whatever wraps it. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME']);

/** Extracts title, body paragraphs, and metadata from an HTML page. */
export function extractHtml(html: string): Extracted {
  const { document } = parseHTML(html);
  const meta = readMetadata(document);
  // Readability mutates the document, so metadata is read first.
  let article: { title?: string | null; content?: string | null; textContent?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  let paragraphs: string[] = [];
  if (article?.content) paragraphs = blockTexts(article.content);
  if (paragraphs.length === 0) {
    const { document: fresh } = parseHTML(html);
    paragraphs = splitParagraphs(normaliseText(fresh.body?.textContent ?? ''));
  }
  const title = clean(meta.title ?? article?.title ?? null);
  if (title && paragraphs[0] === title) paragraphs.shift();
  return {
    title,
    paragraphs,
    published: meta.published,
    publishedEvidence: meta.publishedEvidence,
    outlet: meta.siteName ? { name: meta.siteName, evidence: `HTML metadata ${meta.siteNameSource}: "${meta.siteName}"` } : null,
    language: meta.language,
  };
}

function blockTexts(contentHtml: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = clean(current);
    if (text) out.push(text);
    current = '';
  };
  // Depth-first walk: text accumulates until a block boundary, so text that sits directly in a
  // <div> or between <br>s is kept as its own paragraph instead of being lost.
  const walk = (node: { childNodes: ArrayLike<unknown> }): void => {
    for (const child of Array.from(node.childNodes) as { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }[]) {
      if (child.nodeType === 3) {
        current += child.textContent ?? '';
      } else if (child.nodeType === 1) {
        const tag = child.nodeName.toUpperCase();
        if (SKIP_TAGS.has(tag)) continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
        else current += ' ';
      }
    }
  };
  if (document.body) walk(document.body);
  flush();
  return out;
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
  const metaContent = (selector: string): string | null =>
    document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const jsonLd = readJsonLd(document);
  const timeElement = document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || null;

  const publishedCandidates: [string | null, string][] = [
    [metaContent('meta[property="article:published_time"]'), 'HTML meta article:published_time'],
    [jsonLd.datePublished, 'JSON-LD datePublished'],
    [metaContent('meta[name="pubdate"], meta[name="publish-date"], meta[name="date"]'), 'HTML meta date'],
    [timeElement, 'HTML <time datetime>'],
  ];
  const [published, publishedEvidence] = publishedCandidates.find(([value]) => value) ?? [null, null];

  const siteCandidates: [string | null, string][] = [
    [metaContent('meta[property="og:site_name"]'), 'og:site_name'],
    [jsonLd.publisher, 'JSON-LD publisher'],
    [metaContent('meta[name="application-name"]'), 'application-name'],
  ];
  const [siteName, siteNameSource] = siteCandidates.find(([value]) => value) ?? [null, null];

  const title =
    metaContent('meta[property="og:title"]') ?? jsonLd.headline ?? (document.querySelector('title')?.textContent?.trim() || null);
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
