/**
 * URLs the user names to articles and failures. A page is one article; a feed is fetched with a
 * conditional GET and stands for its items: items that carry their full text are used as they
 * are, the others are fetched (a few at a time, politely, in feed order).
 */
import { articleFromBytes, decodeWith, sha256 } from './article-from-bytes.js';
import { charsetFromContentType } from './decode.js';
import { fetchUrl, type FetchOptions, type Fetched, type RobotsCache } from './fetch.js';
import { looksLikeFeed, parseFeed, type FeedItem } from './feeds.js';
import type { InputFailure, InputMeta, InputResult } from './types.js';

/** Validators remembered from a feed's last fetch, for a conditional GET. */
export interface FetchState {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly fetched: string;
}

/** Options for readUrlInputs: fetchUrl's options plus feed handling, state and notes. */
export interface UrlInputOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects?: number;
  readonly userAgent: string;
  readonly respectRobots?: boolean;
  /** Feed items fetched at once (default 4). */
  readonly concurrency?: number;
  readonly now: () => Date;
  /** Force this character encoding instead of detecting it. */
  readonly encoding?: string | undefined;
  /** The validators stored for a feed URL, if any. */
  readonly getFetchState?: (url: string) => Promise<{ readonly etag: string | null; readonly lastModified: string | null } | null>;
  /** Stores a feed's validators after its items were read. */
  readonly setFetchState?: (state: FetchState) => Promise<void>;
  /** Fetch the pages of feed items that carry no full content (default true). */
  readonly fetchFeedItems?: boolean;
  /** Informational lines for people: "feed unchanged", how many items a feed gave. */
  readonly onNote?: (message: string) => void;
  readonly signal?: AbortSignal;
  /** Shared robots.txt cache; one is made per call when absent. */
  readonly robotsCache?: RobotsCache;
  /** Text length above which an item's own content counts as the full article (default 500). */
  readonly fullContentMinChars?: number;
}

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_FULL_CONTENT_MIN_CHARS = 500;

/** Fetches each URL in order, yielding articles and failures; feeds expand into their items. */
export async function* readUrlInputs(urls: readonly string[], options: UrlInputOptions): AsyncGenerator<InputResult> {
  const robotsCache = options.robotsCache ?? new Map();
  const context: Context = { options, robotsCache };
  for (const url of urls) {
    if (options.signal?.aborted) return;
    const state = (await options.getFetchState?.(url)) ?? null;
    const fetched = await fetchUrl(url, fetchOptions(context, state));
    if (!fetched.ok) {
      yield fetched;
      continue;
    }
    if (fetched.status === 304) {
      // Only feeds have stored validators, so a 304 here is an unchanged feed.
      options.onNote?.(`${url}: feed unchanged since the last fetch (HTTP 304); no items read`);
      continue;
    }
    const bytes = fetched.bytes ?? new Uint8Array();
    if (looksLikeFeed(bytes, fetched.contentType)) {
      yield* readFeed(url, fetched, bytes, context);
      continue;
    }
    yield pageArticle(url, fetched, bytes, {}, context);
  }
}

interface Context {
  readonly options: UrlInputOptions;
  readonly robotsCache: RobotsCache;
}

function fetchOptions(context: Context, conditional: FetchOptions['conditional']): FetchOptions {
  const { options } = context;
  return {
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    ...(options.maxRedirects !== undefined ? { maxRedirects: options.maxRedirects } : {}),
    userAgent: options.userAgent,
    ...(options.respectRobots !== undefined ? { respectRobots: options.respectRobots } : {}),
    conditional,
    robotsCache: context.robotsCache,
    ...(options.signal ? { signal: options.signal } : {}),
    now: options.now,
  };
}

/** A fetched page as an article: origin.url is the URL as named, meta.url where it ended up. */
function pageArticle(url: string, fetched: Fetched, bytes: Uint8Array, meta: InputMeta, context: Context): InputResult {
  return articleFromBytes(bytes, {
    input: url,
    origin: { url },
    name: fetched.finalUrl,
    contentType: fetched.contentType,
    declared: charsetFromContentType(fetched.contentType),
    forced: context.options.encoding,
    fetched: fetched.fetched,
    meta: { ...meta, url: fetched.finalUrl },
  });
}

