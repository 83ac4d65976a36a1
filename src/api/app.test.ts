import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultConfig } from '../config.js';
import { reply, startTestServer } from '../ingest/test-server.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';

const TOKEN = 'test-token-0123456789';
const config = defaultConfig();

/** A short article in plain text: a title line, then a body paragraph. */
function article(title: string, body: string): string {
  return `${title}\n\n${body} The report was confirmed by two officials on the scene later that day.`;
}

const FIXTURES = [
  { text: article('Barricades at Jarinje', 'Trucks blocked the crossing at Jarinje on Saturday.'), outlet: 'North Wire', published: '2022-12-10', language: 'en' },
  { text: article('Talks in Brussels', 'Negotiators met in Brussels to discuss the crossings.'), outlet: 'North Wire', published: '2022-12-12', language: 'en' },
  { text: article('Барикаде на Јарињу', 'Камиони су блокирали прелаз Јариње у суботу.'), outlet: 'Јужни весник', published: '2022-12-11', language: 'sr' },
  { text: article('Police patrol reinforced', 'Police reinforced patrols near the administrative line.'), outlet: 'South Daily', published: '2022-12-20', language: 'en' },
  { text: article('Market reopens', 'The market in the town square reopened after a week.'), outlet: 'South Daily', published: '2023-01-05', language: 'en' },
  { text: article('Undated note', 'A statement without any date was circulated among journalists.'), language: 'en' },
  { html: '<html><head><title>Hostile page</title></head><body><article><h1>Hostile page</h1><p>Some text with <script>alert(1)</script> inside and a literal &lt;script&gt;alert(1)&lt;/script&gt; too, and more words to make a body.</p></article></body></html>', outlet: 'North Wire', published: '2022-12-15' },
] as const;

function post(app: ReturnType<typeof createApp>, body: unknown, token: string | null = TOKEN): Promise<Response> {
  return Promise.resolve(
    app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    }),
  );
}

async function json(response: Response): Promise<any> {
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  return response.json();
}

/** Every page of a listing, following `next`. */
async function allPages(app: ReturnType<typeof createApp>, query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/documents?${query}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const response = await app.request(url);
    assert.equal(response.status, 200, url);
    const page = await json(response);
    ids.push(...page.items.map((item: { id: string }) => item.id));
    cursor = page.next;
    pages += 1;
  } while (cursor !== null && pages < 100);
  return { ids, pages };
}

