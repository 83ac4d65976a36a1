import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { makeDoc } from '../store/test-docs.js';
import { createRevisionCache } from './revision-cache.js';

/** The one Store method the cache reads, with a revision a test can change. */
function fakeStore(state: { documents: number; versions: number }): { store: Store; reads: () => number } {
  let reads = 0;
  const store = {
    revision: async (): Promise<string> => {
      reads += 1;
      return `${state.documents}:${state.versions}`;
    },
  } as unknown as Store;
  return { store, reads: () => reads };
}

test('a real store: a put is a new revision and a rebuild, an unchanged put is neither', async () => {
  const store = await openStore(':memory:');
  try {
    const cache = createRevisionCache(store, { ttlMs: 0 });
    const build = async (s: Store): Promise<number> => (await s.stats()).versions;
    const first = await cache.get('n', build);
    const doc = makeDoc();
    await store.putDocument(doc);
    const second = await cache.get('n', build);
    assert.notEqual(second.revision, first.revision);
    assert.equal(second.value, 1);
    await store.putDocument(doc);
    assert.equal((await cache.get('n', build)).revision, second.revision);
    assert.equal(cache.builds('n'), 2);
  } finally {
    await store.close();
  }
});

test('concurrent requests share one build, and a new revision builds again once', async () => {
  const counts = { documents: 1, versions: 1 };
  const { store } = fakeStore(counts);
  const cache = createRevisionCache(store, { ttlMs: 0 });
  let builds = 0;
  const build = async (): Promise<number> => {
    builds += 1;
    await new Promise((resolve) => setTimeout(resolve, 10));
    return builds;
  };
  const values = await Promise.all(Array.from({ length: 8 }, () => cache.get('x', build)));
  assert.deepEqual(new Set(values.map((v) => v.value)), new Set([1]));
  assert.equal(values[0]?.revision, '1:1');
  assert.equal((await cache.get('x', build)).value, 1);
  counts.versions = 2;
  assert.equal((await cache.get('x', build)).value, 2);
  assert.equal(cache.builds('x'), 2);
});

test('the revision is read at most once per ttl unless invalidated, and a failed build is not kept', async () => {
  let clock = 0;
  const { store, reads } = fakeStore({ documents: 3, versions: 3 });
  const cache = createRevisionCache(store, { ttlMs: 1000, now: () => clock });
  await cache.revision();
  await cache.revision();
  assert.equal(reads(), 1);
  clock = 1500;
  await cache.revision();
  assert.equal(reads(), 2);
  cache.invalidate();
  await cache.revision();
  assert.equal(reads(), 3);

  let fail = true;
  const build = async (): Promise<string> => {
    if (fail) throw new Error('boom');
    return 'ok';
  };
  await assert.rejects(cache.get('y', build), /boom/);
  fail = false;
  assert.equal((await cache.get('y', build)).value, 'ok');
});