/** A feed's items, in feed order; the feed's validators are stored once they have all been read. */
async function* readFeed(url: string, fetched: Fetched, bytes: Uint8Array, context: Context): AsyncGenerator<InputResult> {
  const { options } = context;
  const decoded = decodeWith(bytes, { input: url, declared: charsetFromContentType(fetched.contentType), forced: options.encoding });
  if (!decoded.ok) {
    yield { ok: false, failure: { input: url, code: 'bad-encoding', message: decoded.message } };
    return;
  }
  const feed = parseFeed(decoded.decoded.text, fetched.finalUrl);
  if (!feed.ok) {
    yield { ok: false, failure: { ...feed.failure, input: url } };
    return;
  }
  for (const warning of feed.warnings) options.onNote?.(`${url}: ${warning}`);

  const minChars = options.fullContentMinChars ?? DEFAULT_FULL_CONTENT_MIN_CHARS;
  const seen = new Set<string>();
  const jobs: (() => Promise<InputResult>)[] = [];
  let full = 0;
  let toFetch = 0;
  let skipped = 0;
  feed.items.forEach((item, index) => {
    const position = index + 1;
    if (item.url !== null) {
      if (seen.has(item.url)) return; // the same story listed twice
      seen.add(item.url);
    }
    const meta = itemMeta(item, feed.title);
    if (item.contentHtml !== undefined && textLength(item.contentHtml) > minChars) {
      full += 1;
      const content = item.contentHtml;
      const origin = item.url !== null ? { url: item.url } : { url, item: position };
      const { encoding, method } = decoded.decoded;
      jobs.push(async () => ({
        ok: true,
        article: {
          origin: { ...origin, sha256: sha256(Buffer.from(content, 'utf8')), fetched: fetched.fetched, encoding: { name: encoding, method: `feed item content; feed ${method}` } },
          format: 'html',
          content,
          meta,
          warnings: [],
        },
      }));
    } else if (item.url === null) {
      jobs.push(async () => ({
        ok: false,
        failure: { input: `${url}:${position}`, code: 'no-link', message: `${url}: item ${position}${item.title ? ` ("${item.title}")` : ''} has no link and no full content` },
      }));
    } else if (options.fetchFeedItems ?? true) {
      toFetch += 1;
      const link = item.url;
      jobs.push(() => fetchItem(link, meta, context));
    } else skipped += 1;
  });

  let retryable = 0;
  for await (const result of mapOrdered(jobs, options.concurrency ?? DEFAULT_CONCURRENCY, options.signal)) {
    if (!result.ok && mayPassNextTime(result.failure)) retryable += 1;
    yield result;
  }

  const title = feed.title ? ` "${feed.title}"` : '';
  const parts = [`${full} with full content`, `${toFetch} fetched`, ...(skipped > 0 ? [`${skipped} not fetched (item fetching is off)`] : [])];
  options.onNote?.(`${url}: feed${title}, ${feed.items.length} item(s): ${parts.join(', ')}`);
  if (options.signal?.aborted) return;
  // Storing the validators makes the next run skip this feed while it is unchanged; items that
  // failed for a passing reason (timeout, refused, 5xx) would then never be retried.
  if (retryable > 0) {
    options.onNote?.(`${url}: ${retryable} item(s) failed for reasons that may pass; the whole feed will be read again next time`);
    return;
  }
  await options.setFetchState?.({ url, etag: fetched.etag, lastModified: fetched.lastModified, fetched: fetched.fetched });
}

/** Failures worth retrying: the network, a timeout, or the server's own trouble (5xx, 429). */
function mayPassNextTime(failure: InputFailure): boolean {
  if (failure.code === 'timeout' || failure.code === 'fetch-failed' || failure.code === 'aborted') return true;
  return failure.code === 'http-error' && /: HTTP (5\d\d|429)\b/.test(failure.message);
}

function itemMeta(item: FeedItem, feedTitle: string | null): InputMeta {
  return {
    ...(item.url !== null ? { url: item.url } : {}),
    ...(item.title !== null ? { title: item.title } : {}),
    ...(item.published !== null ? { published: item.published } : {}),
    ...(feedTitle !== null ? { outlet: feedTitle } : {}),
  };
}

/** One feed item's page; feeds met there are not followed (a feed of feeds is not a story). */
async function fetchItem(link: string, meta: InputMeta, context: Context): Promise<InputResult> {
  const fetched = await fetchUrl(link, fetchOptions(context, null));
  if (!fetched.ok) return fetched;
  const bytes = fetched.bytes ?? new Uint8Array();
  if (looksLikeFeed(bytes, fetched.contentType)) {
    return { ok: false, failure: { input: link, code: 'not-an-article', message: `${link}: is itself a feed, not an article; feeds inside feeds are not followed` } };
  }
  return pageArticle(link, fetched, bytes, meta, context);
}

/** Length of the text in an HTML string, roughly: tags and entities dropped, spaces collapsed. */
function textLength(html: string): number {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, 'x')
    .replace(/\s+/g, ' ')
    .trim().length;
}

/**
 * Runs jobs with at most `limit` in flight and yields their results in job order. Written here
 * rather than taken from p-map: it is a dozen lines, and ordered streaming output is what matters.
 * Jobs must not reject (fetchUrl and articleFromBytes return failures as values).
 */
async function* mapOrdered<T>(jobs: readonly (() => Promise<T>)[], limit: number, signal: AbortSignal | undefined): AsyncGenerator<T> {
  const running: Promise<T>[] = [];
  let next = 0;
  const start = (): void => {
    const job = jobs[next];
    next += 1;
    if (job) running.push(job());
  };
  while (next < jobs.length && running.length < Math.max(1, limit)) start();
  while (running.length > 0) {
    const result = await (running.shift() as Promise<T>);
    if (next < jobs.length && !signal?.aborted) start();
    yield result;
  }
}
