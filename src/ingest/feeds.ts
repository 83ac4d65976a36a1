/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds to a list of items, with fast-xml-parser. Real feeds are
 * often not well-formed XML (a bare `&` in a link): those are parsed leniently with a warning, and
 * only a document with no recognisable feed in it is a failure.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { bomEncoding, decodeBytes } from './decode.js';
import type { InputFailure } from './types.js';

/** One entry of a feed. Strings are as the feed gives them (dates unparsed); links are absolute. */
export interface FeedItem {
  /** The item's link, resolved against the feed URL; null when the item has none. */
  readonly url: string | null;
  readonly title: string | null;
  readonly published: string | null;
  /** The short description (HTML as given). */
  readonly summary: string | null;
  /** Full content (RSS content:encoded, Atom content) as HTML, when the feed carries it. */
  readonly contentHtml?: string;
}

/** A parsed feed. */
export interface Feed {
  readonly kind: 'rss' | 'rdf' | 'atom';
  readonly title: string | null;
  readonly items: readonly FeedItem[];
  /** Problems met but survived, e.g. XML that is not well formed. */
  readonly warnings: readonly string[];
}

/** The outcome of parseFeed: the feed, or a failure naming the feed URL and the reason. */
export type FeedResult = ({ readonly ok: true } & Feed) | { readonly ok: false; readonly failure: InputFailure };

const FEED_MIME_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/x-rss+xml']);

/** True when the bytes or text are an RSS/Atom feed, by Content-Type or by their root element. */
export function looksLikeFeed(content: Uint8Array | string, contentType?: string | null): boolean {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (FEED_MIME_TYPES.has(mime)) return true;
  if (/^(image|audio|video|font)\/|^application\/(pdf|json|zip|octet-stream)$/.test(mime)) return false;
  const head = typeof content === 'string' ? content.slice(0, 4096) : headText(content);
  const root = skipProlog(head);
  if (/^<rss[\s>]/i.test(root)) return true;
  if (/^<feed[\s>]/.test(root)) return true;
  // rdf:RDF is used for much besides feeds: require the RSS 1.0 namespace.
  return /^<rdf:RDF[\s>]/.test(root) && head.includes('http://purl.org/rss/1.0/');
}

