import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultConfig } from '../config.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { aggregateEntities, aggregatePlaces } from './aggregate-layers.js';
import { createApp } from './app.js';
import { buildLayerFacts, entitiesFromFacts, placesFromFacts } from './layer-facts.js';

const TOKEN = 'test-token-0123456789';

const ARTICLES = [
  { text: 'Barricades at Jarinje\n\nTrucks blocked the crossing at Jarinje on Saturday, police in Leposavić said.', outlet: 'North Wire', published: '2022-12-10' },
  { text: 'Jarinje reopens\n\nThe crossing at Jarinje reopened after talks, Kosovo Police said on Monday.', outlet: 'South Daily', published: '2022-12-12' },
  { text: 'Undated note\n\nA statement about Jarinje was circulated among journalists.' },
] as const;

describe('places, entities and the dashboard routes', () => {
  let store: Store;
  let web: string;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    store = await openStore(':memory:');
    web = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>sitrep</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1);');
    app = createApp({ store, config: defaultConfig(), token: TOKEN, webRoot: web });
    for (const article of ARTICLES) {
      const response = await app.request('/api/documents', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(article),
      });
      assert.equal(response.status, 201, await response.text());
    }
  });

  after(async () => {
    await store.close();
    rmSync(web, { recursive: true, force: true });
  });

  async function get(path: string): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await app.request(path);
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  test('the per-revision tallies answer exactly as aggregating the documents does', async () => {
    const facts = await buildLayerFacts(store);
    for (const window of [{}, { since: '2022-12-11' }, { until: '2022-12-10' }, { since: '2023-01-01' }]) {
      assert.deepEqual(placesFromFacts(facts, window), await aggregatePlaces(store, window), JSON.stringify(window));
      assert.deepEqual(entitiesFromFacts(facts, window), await aggregateEntities(store, window), JSON.stringify(window));
    }
    assert.ok(placesFromFacts(facts).length > 0 && entitiesFromFacts(facts).length > 0);
  });

  test('GET /api/places counts the documents naming each place, most first', async () => {
    const { status, body, headers } = await get('/api/places');
    assert.equal(status, 200);
    assert.ok(headers.get('etag'), 'an ETag');
    const jarinje = body.items.find((place: { name: string }) => place.name === 'Jarinje');
    assert.ok(jarinje, JSON.stringify(body.items.map((p: { name: string }) => p.name)));
    assert.equal(jarinje.documents, 3);
    assert.ok(jarinje.mentions >= 4);
    assert.equal(jarinje.first_published, '2022-12-10');
    assert.equal(jarinje.last_published, '2022-12-12');
    assert.match(jarinje.key, /^[0-9a-f]{16}$/);
    assert.equal(body.items[0].name, 'Jarinje');
  });

  test('a window leaves out documents published outside it, and undated ones', async () => {
    const { body } = await get('/api/places?until=2022-12-10');
    const jarinje = body.items.find((place: { name: string }) => place.name === 'Jarinje');
    assert.equal(jarinje.documents, 1);
    assert.equal((await get('/api/places?since=2023-01-01')).body.items.length, 0);
    assert.equal((await get('/api/places?until=10.12.2022')).status, 400);
  });

  test('GET /api/places/{key}/evidence gives each document and the sentence naming the place', async () => {
    const { body: places } = await get('/api/places');
    const key = places.items.find((place: { name: string }) => place.name === 'Jarinje').key;
    const { status, body } = await get(`/api/places/${key}/evidence`);
    assert.equal(status, 200);
    assert.equal(body.documents.length, 3);
    assert.deepEqual(
      body.documents.map((doc: { published: string | null }) => doc.published),
      ['2022-12-10', '2022-12-12', null],
      'dated first, in order, then undated',
    );
    for (const doc of body.documents) {
      for (const mention of doc.mentions) {
        assert.equal(mention.text, 'Jarinje');
        assert.equal(mention.sentence.text.slice(mention.start - mention.sentence.start, mention.end - mention.sentence.start), 'Jarinje');
      }
    }
    assert.equal((await get(`/api/places/${key}/evidence?since=2023-01-01`)).status, 404);
    assert.equal((await get('/api/places/0000000000000000/evidence')).body.error.code, 'not-found');
    assert.equal((await get('/api/places/not-a-key/evidence')).status, 400);
  });

  test('GET /api/entities aggregates entities by id', async () => {
    const { status, body } = await get('/api/entities');
    assert.equal(status, 200);
    assert.ok(body.items.length > 0);
    for (const entity of body.items) {
      assert.equal(typeof entity.id, 'string');
      assert.ok(entity.documents >= 1 && entity.mentions >= entity.documents);
    }
  });

  test('the OpenAPI document describes the new routes', async () => {
    const { body } = await get('/api/openapi.json');
    for (const path of ['/api/places', '/api/places/{key}/evidence', '/api/entities']) assert.ok(body.paths[path], path);
  });

  test('the dashboard is served at / with its strict CSP; the API keeps its own', async () => {
    const page = await app.request('/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'"]) {
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    }
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    const asset = await app.request('/assets/app.js');
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    assert.match((await app.request('/api/health')).headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal((await app.request('/../package.json')).status, 404);
    // URLs normalise `..` (encoded or not) before routing; an encoded separator is refused outright.
    assert.equal((await app.request('/assets/%2e%2e/%2e%2e/package.json')).status, 404);
    assert.equal((await app.request('/assets/..%2f..%2fpackage.json')).status, 404);
    assert.equal((await app.request('/nothing-here.js')).status, 404);
  });

  test('without a built dashboard, / says how to build it', async () => {
    const bare = createApp({ store, config: defaultConfig(), token: null });
    const response = await bare.request('/');
    assert.equal(response.status, 404);
    assert.match(((await response.json()) as { error: { message: string } }).error.message, /npm run build:web/);
  });
});
