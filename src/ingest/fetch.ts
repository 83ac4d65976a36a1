/**
 * One URL to bytes, politely and within bounds: Node's fetch with our own redirect loop (so every
 * hop is checked: scheme, loops, robots.txt), one timeout for the whole request body included, a
 * size cap enforced while reading, conditional GET, and failures as values with plain messages.
 */
import { STATUS_CODES } from 'node:http';
import { connect } from 'node:net';
import robotsParserModule from 'robots-parser';
import { formatBytes } from './format-bytes.js';
import type { InputFailure } from './types.js';

// robots-parser is CommonJS typed with `export default`: at run time the default import is the
// function itself, while NodeNext types it as the module; this cast states what is really there.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** Per-origin robots.txt rules, shared between fetches so each origin's file is read once. */
export type RobotsCache = Map<string, Promise<RobotsRules>>;

/** The robots.txt that governs one origin (no rules when it was missing or unreadable). */
export interface RobotsRules {
  /** The robots.txt URL. */
  readonly url: string;
  /** The rule that forbids `url` for this user agent, as "line 3: Disallow: /private", or null when allowed. */
  readonly disallowedBy: (url: string) => string | null;
}

/** Options for fetchUrl; defaults: 5 redirects, robots.txt respected, no validators. */
export interface FetchOptions {
  /** Budget for the whole request: redirects, headers and body (and waiting for robots.txt, which has its own budget too). */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects?: number;
  readonly userAgent: string;
  readonly respectRobots?: boolean;
  /** Validators from an earlier fetch; a 304 answer then comes back as `status: 304` without bytes. */
  readonly conditional?: { readonly etag?: string | null; readonly lastModified?: string | null } | null;
  readonly robotsCache?: RobotsCache;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

/** A successful fetch: 2xx with the body, or 304 Not Modified without one. */
export interface Fetched {
  readonly ok: true;
  readonly status: number;
  /** The URL as given. */
  readonly url: string;
  /** The URL after redirects. */
  readonly finalUrl: string;
  /** The body; absent for 304. */
  readonly bytes?: Uint8Array;
  readonly contentType: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** ISO time the response arrived. */
  readonly fetched: string;
}

/** The outcome of fetchUrl: the response, or a failure naming the URL and the reason. */
export type FetchResult = Fetched | { readonly ok: false; readonly failure: InputFailure };

const DEFAULT_MAX_REDIRECTS = 5;
/** RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; more is ignored, not refused. */
const ROBOTS_MAX_BYTES = 512 * 1024;
const ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';

/** Fetches one http(s) URL; never throws (a bad URL, a refused connection or a 404 are failure values). */
export function fetchUrl(url: string, options: FetchOptions): Promise<FetchResult> {
  return request(url, options, 'fail');
}

async function request(url: string, options: FetchOptions, overflow: 'fail' | 'truncate'): Promise<FetchResult> {
  const fail = (code: string, message: string): FetchResult => ({ ok: false, failure: { input: url, code, message } });
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return fail('bad-url', `"${url}" is not a valid URL`);
  }
  if (!isHttp(current)) return fail('bad-url', `${url}: only http: and https: URLs are fetched, not ${current.protocol}`);

  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const local = new AbortController();
  const signal = AbortSignal.any([timeout, local.signal, ...(options.signal ? [options.signal] : [])]);
  const chain: string[] = [current.href];
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: ACCEPT };
  if (options.conditional?.etag) headers['if-none-match'] = options.conditional.etag;
  if (options.conditional?.lastModified) headers['if-modified-since'] = options.conditional.lastModified;
  const where = (): string => (chain.length > 1 ? `${url} (redirected to ${current.href})` : url);

  try {
    for (;;) {
      if (options.respectRobots ?? true) {
        const rules = await robotsFor(current, options);
        const rule = rules.disallowedBy(current.href);
        if (rule !== null) return fail('robots-disallowed', `${where()}: disallowed by ${rules.url} (${rule})`);
      }
      const response = await fetch(current, { redirect: 'manual', headers, signal });
      const { status } = response;

      if ([301, 302, 303, 307, 308].includes(status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) return fail('http-error', `${where()}: HTTP ${status} redirect without a Location header`);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return fail('bad-redirect', `${where()}: redirected to "${location}", which is not a valid URL`);
        }
        if (!isHttp(next)) return fail('bad-redirect', `${where()}: redirected to ${next.href}, which is not an http(s) URL; not followed`);
        if (chain.includes(next.href)) return fail('redirect-loop', `${url}: redirect loop (${[...chain, next.href].join(' -> ')})`);
        if (chain.length > maxRedirects) {
          return fail('too-many-redirects', `${url}: more than ${maxRedirects} redirects (the last one to ${next.href}); not followed further`);
        }
        chain.push(next.href);
        current = next;
        continue;
      }

      const meta = {
        url,
        finalUrl: current.href,
        contentType: response.headers.get('content-type'),
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
      if (status === 304) {
        await response.body?.cancel();
        return { ok: true, status, ...meta, fetched: now(options) };
      }
      if (status < 200 || status > 299) {
        await response.body?.cancel();
        const text = response.statusText || STATUS_CODES[status] || '';
        return fail('http-error', `${where()}: HTTP ${status}${text ? ` ${text}` : ''}`);
      }
      const length = Number(response.headers.get('content-length') ?? Number.NaN);
      if (overflow === 'fail' && Number.isFinite(length) && length > options.maxBytes) {
        await response.body?.cancel();
        return fail('too-large', `${where()}: the response is ${formatBytes(length)}, over the ${formatBytes(options.maxBytes)} limit (set --max-bytes to raise it)`);
      }
      const bytes = await readCapped(response.body, options.maxBytes);
      if (bytes.overflowed) {
        local.abort();
        if (overflow === 'fail') {
          return fail('too-large', `${where()}: the response is over the ${formatBytes(options.maxBytes)} limit; stopped reading (set --max-bytes to raise it)`);
        }
      }
      return { ok: true, status, ...meta, bytes: bytes.bytes, fetched: now(options) };
    }
  } catch (error) {
    return { ok: false, failure: await describeError(url, where(), current, error, { timeout, timeoutMs: options.timeoutMs, user: options.signal }) };
  }
}

