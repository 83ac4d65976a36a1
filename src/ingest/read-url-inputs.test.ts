import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { readUrlInputs, type FetchState, type UrlInputOptions } from './read-url-inputs.js';
import { redirect, reply, startTestServer, type TestServer } from './test-server.js';
import type { InputFailure, InputResult, RawArticle } from './types.js';

const NOW = new Date('2024-05-06T07:08:09.000Z');
const UA = 'sitrep-test/1.0';
const base: UrlInputOptions = { timeoutMs: 2000, maxBytes: 1024 * 1024, userAgent: UA, now: () => NOW };

async function collect(urls: readonly string[], options: Partial<UrlInputOptions> = {}): Promise<{ results: InputResult[]; notes: string[] }> {
  const notes: string[] = [];
  const results: InputResult[] = [];
  for await (const result of readUrlInputs(urls, { ...base, onNote: (n) => notes.push(n), ...options })) results.push(result);
  return { results, notes };
}

function articles(results: readonly InputResult[]): RawArticle[] {
  return results.flatMap((r) => (r.ok ? [r.article] : []));
}

function failures(results: readonly InputResult[]): InputFailure[] {
  return results.flatMap((r) => (r.ok ? [] : [r.failure]));
}

const LONG_BODY = '<p>' + 'The convoy moved north along the river road while residents watched from the bridge. '.repeat(8) + '</p>';

function rssFeed(origin: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Local Wire</title>
  <item><title>Full story in the feed</title><link>${origin}/full</link><pubDate>Mon, 06 May 2024 09:00:00 GMT</pubDate>
    <content:encoded><![CDATA[${LONG_BODY}]]></content:encoded></item>
  <item><title>Teaser only</title><link>/story/1</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>
    <content:encoded><![CDATA[<p>Too short to be the article.</p>]]></content:encoded></item>
  <item><title>Second story</title><link>${origin}/story/2</link></item>
  <item><title>Second story again</title><link>${origin}/story/2</link></item>
  <item><title>Private</title><link>${origin}/private/3</link></item>
  <item><title>Dead link</title><link>${origin}/missing</link></item>
  <item><title>Orphan</title><description>no link here</description></item>
</channel>
</rss>`;
}

function atomFeed(origin: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title>
  <entry><title>Atom one</title><link rel="alternate" href="${origin}/story/1"/><published>2024-01-02T10:00:00Z</published></entry>
  <entry><title>Atom full</title><link href="${origin}/atom-full"/><updated>2024-01-03T10:00:00Z</updated>
    <content type="html">${LONG_BODY.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content></entry>
</feed>`;
}

