import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../doc/types.js';
import { unknownPublished } from '../doc/types.js';
import { docIdFromSha256 } from '../doc/doc-id.js';
import { makeTestDoc } from '../pipeline/test-helpers.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { queryDocuments, type DocumentFilter } from './query-documents.js';
import { countingStore } from './test-helpers.js';

/** A minimal stored document: only what listing and filtering read differs from the test default. */
function doc(n: number, fields: { outlet?: string; date?: string; origin?: string } = {}): Doc {
  const sha256 = n.toString(16).padEnd(64, '0');
  return makeTestDoc(`Document ${n}`, {
    id: docIdFromSha256(sha256),
    origin: { path: fields.origin ?? `doc-${n}.txt`, sha256, fetched: '2024-01-01T00:00:00.000Z' },
    language: 'en',
    title: `Document ${n}`,
    published: { ...unknownPublished(), date: fields.date ?? null },
    outlet: fields.outlet ? { name: fields.outlet, evidence: 'test' } : null,
    body: '',
  });
}

async function collect(store: Store, filter: DocumentFilter, options: { limit: number; scanBudget?: number }): Promise<{ ids: string[]; calls: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let calls = 0;
  do {
    const page = await queryDocuments(store, filter, { ...options, cursor });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.next;
    calls += 1;
  } while (cursor !== null && calls < 1000);
  return { ids, calls };
}

test('with a full-text query, a small scan budget returns short pages but still reaches every match once', async () => {
  const store = await openStore(':memory:');
  const expected: string[] = [];
  for (let n = 1; n <= 30; n++) {
    const d = doc(n, { outlet: n % 7 === 0 ? 'Rare' : 'Common' });
    await store.putDocument(d);
    if (n % 7 === 0) expected.push(d.id);
  }
  const { ids, calls } = await collect(store, { outlet: 'rare', q: 'document' }, { limit: 10, scanBudget: 1 });
  assert.deepEqual(ids, expected);
  assert.ok(calls > 1, 'the budget split the walk into several calls');
  await store.close();
});

test('without a full-text query the filters go to the store: one store call per page, whatever matches', async () => {
  const real = await openStore(':memory:');
  const expected: string[] = [];
  for (let n = 1; n <= 40; n++) {
    const d = { ...doc(n, { outlet: n % 9 === 0 ? 'Rare' : 'Common', date: `2024-01-${String((n % 28) + 1).padStart(2, '0')}` }), language: n % 2 === 0 ? 'sr' : 'en' };
    await real.putDocument(d);
    if (n % 9 === 0 && n % 2 === 0 && (d.published.date ?? '') >= '2024-01-05') expected.push(d.id);
  }
  const { store, calls } = countingStore(real, 'listDocuments');
  const page = await queryDocuments(store, { outlet: 'RARE', language: 'SR', since: '2024-01-05' }, { limit: 10 });
  assert.deepEqual(page.items.map((i) => i.id), expected);
  assert.equal(page.next, null);
  assert.equal(calls(), 1);
  await real.close();
});

test('a document superseded between pages makes the walk skip nothing and repeat nothing', async () => {
  const store = await openStore(':memory:');
  const all: string[] = [];
  for (let n = 1; n <= 6; n++) {
    const d = doc(n, { outlet: 'Same', origin: `o-${n}` });
    await store.putDocument(d);
    all.push(d.id);
  }
  const first = await queryDocuments(store, { outlet: 'Same' }, { limit: 3 });
  assert.deepEqual(first.items.map((i) => i.id), all.slice(0, 3));
  // A new version of the second document retires it: it leaves the listing, and its new version joins the end.
  const replacement = doc(100, { outlet: 'Same', origin: 'o-2' });
  await store.putDocument(replacement);
  const rest = await collect(store, { outlet: 'Same' }, { limit: 3 });
  const after = await queryDocuments(store, { outlet: 'Same' }, { limit: 10, cursor: first.next });
  assert.deepEqual(after.items.map((i) => i.id), [...all.slice(3), replacement.id]);
  assert.equal(rest.ids.length, 6);
  await store.close();
});

test('an undated document never passes a date filter', async () => {
  const store = await openStore(':memory:');
  await store.putDocument(doc(1, { date: '2022-12-10' }));
  await store.putDocument(doc(2));
  const page = await queryDocuments(store, { until: '2030-01-01' }, {});
  assert.deepEqual(page.items.map((i) => i.published), ['2022-12-10']);
  await store.close();
});