function now(options: FetchOptions): string {
  return (options.now ?? (() => new Date()))().toISOString();
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** Reads a body up to `limit` bytes; past it, stops (cancelling the stream) and says so. */
async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<{ readonly bytes: Uint8Array; readonly overflowed: boolean }> {
  if (body === null) return { bytes: new Uint8Array(), overflowed: false };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.length > limit) {
        chunks.push(value.subarray(0, limit - total));
        total = limit;
        await reader.cancel();
        return { bytes: Buffer.concat(chunks, total), overflowed: true };
      }
      chunks.push(value);
      total += value.length;
    }
  } finally {
    reader.releaseLock();
  }
  return { bytes: Buffer.concat(chunks, total), overflowed: false };
}

/** Turns what fetch threw into a failure with a message a person can act on. */
async function describeError(
  url: string,
  where: string,
  target: URL,
  error: unknown,
  context: { readonly timeout: AbortSignal; readonly timeoutMs: number; readonly user: AbortSignal | undefined },
): Promise<InputFailure> {
  const failure = (code: string, message: string): InputFailure => ({ input: url, code, message });
  if (context.timeout.aborted) return failure('timeout', `${where}: timed out after ${formatSeconds(context.timeoutMs)}`);
  if (context.user?.aborted) return failure('aborted', `${where}: aborted`);
  const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
  const code = cause?.code ?? cause?.errors?.find((e) => e.code)?.code;
  const host = target.hostname;
  if (cause?.message === 'bad port') {
    // fetch refuses ports on the WHATWG "bad ports" list (1, 9, 25, ...) before connecting; a
    // plain TCP probe says whether the URL was reachable at all, which is what the user needs to know.
    const probe = await probeTcp(host, Number(target.port));
    if (probe === 'ECONNREFUSED') return failure('fetch-failed', `${where}: connection refused (ECONNREFUSED)`);
    return failure('fetch-failed', `${where}: port ${target.port} is on the list of ports fetch refuses to use (WHATWG "bad ports"); not fetched`);
  }
  switch (code) {
    case 'ECONNREFUSED':
      return failure('fetch-failed', `${where}: connection refused (ECONNREFUSED)`);
    case 'ENOTFOUND':
      return failure('fetch-failed', `${where}: host "${host}" not found (DNS lookup failed, ENOTFOUND)`);
    case 'EAI_AGAIN':
      return failure('fetch-failed', `${where}: DNS lookup for "${host}" failed temporarily (EAI_AGAIN)`);
    case 'ECONNRESET':
      return failure('fetch-failed', `${where}: the server closed the connection (ECONNRESET)`);
    case 'UND_ERR_SOCKET':
      return failure('fetch-failed', `${where}: the connection broke off (${cause?.message ?? 'socket error'})`);
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return failure('timeout', `${where}: connecting to ${host} timed out (${code})`);
    default:
      break;
  }
  if (code && /CERT|SSL|TLS/.test(code)) return failure('fetch-failed', `${where}: TLS certificate problem: ${cause?.message ?? code} (${code})`);
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return failure('fetch-failed', `${where}: ${message}${code ? ` (${code})` : ''}`);
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(seconds < 1 ? 2 : 1).replace(/0$/, '')} s`;
}

function probeTcp(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

/**
 * The robots rules for a URL's origin, loaded once per cache. robots.txt gets its own timeout (and
 * the caller's signal), not the page's: the cached answer is shared by every page of the origin,
 * so it must not depend on how much of one page's budget was left.
 */
function robotsFor(target: URL, options: FetchOptions): Promise<RobotsRules> {
  const cache = options.robotsCache ?? new Map<string, Promise<RobotsRules>>();
  let rules = cache.get(target.origin);
  if (!rules) {
    rules = loadRobots(target, options);
    cache.set(target.origin, rules);
  }
  return rules;
}

/**
 * Fetches and parses one origin's robots.txt. Missing (4xx), failing (5xx, network) or unreadable
 * robots.txt allows everything: the common convention, and a flaky robots.txt should not hide news.
 */
async function loadRobots(target: URL, options: FetchOptions): Promise<RobotsRules> {
  const url = new URL('/robots.txt', target.origin).href;
  const allowAll: RobotsRules = { url, disallowedBy: () => null };
  const result = await request(
    url,
    { ...options, respectRobots: false, conditional: null, maxBytes: ROBOTS_MAX_BYTES, maxRedirects: DEFAULT_MAX_REDIRECTS },
    'truncate',
  );
  if (!result.ok || result.status !== 200 || !result.bytes) return allowAll;
  const text = Buffer.from(result.bytes).toString('utf8');
  // Rules are matched against the origin asked about, even if robots.txt itself was redirected.
  const robot = robotsParser(url, text);
  const lines = text.split(/\r\n|\r|\n/);
  return {
    url,
    disallowedBy: (page: string) => {
      if (robot.isAllowed(page, options.userAgent) !== false) return null;
      const line = robot.getMatchingLineNumber(page, options.userAgent);
      return line > 0 ? `line ${line}: ${(lines[line - 1] ?? '').trim()}` : 'a Disallow rule';
    },
  };
}