describe('readUrlInputs', () => {
  let server: TestServer;
  let inFlight = 0;
  let maxInFlight = 0;
  const slow =
    (body: string): Parameters<typeof startTestServer>[0][string] =>
    (_request, response) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      }, 40);
    };

  before(async () => {
    const routes: Parameters<typeof startTestServer>[0] = {
      '/robots.txt': reply('User-agent: *\nDisallow: /private\n', { 'content-type': 'text/plain' }),
      '/article': reply('<html><head><title>A</title></head><body><p>Article</p></body></html>'),
      '/old-article': redirect('/article', 301),
      '/plain': reply('Just text.\n', { 'content-type': 'text/plain' }),
      '/cyrillic': reply(iconv.encode('<html><body><p>Полиција је блокирала пут код Јариња.</p></body></html>', 'windows-1251'), {
        'content-type': 'text/html; charset=windows-1251',
      }),
      '/image': reply(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), { 'content-type': 'image/png' }),
      '/cut': reply('<html><body><p>Only the first'),
      '/story/1': slow('<html><body><p>Story one</p></body></html>'),
      '/story/2': slow('<html><body><p>Story two</p></body></html>'),
      '/private/3': reply('<p>secret</p>'),
      '/broken-feed': reply('<rss><channel><title>Broken', { 'content-type': 'application/rss+xml' }),
    };
    server = await startTestServer(routes);
    const origin = server.origin;
    // Routes that need the server's own address are added once it is known.
    Object.assign(routes, {
      '/feed.xml': (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => {
        if (request.headers['if-none-match'] === '"feed-v1"') response.writeHead(304, { etag: '"feed-v1"' }).end();
        else response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"feed-v1"', 'last-modified': 'Mon, 06 May 2024 11:00:00 GMT' }).end(rssFeed(origin));
      },
      '/atom': reply(atomFeed(origin), { 'content-type': 'application/atom+xml' }),
      '/feed-as-xml': reply(rssFeed(origin), { 'content-type': 'text/xml' }),
      '/flaky-feed': reply(
        `<rss version="2.0"><channel><title>Flaky</title><item><title>Down</title><link>${origin}/unavailable</link></item><item><title>Up</title><link>${origin}/article</link></item></channel></rss>`,
        { 'content-type': 'application/rss+xml', etag: '"flaky"' },
      ),
      '/unavailable': reply('try later', {}, 503),
    });
  });
  after(() => server.close());

  it('turns a page into one article: origin.url as named, meta.url after redirects', async () => {
    const { results } = await collect([server.url('/old-article')]);
    const [article] = articles(results);
    assert.equal(results.length, 1);
    assert.equal(article?.origin.url, server.url('/old-article'));
    assert.equal(article?.origin.path, undefined);
    assert.equal(article?.meta.url, server.url('/article'));
    assert.equal(article?.format, 'html');
    assert.equal(article?.origin.fetched, NOW.toISOString());
    assert.match(article?.origin.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.equal(server.requests.find((r) => r.path === '/article')?.headers['user-agent'], UA);
  });

  it('decodes a windows-1251 page declared by its Content-Type', async () => {
    const [article] = articles((await collect([server.url('/cyrillic')])).results);
    assert.match(article?.content ?? '', /Полиција је блокирала пут код Јариња\./);
    assert.deepEqual(article?.origin.encoding, { name: 'windows-1251', method: 'declared' });
  });

  it('reads text/plain as text, fails an image as binary, warns on a truncated page', async () => {
    const { results } = await collect([server.url('/plain'), server.url('/image'), server.url('/cut')]);
    assert.equal(results[0]?.ok && results[0].article.format, 'text');
    assert.deepEqual(failures(results).map((f) => [f.input, f.code]), [[server.url('/image'), 'binary']]);
    assert.deepEqual(articles(results)[1]?.warnings, ['the page looks truncated (no closing </html>)']);
  });

  it('fails a 404 and an unreachable URL, and goes on', async () => {
    const { results } = await collect([server.url('/nowhere'), 'http://127.0.0.1:1/', server.url('/plain')]);
    assert.deepEqual(
      results.map((r) => (r.ok ? 'ok' : r.failure.message)),
      [`${server.url('/nowhere')}: HTTP 404 Not Found`, 'http://127.0.0.1:1/: connection refused (ECONNREFUSED)', 'ok'],
    );
  });

  it('expands an RSS feed: full content used as is, other items fetched with feed metadata, in feed order', async () => {
    const before = server.requests.length;
    maxInFlight = 0;
    const states: FetchState[] = [];
    const { results, notes } = await collect([server.url('/feed.xml')], { setFetchState: async (s) => void states.push(s) });
    const summary = results.map((r) => (r.ok ? `ok ${r.article.origin.url}` : `${r.failure.code} ${r.failure.input}`));
    assert.deepEqual(summary, [
      `ok ${server.url('/full')}`,
      `ok ${server.url('/story/1')}`,
      `ok ${server.url('/story/2')}`,
      `robots-disallowed ${server.url('/private/3')}`,
      `http-error ${server.url('/missing')}`,
      `no-link ${server.url('/feed.xml')}:7`,
    ]);
    const [full, teaser, second] = articles(results);
    assert.equal(full?.content, LONG_BODY);
    assert.equal(full?.format, 'html');
    assert.equal(full?.origin.item, undefined);
    assert.deepEqual(full?.meta, { url: server.url('/full'), title: 'Full story in the feed', published: 'Mon, 06 May 2024 09:00:00 GMT', outlet: 'Local Wire' });
    assert.match(full?.origin.encoding?.method ?? '', /^feed item content/);
    assert.deepEqual(teaser?.meta, { url: server.url('/story/1'), title: 'Teaser only', published: 'Mon, 06 May 2024 10:00:00 GMT', outlet: 'Local Wire' });
    assert.equal(teaser?.content, '<html><body><p>Story one</p></body></html>');
    assert.equal(second?.meta.outlet, 'Local Wire');
    const paths = server.requests.slice(before).map((r) => r.path);
    assert.ok(!paths.includes('/full'), 'an item with full content is not fetched');
    assert.equal(paths.filter((p) => p === '/story/2').length, 1, 'a link listed twice is fetched once');
    assert.equal(paths.filter((p) => p === '/robots.txt').length, 1, 'robots.txt is read once per origin');
    assert.ok(maxInFlight >= 2 && maxInFlight <= 4, `item fetches ran ${maxInFlight} at a time`);
    assert.deepEqual(states, [{ url: server.url('/feed.xml'), etag: '"feed-v1"', lastModified: 'Mon, 06 May 2024 11:00:00 GMT', fetched: NOW.toISOString() }]);
    assert.match(notes.at(-1) ?? '', /feed "Local Wire", 7 item\(s\): 1 with full content, 4 fetched/);
  });

  it('keeps item fetches within the concurrency asked for', async () => {
    maxInFlight = 0;
    await collect([server.url('/feed.xml')], { concurrency: 1 });
    assert.equal(maxInFlight, 1);
  });

  it('sends the stored validators and yields nothing for an unchanged feed', async () => {
    const before = server.requests.length;
    const { results, notes } = await collect([server.url('/feed.xml')], {
      getFetchState: async (url) => (url === server.url('/feed.xml') ? { etag: '"feed-v1"', lastModified: null } : null),
      setFetchState: async () => assert.fail('an unchanged feed stores nothing new'),
    });
    assert.deepEqual(results, []);
    assert.deepEqual(notes, [`${server.url('/feed.xml')}: feed unchanged since the last fetch (HTTP 304); no items read`]);
    const feedRequest = server.requests.slice(before).find((r) => r.path === '/feed.xml');
    assert.equal(feedRequest?.headers['if-none-match'], '"feed-v1"');
  });

  it('does not store the validators when an item failed for a reason that may pass', async () => {
    const states: FetchState[] = [];
    const { results, notes } = await collect([server.url('/flaky-feed')], { setFetchState: async (s) => void states.push(s) });
    assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.failure.code)), ['http-error', 'ok']);
    assert.deepEqual(states, []);
    assert.match(notes.at(-1) ?? '', /1 item\(s\) failed for reasons that may pass; the whole feed will be read again next time/);
  });

  it('expands an Atom feed, and a feed served as text/xml', async () => {
    const atom = articles((await collect([server.url('/atom')])).results);
    assert.deepEqual(atom.map((a) => [a.origin.url, a.meta.title, a.meta.published, a.meta.outlet]), [
      [server.url('/story/1'), 'Atom one', '2024-01-02T10:00:00Z', 'Atom Desk'],
      [server.url('/atom-full'), 'Atom full', '2024-01-03T10:00:00Z', 'Atom Desk'],
    ]);
    assert.equal(atom[1]?.content, LONG_BODY);
    const asXml = (await collect([server.url('/feed-as-xml')])).results;
    assert.equal(asXml.length, 6);
  });

  it('does not fetch items when told not to, and says so', async () => {
    const before = server.requests.length;
    const { results, notes } = await collect([server.url('/feed.xml')], { fetchFeedItems: false });
    assert.deepEqual(articles(results).map((a) => a.origin.url), [server.url('/full')]);
    assert.ok(!server.requests.slice(before).some((r) => r.path.startsWith('/story')));
    assert.match(notes.at(-1) ?? '', /0 fetched, 4 not fetched \(item fetching is off\)/);
  });

  it('fails a broken feed with the reason', async () => {
    const [failure] = failures((await collect([server.url('/broken-feed')])).results);
    assert.equal(failure?.code, 'bad-feed');
    assert.equal(failure?.input, server.url('/broken-feed'));
    assert.match(failure?.message ?? '', /not well-formed XML/);
  });

  it('stops between URLs when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    assert.deepEqual((await collect([server.url('/plain')], { signal: controller.signal })).results, []);
  });
});