/** Parses an RSS 2.0, RSS 1.0 or Atom document. Never throws; a document that is no feed is a failure. */
export function parseFeed(xml: string, feedUrl: string): FeedResult {
  const fail = (message: string): FeedResult => ({ ok: false, failure: { input: feedUrl, code: 'bad-feed', message: `${feedUrl}: ${message}` } });
  const warnings: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) warnings.push(`the feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); read leniently`);

  let document: Record<string, unknown>;
  try {
    document = PARSER.parse(xml) as Record<string, unknown>;
  } catch (error) {
    return fail(`not readable as XML: ${error instanceof Error ? error.message : String(error)}`);
  }

  let feed: Omit<Feed, 'warnings'>;
  const rss = asRecord(document.rss);
  const rdf = asRecord(document['rdf:RDF']);
  const atom = asRecord(document.feed);
  if (rss) {
    const channel = asRecord(first(rss.channel)) ?? {};
    feed = { kind: 'rss', title: plainText(channel.title), items: asArray(channel.item).map((item) => rssItem(asRecord(item) ?? {}, feedUrl)) };
  } else if (rdf) {
    const channel = asRecord(first(rdf.channel)) ?? {};
    feed = { kind: 'rdf', title: plainText(channel.title), items: asArray(rdf.item).map((item) => rssItem(asRecord(item) ?? {}, feedUrl)) };
  } else if (atom) {
    feed = { kind: 'atom', title: atomText(atom.title), items: asArray(atom.entry).map((entry) => atomEntry(asRecord(entry) ?? {}, feedUrl)) };
  } else {
    const root = Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('#'));
    if (valid !== true) return fail(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
    return fail(`not an RSS or Atom feed (the root element is ${root ? `<${root}>` : 'missing'})`);
  }
  // Lenient parsing of broken XML may find a root and nothing in it: that is no feed.
  if (valid !== true && feed.items.length === 0) return fail(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg}) and no items could be read`);
  return { ok: true, ...feed, warnings };
}

const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Atom content may be inline XHTML; keep it as markup rather than as parsed objects.
  stopNodes: ['*.entry.content'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  htmlEntities: true,
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

function rssItem(item: Record<string, unknown>, feedUrl: string): FeedItem {
  const guid = first(item.guid);
  const guidRecord = asRecord(guid);
  const permalink = guidRecord?.['@_isPermaLink'] === 'false' ? null : textOf(guid);
  const link = asArray(item.link).map(textOf).find((l) => l) ?? (permalink && /^https?:\/\//i.test(permalink) ? permalink : null);
  const content = textOf(item['content:encoded']);
  return {
    url: resolve(link, feedUrl),
    title: plainText(item.title),
    published: textOf(item.pubDate) ?? textOf(item['dc:date']),
    summary: textOf(item.description),
    ...(content ? { contentHtml: content } : {}),
  };
}

function atomEntry(entry: Record<string, unknown>, feedUrl: string): FeedItem {
  const links = asArray(entry.link).map((l) => asRecord(l) ?? {});
  const alternate =
    links.find((l) => (l['@_rel'] === undefined || l['@_rel'] === 'alternate') && /html/.test(String(l['@_type'] ?? 'text/html'))) ??
    links.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate');
  const content = atomContent(entry.content);
  const summary = atomHtml(entry.summary);
  return {
    url: resolve(textOf(alternate?.['@_href']), feedUrl),
    title: atomText(entry.title),
    published: textOf(entry.published) ?? textOf(entry.updated),
    summary,
    ...(content ? { contentHtml: content } : {}),
  };
}

/** Atom content (kept raw by the parser): inline XHTML as is, escaped HTML unescaped, text escaped into HTML. */
function atomContent(value: unknown): string | null {
  const record = asRecord(value);
  if (record?.['@_src'] !== undefined) return null; // content elsewhere: the link is fetched instead
  const raw = (record ? textOf(record['#text']) : textOf(value)) ?? '';
  if (raw.trim() === '') return null;
  const type = String(record?.['@_type'] ?? 'text').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') return raw.trim();
  const decoded = unescapeXml(raw).trim();
  if (type === 'html' || type === 'text/html') return decoded;
  return decoded
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
    .join('\n');
}

/** An Atom text construct (title, summary) as HTML. */
function atomHtml(value: unknown): string | null {
  const record = asRecord(value);
  const text = record ? textOf(record['#text']) : textOf(value);
  if (text === null) return null;
  const type = String(record?.['@_type'] ?? 'text').toLowerCase();
  return type === 'text' ? escapeHtml(text) : text;
}

/** An Atom text construct as plain text. */
function atomText(value: unknown): string | null {
  const html = atomHtml(value);
  return html === null ? null : htmlToText(html);
}

/** RSS titles are plain text by the spec but often carry entities or tags; reduce them to text. */
function plainText(value: unknown): string | null {
  const text = textOf(first(value));
  return text === null ? null : htmlToText(text);
}

function htmlToText(html: string): string | null {
  if (!/[<&]/.test(html)) return html.trim() || null;
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const text = (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text || null;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  const record = asRecord(value);
  return record ? textOf(record['#text']) : null;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function asArray(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function resolve(link: string | null | undefined, base: string): string | null {
  if (!link) return null;
  try {
    return new URL(link, base).href;
  } catch {
    // Kept as given: fetching it then fails with a message that quotes it.
    return link;
  }
}

/** Entities and CDATA of raw XML text (the parser leaves stop-node content untouched). */
function unescapeXml(raw: string): string {
  return raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part) =>
    part.startsWith('<![CDATA[')
      ? part.slice(9, -3)
      : part.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (entity, name: string) => {
          const lower = name.toLowerCase();
          if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16)) ?? entity;
          if (lower.startsWith('#')) return safeCodePoint(Number.parseInt(lower.slice(1), 10)) ?? entity;
          return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? entity;
        }),
  ).join('');
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The first 4 KiB as text: decoded if UTF-16, else byte-per-character (root elements are ASCII). */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  if (bomEncoding(head)?.name.startsWith('utf-16')) return decodeBytes(head).text;
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
}

/** Skips a BOM, whitespace, the XML declaration, processing instructions, comments and a DOCTYPE. */
function skipProlog(text: string): string {
  let rest = text.replace(/^(\ufeff|\u00ef\u00bb\u00bf)/, '').trimStart();
  for (;;) {
    const next = rest
      .replace(/^<\?[\s\S]*?\?>\s*/, '')
      .replace(/^<!--[\s\S]*?-->\s*/, '')
      .replace(/^<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>\s*/i, '');
    if (next === rest) return rest;
    rest = next;
  }
}