describe('the API over a SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-api-'));
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const ids: string[] = [];

  before(async () => {
    store = await openStore(join(dir, 'api.db'));
    app = createApp({ store, config, token: TOKEN });
    for (const fixture of FIXTURES) {
      const response = await post(app, fixture);
      const body = await json(response);
      assert.equal(response.status, 201, JSON.stringify(body));
      ids.push(body.id);
    }
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('openapi.json describes every route in OpenAPI 3.x', async () => {
    const doc = await json(await app.request('/api/openapi.json'));
    assert.match(doc.openapi, /^3\.\d+\.\d+$/);
    assert.equal(doc.info.title, 'sitrep API');
    for (const path of ['/api/documents', '/api/documents/{id}', '/api/documents/{id}/text', '/api/search', '/api/sources', '/api/stats', '/api/health']) {
      assert.ok(doc.paths[path]?.get, `GET ${path} is described`);
    }
    assert.ok(doc.paths['/api/documents'].post, 'POST /api/documents is described');
    assert.deepEqual(doc.paths['/api/documents'].post.security, [{ bearerAuth: [] }]);
    assert.equal(doc.components.securitySchemes.bearerAuth.scheme, 'bearer');
    assert.ok(doc.components.schemas.Document && doc.components.schemas.Error);
  });

  test('health says ok and whether writes are enabled', async () => {
    const body = await json(await app.request('/api/health'));
    assert.deepEqual({ status: body.status, store: body.store, writes: body.writes }, { status: 'ok', store: 'sqlite', writes: true });
  });

  test('posting the same content again is unchanged with 200, and new content at a known url is a new version', async () => {
    const again = await post(app, FIXTURES[0]);
    assert.equal(again.status, 200);
    assert.deepEqual(
      (({ outcome, id, version }) => ({ outcome, id, version }))(await json(again)),
      { outcome: 'unchanged', id: ids[0], version: 1 },
    );
    const url = 'https://example.org/news/1';
    const first = await json(await post(app, { text: article('Versioned story', 'First telling of the story.'), url }));
    const second = await post(app, { text: article('Versioned story', 'Second, corrected telling of the story.'), url });
    assert.equal(second.status, 201);
    const body = await json(second);
    assert.equal(body.outcome, 'new-version');
    assert.equal(body.version, 2);
    assert.equal(body.supersedes, first.id);
    ids.push(body.id);
  });

  test('listing pages through every current document exactly once', async () => {
    const { ids: listed, pages } = await allPages(app, 'limit=2');
    assert.equal(new Set(listed).size, listed.length, 'no document twice');
    assert.deepEqual([...listed].sort(), [...ids].sort());
    assert.equal(pages, Math.ceil(ids.length / 2));
  });

  test('filters on outlet, dates, language and a full-text query, page by page', async () => {
    const cases: readonly [string, readonly number[]][] = [
      ['outlet=north%20wire', [0, 1, 6]],
      ['since=2022-12-11&until=2022-12-20', [1, 2, 3, 6]],
      ['since=2023-01-01', [4]],
      ['language=sr', [2]],
      ['q=Jarinje', [0]],
      ['outlet=North%20Wire&since=2022-12-11', [1, 6]],
      ['outlet=Nobody', []],
    ];
    for (const [query, expected] of cases) {
      const { ids: listed } = await allPages(app, `${query}&limit=1`);
      assert.deepEqual([...listed].sort(), expected.map((i) => ids[i]).sort(), query);
    }
  });

  test('a cursor the API did not hand out is a 400 JSON error', async () => {
    const response = await app.request('/api/documents?cursor=bm9wZQ');
    assert.equal(response.status, 400);
    assert.equal((await json(response)).error.code, 'bad-cursor');
  });

  test('bad query parameters are a 400 with zod naming the field', async () => {
    const response = await app.request('/api/documents?since=10.12.2022&limit=0');
    assert.equal(response.status, 400);
    const { error } = await json(response);
    assert.equal(error.code, 'bad-request');
    assert.match(error.message, /since: must be a date like 2022-12-10/);
    assert.match(error.message, /limit:/);
  });

  test('a document is returned whole as Document JSON, and its text route holds only text and layers', async () => {
    const doc = await json(await app.request(`/api/documents/${ids[0]}`));
    assert.equal(doc.id, ids[0]);
    assert.equal(doc.outlet.name, 'North Wire');
    assert.equal(doc.published.date, '2022-12-10');
    assert.ok(doc.text.includes('Jarinje'));
    const text = await json(await app.request(`/api/documents/${ids[0]}/text`));
    assert.deepEqual(Object.keys(text).sort(), ['id', 'layers', 'text']);
    assert.equal(text.text, doc.text);
    assert.ok(text.layers.segments.length > 0);
  });

  test('an unknown document is a 404 JSON error, and a malformed id a 400', async () => {
    const missing = await app.request('/api/documents/0000000000000000');
    assert.equal(missing.status, 404);
    assert.deepEqual(await json(missing), { error: { code: 'not-found', message: 'No document with id "0000000000000000"' } });
    const malformed = await app.request('/api/documents/not-an-id/text');
    assert.equal(malformed.status, 400);
    assert.equal((await json(malformed)).error.code, 'bad-request');
  });

  test('an unknown route is a 404 JSON error with the security headers', async () => {
    const response = await app.request('/api/nothing-here');
    assert.equal(response.status, 404);
    assert.equal((await json(response)).error.code, 'not-found');
    assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  test('search returns hits best first, and sources count documents per outlet', async () => {
    const search = await json(await app.request('/api/search?q=Brussels&limit=5'));
    assert.deepEqual(search.hits.map((hit: { id: string }) => hit.id), [ids[1]]);
    const sources = await json(await app.request('/api/sources'));
    const north = sources.items.find((s: { outlet: string | null }) => s.outlet === 'North Wire');
    assert.deepEqual(north, { outlet: 'North Wire', documents: 3, first_published: '2022-12-10', last_published: '2022-12-15' });
    assert.equal(sources.items.at(-1).outlet, null, 'documents without an outlet come last');
    const total = sources.items.reduce((sum: number, s: { documents: number }) => sum + s.documents, 0);
    assert.equal(total, ids.length);
  });

  test('stats count current documents and all versions', async () => {
    const stats = await json(await app.request('/api/stats'));
    assert.equal(stats.documents, ids.length);
    assert.equal(stats.versions, ids.length + 1);
  });

  test('GET responses carry a weak ETag, and a matching If-None-Match gets 304', async () => {
    const first = await app.request(`/api/documents/${ids[0]}`);
    const tag = first.headers.get('etag');
    assert.match(tag ?? '', /^W\/"[^"]+"$/);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    const again = await app.request(`/api/documents/${ids[0]}`, { headers: { 'if-none-match': tag ?? '' } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('x-content-type-options'), 'nosniff');
    const other = await app.request(`/api/documents/${ids[1]}`, { headers: { 'if-none-match': tag ?? '' } });
    assert.equal(other.status, 200);
  });

  test('hostile content comes back as JSON with nosniff and a CSP, never as HTML', async () => {
    for (const path of [`/api/documents/${ids[6]}`, `/api/documents/${ids[6]}/text`, '/api/search?q=alert']) {
      const response = await app.request(path);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/json', path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    }
    const doc = await json(await app.request(`/api/documents/${ids[6]}`));
    assert.ok(doc.text.includes('<script>alert(1)</script>'), 'the literal markup is text in the JSON string');
  });

  test('a write without a token, with the wrong token or a malformed header is a 401 with WWW-Authenticate', async () => {
    for (const authorization of [null, 'Bearer wrong-token', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const response = await app.request('/api/documents', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
        body: JSON.stringify({ text: 'ignored' }),
      });
      assert.equal(response.status, 401, String(authorization));
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer realm="sitrep"/);
      assert.equal((await json(response)).error.code, 'unauthorized');
    }
    assert.equal((await json(await app.request('/api/stats'))).documents, ids.length, 'nothing was stored');
  });

  test('bad input is a 422 JSON error saying what is wrong', async () => {
    const cases: readonly [unknown, RegExp][] = [
      [{ text: 'a', html: '<p>a</p>' }, /not both/],
      [{ title: 'no content' }, /one of text, html or url/],
      [{ text: '   ' }, /empty/],
      [{ text: 'x', colour: 'red' }, /colour|unrecognized/i],
      [{ url: 'ftp://example.org/a' }, /url/],
      [{ html: '<html><head><title>Only a title</title></head><body></body></html>' }, /Cannot make a document/],
      [[1, 2], /expected object/],
    ];
    for (const [body, message] of cases) {
      const response = await post(app, body);
      const { error } = await json(response);
      assert.equal(response.status, 422, JSON.stringify(body));
      assert.match(error.message, message, JSON.stringify(body));
    }
  });

  test('malformed JSON is a 400 and a body that is not JSON a 415, both as JSON errors', async () => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const malformed = await app.request('/api/documents', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"text":' });
    assert.equal(malformed.status, 400);
    assert.equal((await json(malformed)).error.code, 'bad-request');
    const form = await app.request('/api/documents', { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'text' });
    assert.equal(form.status, 415);
    assert.equal((await json(form)).error.code, 'unsupported-media-type');
  });

  test('a body over the limit is a 413 JSON error, whether or not it declares its length', async () => {
    const small = createApp({ store, config, token: TOKEN, maxBodyBytes: 1024 });
    const big = JSON.stringify({ text: 'x'.repeat(2048) });
    const declared = await post(small, JSON.parse(big));
    assert.equal(declared.status, 413);
    assert.equal((await json(declared)).error.code, 'too-large');
    const streamed = await small.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413);
  });

  test('without a token writes are a 403 saying how to enable them, and reads still work', async () => {
    const readOnly = createApp({ store, config, token: null });
    const response = await post(readOnly, FIXTURES[0]);
    assert.equal(response.status, 403);
    const { error } = await json(response);
    assert.equal(error.code, 'writes-disabled');
    assert.match(error.message, /Authorization: Bearer/);
    assert.equal((await readOnly.request('/api/documents')).status, 200);
    assert.equal((await json(await readOnly.request('/api/health'))).writes, false);
  });

  test('with reads closed, reads need the token but health and openapi.json stay open', async () => {
    const closed = createApp({ store, config, token: TOKEN, readsOpen: false });
    assert.equal((await closed.request('/api/documents')).status, 401);
    assert.equal((await closed.request(`/api/documents/${ids[0]}`, { headers: { authorization: 'Bearer nope' } })).status, 401);
    assert.equal((await closed.request('/api/documents', { headers: { authorization: `Bearer ${TOKEN}` } })).status, 200);
    assert.equal((await closed.request('/api/health')).status, 200);
    assert.equal((await closed.request('/api/openapi.json')).status, 200);
  });

  test('CORS is off unless origins are configured, and then only for those', async () => {
    const headers = { origin: 'https://evil.example' };
    assert.equal((await app.request('/api/health', { headers })).headers.get('access-control-allow-origin'), null);
    const open = createApp({ store, config, token: TOKEN, corsOrigins: ['https://dash.example'] });
    const allowed = await open.request('/api/health', { headers: { origin: 'https://dash.example' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://dash.example');
    const other = await open.request('/api/health', { headers });
    assert.notEqual(other.headers.get('access-control-allow-origin'), 'https://evil.example');
  });

  test('a posted url is fetched and stored, keeping the metadata given with it', async () => {
    const page = '<html><head><title>Fetched page</title></head><body><article><h1>Fetched page</h1><p>Crossing at Merdare reopened on Monday, officials said, after the talks.</p></article></body></html>';
    const server = await startTestServer({ '/story': reply(page), '/gone': reply('missing', {}, 404) });
    // The test server is on loopback, which the SSRF guard refuses unless told otherwise.
    const app = createApp({ store, config, token: TOKEN, allowPrivateUrls: true });
    try {
      const response = await post(app, { url: server.url('/story'), outlet: 'Fetched Outlet', published: '2022-12-28' });
      const body = await json(response);
      assert.equal(response.status, 201, JSON.stringify(body));
      const doc = await json(await app.request(`/api/documents/${body.id}`));
      assert.equal(doc.origin.url, server.url('/story'));
      assert.equal(doc.outlet.name, 'Fetched Outlet');
      const gone = await post(app, { url: server.url('/gone') });
      assert.equal(gone.status, 502);
      assert.match((await json(gone)).error.message, /404/);
    } finally {
      await server.close();
    }
  });

  test('a posted url on loopback, a private network or link-local is refused without a request', async () => {
    const server = await startTestServer({ '/story': reply('<html><body><p>secret</p></body></html>') });
    try {
      for (const url of [
        server.url('/story'),
        'http://localhost:9/x',
        'http://10.1.2.3/x',
        'http://192.168.0.1/x',
        'http://172.20.0.1/x',
        'http://169.254.169.254/latest/meta-data/',
        'http://[::1]/x',
        'http://[::ffff:127.0.0.1]/x',
        'http://[fd00::1]/x',
        'http://0.0.0.0/x',
      ]) {
        const response = await post(app, { url });
        assert.equal(response.status, 422, url);
        const body = await json(response);
        assert.equal(body.error.code, 'private-address', url);
      }
      assert.equal(server.requests.length, 0, 'nothing was fetched');
    } finally {
      await server.close();
    }
  });
});

test('closing reads without setting a token is refused when the app is made', async () => {
  const store = await openStore(':memory:');
  assert.throws(() => createApp({ store, config, token: null, readsOpen: false }), /E_CONFIG/);
  await store.close();
});
