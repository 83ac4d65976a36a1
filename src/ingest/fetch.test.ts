import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fetchUrl, type FetchOptions, type FetchResult, type RobotsCache } from './fetch.js';
import { redirect, reply, startTestServer, type TestServer } from './test-server.js';

const UA = 'sitrep-test/1.0 (+https://example.invalid/bot)';
const options: FetchOptions = { timeoutMs: 2000, maxBytes: 64 * 1024, userAgent: UA, respectRobots: false };

function failureOf(result: FetchResult): { readonly code: string; readonly message: string; readonly input: string } {
  assert.equal(result.ok, false, 'expected a failure');
  return (result as Extract<FetchResult, { ok: false }>).failure;
}

function okOf(result: FetchResult): Extract<FetchResult, { ok: true }> {
  if (!result.ok) assert.fail(`expected success, got ${result.failure.code}: ${result.failure.message}`);
  return result;
}

describe('fetchUrl', () => {
  let server: TestServer;
  before(async () => {
    const big = 'x'.repeat(100 * 1024);
    server = await startTestServer({
      '/page': reply('<html><body><p>Hello</p></body></html>', { etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 10:00:00 GMT' }),
      '/moved': redirect('/page', 301),
      '/hop1': redirect('hop2'),
      '/hop2': redirect('/page', 307),
      '/loop-a': redirect('/loop-b'),
      '/loop-b': redirect('/loop-a'),
      '/chain/1': redirect('/chain/2'),
      '/chain/2': redirect('/chain/3'),
      '/chain/3': redirect('/chain/4'),
      '/chain/4': redirect('/chain/5'),
      '/chain/5': redirect('/chain/6'),
      '/chain/6': redirect('/chain/7'),
      '/chain/7': reply('end'),
      '/to-ftp': redirect('ftp://127.0.0.1/file'),
      '/no-location': (_q, response) => response.writeHead(302).end(),
      '/gone': reply('gone', {}, 410),
      '/broken': reply('oops', {}, 500),
      '/hang': () => {
        // never answers
      },
      '/slow-body': (_q, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('the first part arrives, the rest never does');
      },
      '/big-declared': reply(big, { 'content-type': 'text/plain', 'content-length': String(big.length) }),
      '/big-chunked': (_q, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 100; i += 1) response.write('y'.repeat(1024));
        response.end();
      },
      '/conditional': (request, response) => {
        if (request.headers['if-none-match'] === '"v7"' || request.headers['if-modified-since'] === 'Tue, 02 Jan 2024 00:00:00 GMT') {
          response.writeHead(304, { etag: '"v7"' }).end();
        } else response.writeHead(200, { etag: '"v7"', 'content-type': 'application/rss+xml' }).end('<rss/>');
      },
      '/robots.txt': reply('User-agent: *\nDisallow: /private\n\nUser-agent: other-bot\nDisallow: /\n', { 'content-type': 'text/plain' }),
      '/private/report': reply('secret'),
      '/public/report': reply('open'),
    });
  });
  after(() => server.close());

  it('fetches a page with its headers, sending the User-Agent', async () => {
    const result = okOf(await fetchUrl(server.url('/page'), { ...options, now: () => new Date('2024-05-01T12:00:00Z') }));
    assert.equal(result.status, 200);
    assert.equal(Buffer.from(result.bytes ?? []).toString(), '<html><body><p>Hello</p></body></html>');
    assert.equal(result.contentType, 'text/html; charset=utf-8');
    assert.equal(result.etag, '"v1"');
    assert.equal(result.lastModified, 'Mon, 01 Jan 2024 10:00:00 GMT');
    assert.equal(result.fetched, '2024-05-01T12:00:00.000Z');
    assert.equal(result.finalUrl, server.url('/page'));
    assert.equal(server.requests.at(-1)?.headers['user-agent'], UA);
  });

  it('follows redirects, resolving relative Locations, and reports the final URL', async () => {
    const moved = okOf(await fetchUrl(server.url('/moved'), options));
    assert.equal(moved.url, server.url('/moved'));
    assert.equal(moved.finalUrl, server.url('/page'));
    const twice = okOf(await fetchUrl(server.url('/hop1'), options));
    assert.equal(twice.finalUrl, server.url('/page'));
  });

  it('stops a redirect loop and names the loop', async () => {
    const failure = failureOf(await fetchUrl(server.url('/loop-a'), options));
    assert.equal(failure.code, 'redirect-loop');
    assert.equal(failure.input, server.url('/loop-a'));
    assert.match(failure.message, /redirect loop \(.*\/loop-a -> .*\/loop-b -> .*\/loop-a\)/);
  });

  it('stops after maxRedirects redirects', async () => {
    const failure = failureOf(await fetchUrl(server.url('/chain/1'), options));
    assert.equal(failure.code, 'too-many-redirects');
    assert.match(failure.message, /more than 5 redirects \(the last one to .*\/chain\/7\)/);
    okOf(await fetchUrl(server.url('/chain/1'), { ...options, maxRedirects: 6 }));
    assert.equal(failureOf(await fetchUrl(server.url('/moved'), { ...options, maxRedirects: 0 })).code, 'too-many-redirects');
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    const failure = failureOf(await fetchUrl(server.url('/to-ftp'), options));
    assert.equal(failure.code, 'bad-redirect');
    assert.match(failure.message, /ftp:\/\/127\.0\.0\.1\/file, which is not an http\(s\) URL/);
  });

  it('reports a redirect without a Location header', async () => {
    assert.match(failureOf(await fetchUrl(server.url('/no-location'), options)).message, /HTTP 302 redirect without a Location header/);
  });

  it('reports HTTP errors with their status', async () => {
    const missing = failureOf(await fetchUrl(server.url('/nothing-here'), options));
    assert.deepEqual(missing, { input: server.url('/nothing-here'), code: 'http-error', message: `${server.url('/nothing-here')}: HTTP 404 Not Found` });
    assert.match(failureOf(await fetchUrl(server.url('/gone'), options)).message, /HTTP 410 Gone$/);
    assert.match(failureOf(await fetchUrl(server.url('/broken'), options)).message, /HTTP 500 Internal Server Error$/);
  });

  it('names the redirect target when the page it leads to fails', async () => {
    const server2 = await startTestServer({ '/old': redirect('/new') });
    try {
      const failure = failureOf(await fetchUrl(server2.url('/old'), options));
      assert.equal(failure.message, `${server2.url('/old')} (redirected to ${server2.url('/new')}): HTTP 404 Not Found`);
    } finally {
      await server2.close();
    }
  });

  it('times out a server that never answers', async () => {
    const started = Date.now();
    const failure = failureOf(await fetchUrl(server.url('/hang'), { ...options, timeoutMs: 300 }));
    assert.deepEqual([failure.code, failure.message], ['timeout', `${server.url('/hang')}: timed out after 0.3 s`]);
    assert.ok(Date.now() - started < 1500);
  });

  it('times out a body that stops arriving (the timeout covers the body)', async () => {
    const failure = failureOf(await fetchUrl(server.url('/slow-body'), { ...options, timeoutMs: 300 }));
    assert.equal(failure.code, 'timeout');
  });

  it('refuses a body over maxBytes, by Content-Length or while reading', async () => {
    const declared = failureOf(await fetchUrl(server.url('/big-declared'), { ...options, maxBytes: 10 * 1024 }));
    assert.equal(declared.code, 'too-large');
    assert.match(declared.message, /the response is 100\.0 KiB, over the 10\.0 KiB limit \(set --max-bytes to raise it\)/);
    const chunked = failureOf(await fetchUrl(server.url('/big-chunked'), { ...options, maxBytes: 10 * 1024 }));
    assert.equal(chunked.code, 'too-large');
    assert.match(chunked.message, /over the 10\.0 KiB limit; stopped reading/);
    assert.equal(okOf(await fetchUrl(server.url('/big-chunked'), { ...options, maxBytes: 100 * 1024 })).bytes?.length, 100 * 1024);
  });

  it('sends conditional headers and returns a 304 without bytes', async () => {
    const byEtag = okOf(await fetchUrl(server.url('/conditional'), { ...options, conditional: { etag: '"v7"' } }));
    assert.equal(byEtag.status, 304);
    assert.equal(byEtag.bytes, undefined);
    assert.equal(server.requests.at(-1)?.headers['if-none-match'], '"v7"');
    const byDate = okOf(await fetchUrl(server.url('/conditional'), { ...options, conditional: { lastModified: 'Tue, 02 Jan 2024 00:00:00 GMT' } }));
    assert.equal(byDate.status, 304);
    const fresh = okOf(await fetchUrl(server.url('/conditional'), { ...options, conditional: { etag: '"v6"' } }));
    assert.equal(fresh.status, 200);
    assert.equal(Buffer.from(fresh.bytes ?? []).toString(), '<rss/>');
  });

  it('obeys robots.txt, naming the rule, and reads robots.txt once per origin with the User-Agent', async () => {
    const robotsCache: RobotsCache = new Map();
    const before = server.requests.filter((r) => r.path === '/robots.txt').length;
    const robotsOptions = { ...options, respectRobots: true, robotsCache };
    const failure = failureOf(await fetchUrl(server.url('/private/report'), robotsOptions));
    assert.equal(failure.code, 'robots-disallowed');
    assert.equal(failure.message, `${server.url('/private/report')}: disallowed by ${server.url('/robots.txt')} (line 2: Disallow: /private)`);
    okOf(await fetchUrl(server.url('/public/report'), robotsOptions));
    const robotsRequests = server.requests.filter((r) => r.path === '/robots.txt');
    assert.equal(robotsRequests.length - before, 1);
    assert.equal(robotsRequests.at(-1)?.headers['user-agent'], UA);
  });

  it('applies robots.txt to each redirect hop', async () => {
    // The redirect leads to the first server's disallowed path.
    const hop = await startTestServer({ '/go': redirect(server.url('/private/report')) });
    try {
      const failure = failureOf(await fetchUrl(hop.url('/go'), { ...options, respectRobots: true }));
      assert.equal(failure.code, 'robots-disallowed');
      assert.match(failure.message, /redirected to .*\/private\/report\): disallowed by/);
    } finally {
      await hop.close();
    }
  });

  it('treats a missing or failing robots.txt as allowing everything', async () => {
    const missing = await startTestServer({ '/a': reply('a') });
    const failing = await startTestServer({ '/a': reply('a'), '/robots.txt': reply('down', {}, 503) });
    try {
      okOf(await fetchUrl(missing.url('/a'), { ...options, respectRobots: true }));
      okOf(await fetchUrl(failing.url('/a'), { ...options, respectRobots: true }));
      assert.deepEqual(missing.requests.map((r) => r.path), ['/robots.txt', '/a']);
    } finally {
      await missing.close();
      await failing.close();
    }
  });

  it('does not read robots.txt when told not to', async () => {
    const plain = await startTestServer({ '/a': reply('a') });
    try {
      okOf(await fetchUrl(plain.url('/a'), options));
      assert.deepEqual(plain.requests.map((r) => r.path), ['/a']);
    } finally {
      await plain.close();
    }
  });

  it('reports a refused connection plainly, also on a port fetch itself refuses', async () => {
    const refused = failureOf(await fetchUrl('http://127.0.0.1:1/article', options));
    assert.deepEqual(refused, { input: 'http://127.0.0.1:1/article', code: 'fetch-failed', message: 'http://127.0.0.1:1/article: connection refused (ECONNREFUSED)' });
    const closed = await startTestServer({});
    const url = closed.url('/x');
    await closed.close();
    assert.equal(failureOf(await fetchUrl(url, options)).message, `${url}: connection refused (ECONNREFUSED)`);
  });

  it('refuses URLs that are not http(s) or not URLs at all', async () => {
    assert.deepEqual(failureOf(await fetchUrl('file:///etc/passwd', options)), {
      input: 'file:///etc/passwd',
      code: 'bad-url',
      message: 'file:///etc/passwd: only http: and https: URLs are fetched, not file:',
    });
    assert.equal(failureOf(await fetchUrl('http//missing-colon', options)).code, 'bad-url');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fetchUrl(server.url('/hang'), { ...options, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    assert.equal(failureOf(await pending).code, 'aborted');
  });
});
