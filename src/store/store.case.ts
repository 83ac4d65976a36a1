/**
 * The Store conformance suite: every implementation runs these same cases (as Hono runs one
 * router suite against every router). An implementation's own test file only says how to make a
 * fresh, empty store.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { unknownPublished, type Doc, type SegmentSpan, type Span } from '../doc/types.js';
import type { SqlStore } from './sql-store.js';
import { StoreError } from './store-error.js';
import type { DocSummary, Store } from './store.js';
import { makeDoc, makeEvent } from './test-docs.js';

/** A fresh, empty, migrated store for one test, with optional extras. */
export type StoreUnderTest = Store & {
  /** Runs after close(): remove the file, drop the schema. */
  readonly teardown?: () => Promise<void>;
  /** A second connection (another pool, as another process would have) to the same database. */
  readonly openAnother?: () => Promise<Store>;
};

/** Options for the conformance suite. */
export interface ConformanceOptions {
  /** Skip the whole suite, saying why (e.g. the server is unreachable). */
  readonly skip?: string | false;
  /** A fresh store with no schema at all (opened without migrating), for the upgrade cases. */
  readonly makeUnmigrated?: () => Promise<StoreUnderTest>;
}

/** Registers the Store conformance cases under `describe(name)`, each on a store from `makeStore`. */
export function runStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
  options: ConformanceOptions = {},
): void {
  async function usingStore(make: () => Promise<StoreUnderTest>, body: (store: StoreUnderTest) => Promise<void>): Promise<void> {
    const store = await make();
    try {
      await body(store);
    } finally {
      await store.close();
      await store.teardown?.();
    }
  }
  const using = (body: (store: StoreUnderTest) => Promise<void>): Promise<void> => usingStore(makeStore, body);

  describe(name, { skip: options.skip ?? false }, () => {
    describe('schema', () => {
      it('can be migrated again and again without harm', () =>
        using(async (store) => {
          await store.putDocument(makeDoc());
          await store.migrate();
          await store.migrate();
          assert.deepEqual(await store.stats(), { documents: 1, versions: 1, failures: 0 });
        }));

      it('starts empty', () =>
        using(async (store) => {
          assert.deepEqual(await store.stats(), { documents: 0, versions: 0, failures: 0 });
          assert.deepEqual(await store.listDocuments(), { items: [], next: null });
          assert.deepEqual(await store.search('bridge'), []);
          assert.deepEqual(await collect(store.exportDocuments()), []);
          assert.deepEqual(await store.listFailures(), []);
          assert.equal(await store.getDocument('0123456789abcdef'), null);
          assert.equal(await store.hasContent('f'.repeat(64)), false);
        }));
    });

    describe('putDocument and getDocument', () => {
      it('give back exactly the document that was put, whatever its script', () =>
        using(async (store) => {
          // A variable, not a literal: Layers' index signature would reject `index` as an excess property.
          const segments: readonly SegmentSpan[] = [{ start: 0, end: 13, label: 'body', index: 0 }];
          const text = 'Обстріл Києва 🚀 北京 a\u00A0b — «цитата» 👩🏽‍⚕️ ѣ\n\nSecond paragraph.';
          const doc = makeDoc({
            origin: { url: 'https://example.com/новини/1?x=1&y=2', item: 3, encoding: { name: 'windows-1251', method: 'meta' } },
            title: 'Київ: 北京 🇺🇦',
            language: 'uk',
            text,
            body: text,
            outlet: { name: 'Українська правда', evidence: 'og:site_name' },
            captions: [{ text: 'Фото 📷', credit: null }],
            comments: [
              { author: 'a', display_name: '名前', posted: '2024-02-27T10:00', depth: 0, parent: null, quotes: null, likes: 3, text: '👍' },
            ],
            layers: { segments, places: [{ start: 8, end: 13, label: 'GPE' }] },
            errors: ['comments: truncated'],
            stages: { clean: 2, places: 1 },
          });
          const put = await store.putDocument(doc);
          assert.deepEqual(put, { outcome: 'stored', id: doc.id, version: 1, supersedes: null });
          assert.deepEqual(await store.getDocument(doc.id), doc);
          assert.equal(await store.hasContent(doc.origin.sha256), true);
        }));

      it('reports the same bytes twice as unchanged and writes nothing', () =>
        using(async (store) => {
          const doc = makeDoc();
          await store.putDocument(doc);
          const stats = await store.stats();
          const listing = await store.listDocuments({ allVersions: true });
          assert.deepEqual(await store.putDocument(doc), { outcome: 'unchanged', id: doc.id, version: 1, supersedes: null });
          assert.deepEqual(await store.stats(), stats);
          assert.deepEqual(await store.listDocuments({ allVersions: true }), listing);
        }));

      it('reports the same bytes at another origin as unchanged, naming the stored document', () =>
        using(async (store) => {
          const doc = makeDoc({ origin: { path: 'a.html' } });
          await store.putDocument(doc);
          const copy = makeDoc({ origin: { path: 'copy-of-a.html', sha256: doc.origin.sha256 } });
          assert.deepEqual(await store.putDocument(copy), { outcome: 'unchanged', id: doc.id, version: 1, supersedes: null });
          assert.deepEqual(await store.stats(), { documents: 1, versions: 1, failures: 0 });
        }));

      it('stores other bytes at a known origin as a new version that supersedes the old one', () =>
        using(async (store) => {
          const v1 = makeDoc({ origin: { url: 'https://example.com/a' }, text: 'First draft mentions a ceasefire.' });
          const v2 = makeDoc({ origin: { url: 'https://example.com/a' }, text: 'Updated: the convoy arrived.' });
          const v3 = makeDoc({ origin: { url: 'https://example.com/a' }, text: 'Corrected: two convoys arrived.' });
          assert.deepEqual(await store.putDocument(v1), { outcome: 'stored', id: v1.id, version: 1, supersedes: null });
          assert.deepEqual(await store.putDocument(v2), { outcome: 'new-version', id: v2.id, version: 2, supersedes: v1.id });

          const current = await store.listDocuments();
          assert.deepEqual(current.items.map((d) => [d.id, d.version, d.origin]), [[v2.id, 2, 'https://example.com/a']]);
          const all = await store.listDocuments({ allVersions: true });
          assert.deepEqual(all.items.map((d) => d.id).sort(), [v1.id, v2.id].sort());
          assert.deepEqual(await store.stats(), { documents: 1, versions: 2, failures: 0 });
          assert.deepEqual(await store.getDocument(v1.id), v1);
          assert.equal(await store.hasContent(v1.origin.sha256), true);

          assert.deepEqual(await store.putDocument(v3), { outcome: 'new-version', id: v3.id, version: 3, supersedes: v2.id });
          assert.deepEqual(await store.putDocument(v1), { outcome: 'unchanged', id: v1.id, version: 1, supersedes: null });
          assert.deepEqual((await store.listDocuments()).items.map((d) => d.id), [v3.id]);
        }));

      it('keeps records inside one container apart by item number', () =>
        using(async (store) => {
          const a = makeDoc({ origin: { path: 'feed.jsonl', item: 1 }, text: 'First record.' });
          const b = makeDoc({ origin: { path: 'feed.jsonl', item: 2 }, text: 'Second record.' });
          assert.equal((await store.putDocument(a)).outcome, 'stored');
          assert.equal((await store.putDocument(b)).outcome, 'stored');
          const origins = (await store.listDocuments()).items.map((d) => d.origin).sort();
          assert.deepEqual(origins, ['feed.jsonl#1', 'feed.jsonl#2']);
        }));

      it('rolls back a put that fails inside its transaction, keeping the old version current', () =>
        using(async (store) => {
          const v1 = makeDoc({ origin: { path: 'a.html' }, text: 'The original report.' });
          await store.putDocument(v1);
          const before = await store.listDocuments({ allVersions: true });
          // Other bytes reusing v1's id: the old version is retired, then the insert clashes.
          const clash = makeDoc({ origin: { path: 'a.html' }, text: 'Other bytes, same id.', id: v1.id });
          await assert.rejects(store.putDocument(clash), isStoreError('E_STORE_CONFLICT'));
          assert.deepEqual(await store.listDocuments({ allVersions: true }), before);
          assert.deepEqual(await store.stats(), { documents: 1, versions: 1, failures: 0 });
          assert.deepEqual((await store.search('original')).map((h) => h.id), [v1.id], 'the old version is still searchable');
          // The store is still usable: a proper new version goes in.
          const v2 = makeDoc({ origin: { path: 'a.html' }, text: 'The updated report.' });
          assert.equal((await store.putDocument(v2)).outcome, 'new-version');
        }));

      it('refuses text no backend can keep exactly, writing nothing', () =>
        using(async (store) => {
          await assert.rejects(store.putDocument(makeDoc({ text: 'a\u0000b' })), isStoreError('E_STORE_VALUE'));
          await assert.rejects(store.putDocument(makeDoc({ title: 'lone \uD800 surrogate' })), isStoreError('E_STORE_VALUE'));
          assert.deepEqual(await store.stats(), { documents: 0, versions: 0, failures: 0 });
          // A backslash followed by "u0000" is ordinary text.
          const doc = makeDoc({ text: 'C:\\u0000 and \\\\u0000' });
          await store.putDocument(doc);
          assert.deepEqual(await store.getDocument(doc.id), doc);
        }));

      it('stores concurrent puts of the same document once', () =>
        using(async (store) => {
          const other = (await store.openAnother?.()) ?? store;
          try {
            const doc = makeDoc();
            const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? other : store).putDocument(doc)));
            assert.deepEqual(results.map((r) => r.outcome).sort(), ['stored', ...Array<string>(7).fill('unchanged')]);
            assert.deepEqual(await store.stats(), { documents: 1, versions: 1, failures: 0 });
          } finally {
            if (other !== store) await other.close();
          }
        }));

      it('chains concurrent new versions of one origin without gaps or two current versions', () =>
        using(async (store) => {
          const other = (await store.openAnother?.()) ?? store;
          try {
            const docs = Array.from({ length: 6 }, (_, i) => makeDoc({ origin: { path: 'live.html' }, text: `Live update number ${i}.` }));
            const results = await Promise.all(docs.map((d, i) => (i % 2 ? other : store).putDocument(d)));
            const byVersion = [...results].sort((a, b) => a.version - b.version);
            assert.deepEqual(byVersion.map((r) => r.version), [1, 2, 3, 4, 5, 6]);
            assert.equal(byVersion[0]?.supersedes, null);
            for (let i = 1; i < byVersion.length; i++) assert.equal(byVersion[i]?.supersedes, byVersion[i - 1]?.id);
            assert.deepEqual((await store.listDocuments()).items.map((d) => d.id), [byVersion[5]?.id]);
            assert.deepEqual(await store.stats(), { documents: 1, versions: 6, failures: 0 });
          } finally {
            if (other !== store) await other.close();
          }
        }));
    });

    describe('listDocuments', () => {
      it('pages through every row exactly once, in ingest order', () =>
        using(async (store) => {
          const docs = Array.from({ length: 23 }, (_, i) => makeDoc({ origin: { path: `p/${i}.html` }, text: `Report ${i}.` }));
          for (const doc of docs) await store.putDocument(doc);
          const replaced = makeDoc({ origin: { path: 'p/0.html' }, text: 'Report 0, corrected.' });
          await store.putDocument(replaced);

          for (const allVersions of [false, true]) {
            const seen: DocSummary[] = [];
            const sizes: number[] = [];
            let cursor: string | null = null;
            do {
              const page: Awaited<ReturnType<Store['listDocuments']>> = await store.listDocuments({ limit: 5, cursor, allVersions });
              seen.push(...page.items);
              sizes.push(page.items.length);
              cursor = page.next;
            } while (cursor !== null);
            const expected = allVersions ? 24 : 23;
            assert.equal(seen.length, expected);
            assert.equal(new Set(seen.map((d) => d.id)).size, expected);
            assert.ok(sizes.every((n, i) => n === 5 || i === sizes.length - 1));
            const keys = seen.map((d) => [d.ingested, d.id] as const);
            const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
            assert.deepEqual(keys, sorted);
            assert.equal(seen.some((d) => d.id === docs[0]?.id), allVersions);
          }
        }));

      it('summarises each document with title, outlet, date, origin, version and ingest time', () =>
        using(async (store) => {
          const doc = makeDoc({ origin: { path: 'x.html' } });
          await store.putDocument(doc);
          const [item] = (await store.listDocuments()).items;
          assert.ok(item);
          const { ingested, ...rest } = item;
          assert.deepEqual(rest, {
            id: doc.id,
            title: 'Bridge shelled',
            outlet: 'Example Herald',
            published: '2024-02-27',
            origin: 'x.html',
            version: 1,
          });
          assert.match(ingested, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
          assert.ok(Math.abs(Date.parse(ingested) - Date.now()) < 10 * 60_000, `ingested ${ingested} is not about now`);
        }));

      it('keeps the limit between one and the maximum', () =>
        using(async (store) => {
          for (let i = 0; i < 3; i++) await store.putDocument(makeDoc({ origin: { path: `${i}` }, text: `Doc ${i}.` }));
          assert.equal((await store.listDocuments({ limit: 0 })).items.length, 1);
          assert.equal((await store.listDocuments({ limit: -4 })).items.length, 1);
          const all = await store.listDocuments({ limit: 100_000 });
          assert.equal(all.items.length, 3);
          assert.equal(all.next, null);
        }));

      it('rejects a cursor it did not hand out', () =>
        using(async (store) => {
          await assert.rejects(store.listDocuments({ cursor: 'not-a-cursor' }), isStoreError('E_STORE_CURSOR'));
          await assert.rejects(
            store.listDocuments({ cursor: Buffer.from('["yesterday","x"]').toString('base64url') }),
            isStoreError('E_STORE_CURSOR'),
          );
        }));
    });

    describe('listDocuments filters', () => {
      it('filter by publication day, outlet (any case, any script) and language, paging as before', () =>
        using(async (store) => {
          const docs: Doc[] = [];
          for (let i = 0; i < 12; i++) {
            const doc = makeDoc({
              origin: { path: `f/${i}.html` },
              text: `Filtered report ${i}.`,
              published: { ...unknownPublished(), date: i % 4 === 3 ? null : i % 2 === 0 ? `2024-02-${10 + i}` : `2024-03-0${1 + (i % 9)}T08:00:00Z` },
              outlet: i % 3 === 0 ? { name: 'Українська Правда', evidence: 'test' } : i % 3 === 1 ? { name: 'Example Herald', evidence: 'test' } : null,
              language: i % 2 === 0 ? 'uk' : 'EN',
            });
            docs.push(doc);
            await store.putDocument(doc);
          }
          const all = async (options: Parameters<Store['listDocuments']>[0]): Promise<string[]> => {
            const ids: string[] = [];
            let cursor: string | null = null;
            do {
              const page: Awaited<ReturnType<Store['listDocuments']>> = await store.listDocuments({ ...options, limit: 2, cursor });
              assert.ok(page.items.length <= 2);
              ids.push(...page.items.map((d) => d.id));
              cursor = page.next;
            } while (cursor !== null);
            return ids;
          };
          // In the listing's own order (ingestion time, then id: documents put within the same
          // millisecond come in id order, not in the order they were put).
          const listed = await all({});
          const expect = (keep: (doc: Doc, i: number) => boolean): string[] => {
            const kept = new Set(docs.filter(keep).map((d) => d.id));
            return listed.filter((id) => kept.has(id));
          };
          const day = (doc: Doc): string | null => doc.published.date?.slice(0, 10) ?? null;
          assert.deepEqual(await all({ since: '2024-02-15' }), expect((d) => day(d) !== null && (day(d) as string) >= '2024-02-15'));
          assert.deepEqual(await all({ until: '2024-03-03' }), expect((d) => day(d) !== null && (day(d) as string) <= '2024-03-03'));
          assert.deepEqual(await all({ since: '2024-03-01', until: '2024-03-01' }), expect((d) => day(d) === '2024-03-01'));
          assert.deepEqual(await all({ until: '2999-01-01' }), expect((d) => day(d) !== null), 'undated documents are left out of any range');
          assert.deepEqual(await all({ outlet: 'українська правда' }), expect((_, i) => i % 3 === 0));
          assert.deepEqual(await all({ outlet: 'EXAMPLE HERALD' }), expect((_, i) => i % 3 === 1));
          assert.deepEqual(await all({ outlet: 'Example' }), [], 'the whole name, not a part');
          assert.deepEqual(await all({ language: 'en' }), expect((_, i) => i % 2 === 1));
          assert.deepEqual(await all({ language: 'UK', outlet: 'Українська правда', since: '2024-02-01' }), expect((d, i) => i % 2 === 0 && i % 3 === 0 && day(d) !== null));
          // A new version with another outlet leaves the old outlet's listing.
          const moved = makeDoc({ origin: { path: 'f/0.html' }, text: 'Filtered report 0, moved.', outlet: { name: 'Other', evidence: 'test' } });
          await store.putDocument(moved);
          listed.splice(0, listed.length, ...(await all({})));
          assert.deepEqual(await all({ outlet: 'українська правда' }), expect((_, i) => i % 3 === 0 && i !== 0));
          assert.deepEqual(await all({ outlet: 'other' }), [moved.id]);
          assert.equal((await all({ outlet: 'українська правда', allVersions: true })).length, 4);
        }));
    });

    describe('events', () => {
      it('keeps the events of the current version, with every field, in the put transaction', () =>
        using(async (store) => {
          const e1 = makeEvent();
          const e2 = makeEvent({
            id: 'e2', type: 'PROTEST', label: 'PROTEST', mode: 'demonstrate', acled: null, place: null, date: null, start: 9, end: 15,
            certainty: 'reported', scope: 'comment', scopeIndex: 0, attribution: { kind: 'speaker', entity: 'kb:x', text: 'a mayor', cue: null },
          });
          const v1 = makeDoc({ origin: { path: 'ev.html' }, text: 'Shelling hit Kherson; protesters gathered.', layers: { events: [e1, e2] } });
          await store.putDocument(v1);
          const page = await store.listEvents();
          assert.equal(page.next, null);
          assert.deepEqual(page.items, [
            {
              document: v1.id, event: 'e1', type: 'ASSAULT', mode: null,
              acled: { disorder_type: 'Political violence', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' },
              certainty: 'asserted', attribution: 'outlet', scope: 'article',
              place: { name: 'Kherson', country: 'UA', lat: 46.64, lon: 32.61, precision: 2 },
              date: { start: '2024-02-27', end: '2024-02-27', precision: 1 },
              outlet: 'Example Herald', published: '2024-02-27', trigger: { start: 0, end: 8 }, span: e1,
            },
            {
              document: v1.id, event: 'e2', type: 'PROTEST', mode: 'demonstrate', acled: null, certainty: 'reported', attribution: 'speaker',
              scope: 'comment', place: null, date: null, outlet: 'Example Herald', published: '2024-02-27', trigger: { start: 9, end: 15 }, span: e2,
            },
          ]);

          // The same bytes again change nothing; a new version replaces the rows.
          assert.equal((await store.putDocument(v1)).outcome, 'unchanged');
          assert.deepEqual(await store.listEvents(), page);
          const v2 = makeDoc({ origin: { path: 'ev.html' }, text: 'Shelling hit Kherson again.', layers: { events: [makeEvent({ certainty: 'alleged' })] } });
          await store.putDocument(v2);
          assert.deepEqual((await store.listEvents()).items.map((e) => [e.document, e.event, e.certainty]), [[v2.id, 'e1', 'alleged']]);
          // A version without events leaves none behind.
          await store.putDocument(makeDoc({ origin: { path: 'ev.html' }, text: 'Nothing coded here.' }));
          assert.deepEqual((await store.listEvents()).items, []);
        }));

      it('keeps the old events when a put rolls back, and skips events without an id or a type, or with a repeated id', () =>
        using(async (store) => {
          const v1 = makeDoc({ origin: { path: 'a.html' }, text: 'The original report.', layers: { events: [makeEvent(), makeEvent({ id: 'e1', type: 'AID' }), makeEvent({ id: null }), makeEvent({ id: 'e3', type: undefined })] } });
          await store.putDocument(v1);
          assert.deepEqual((await store.listEvents()).items.map((e) => [e.event, e.type]), [['e1', 'ASSAULT']]);
          const clash = makeDoc({ origin: { path: 'a.html' }, text: 'Other bytes, same id.', id: v1.id, layers: { events: [makeEvent({ id: 'e9' })] } });
          await assert.rejects(store.putDocument(clash), isStoreError('E_STORE_CONFLICT'));
          assert.deepEqual((await store.listEvents()).items.map((e) => [e.document, e.event]), [[v1.id, 'e1']]);
        }));

      it('lists in (day, document, event) order, undated last, and pages through every event exactly once', () =>
        using(async (store) => {
          const days = ['2024-03-02', null, '2024-02-27', '2024-03-02', null, '2024-01-15'];
          for (const [i, day] of days.entries()) {
            const events = [0, 1, 2].map((k) =>
              makeEvent({ id: `e${k + 1}`, date: day === null || k === 2 ? null : { start: day, end: day, precision: 1, basis: 'text' } }),
            );
            await store.putDocument(
              makeDoc({ origin: { path: `o/${i}` }, text: `Ordered report ${i}.`, published: { ...unknownPublished(), date: i === 4 ? '2024-02-01' : null }, layers: { events } }),
            );
          }
          const seen: string[][] = [];
          let after: string | null = null;
          let pages = 0;
          do {
            const page: Awaited<ReturnType<Store['listEvents']>> = await store.listEvents({ limit: 4, after });
            assert.ok(page.items.length <= 4);
            seen.push(...page.items.map((e) => [e.date?.start ?? e.published?.slice(0, 10) ?? '~', e.document, e.event]));
            after = page.next;
            pages += 1;
          } while (after !== null && pages < 20);
          assert.equal(seen.length, 18);
          assert.equal(pages, 5);
          const sorted = [...seen].sort((a, b) => (a.join('\u0001') < b.join('\u0001') ? -1 : 1));
          assert.deepEqual(seen, sorted);
          assert.equal(seen.at(-1)?.[0], '~');
          assert.equal(seen.filter((row) => row[0] === '2024-02-01').length, 3, 'an event without a day sorts by its publication day');
          assert.deepEqual((await store.listEvents({ limit: 100_000 })).items.length, 18);
          await assert.rejects(store.listEvents({ after: 'nonsense' }), isStoreError('E_STORE_CURSOR'));
        }));

      it('filters by day window, type, certainty, scope, outlet and bounding box', () =>
        using(async (store) => {
          const put = async (n: number, outlet: string | null, events: readonly Span[]): Promise<void> => {
            await store.putDocument(makeDoc({
              origin: { path: `flt/${n}` }, text: `Filter report ${n}.`,
              outlet: outlet === null ? null : { name: outlet, evidence: 'test' },
              published: { ...unknownPublished(), date: null }, layers: { events },
            }));
          };
          const at = (lat: number, lon: number) => ({ name: 'P', text: 'P', country: null, admin1: null, admin2: null, lat, lon, geonameid: null, precision: 1, basis: 'sentence', start: 0, end: 1 });
          const dated = (start: string, end = start) => ({ start, end, precision: 1, basis: 'text' });
          await put(1, 'Київ Пост', [
            makeEvent({ id: 'a', date: dated('2024-01-10', '2024-01-20'), place: at(50.45, 30.52) }),
            makeEvent({ id: 'b', type: 'PROTEST', certainty: 'reported', date: dated('2024-02-01'), place: at(-17.7, 178.0) }),
          ]);
          await put(2, 'Herald', [
            makeEvent({ id: 'c', type: 'AID', scope: 'caption', date: dated('2024-03-01'), place: at(64.8, -147.7) }),
            makeEvent({ id: 'd', certainty: 'denied', date: null, place: null }),
          ]);
          const ids = async (options: Parameters<Store['listEvents']>[0]): Promise<string> =>
            (await store.listEvents(options)).items.map((e) => e.event).join('');
          assert.equal(await ids({}), 'abcd');
          assert.equal(await ids({ since: '2024-01-15' }), 'abc', 'a range overlapping the window counts');
          assert.equal(await ids({ since: '2024-01-21', until: '2024-02-29' }), 'b');
          assert.equal(await ids({ until: '2024-01-10' }), 'a');
          assert.equal(await ids({ until: '2999-01-01' }), 'abc', 'undated events are left out of any window');
          assert.equal(await ids({ type: 'ASSAULT' }), 'ad');
          assert.equal(await ids({ type: ['PROTEST', 'AID'] }), 'bc');
          assert.equal(await ids({ type: [] }), '');
          assert.equal(await ids({ certainty: ['asserted', 'reported'] }), 'abc');
          assert.equal(await ids({ scope: 'caption' }), 'c');
          assert.equal(await ids({ outlet: 'київ пост' }), 'ab');
          assert.equal(await ids({ outlet: 'HERALD', certainty: 'denied' }), 'd');
          assert.equal(await ids({ bbox: [30, 50, 31, 51] }), 'a');
          assert.equal(await ids({ bbox: [170, -20, -140, 70] }), 'bc', 'a box across the antimeridian');
          assert.equal(await ids({ bbox: [-180, -90, 180, 90] }), 'abc', 'unplaced events are outside every box');
          const paged = await store.listEvents({ type: ['ASSAULT', 'PROTEST', 'AID'], limit: 1 });
          assert.equal(paged.items[0]?.event, 'a');
          assert.equal((await store.listEvents({ type: ['ASSAULT', 'PROTEST', 'AID'], limit: 1, after: paged.next })).items[0]?.event, 'b');
        }));
    });

    describe('revision', () => {
      it('changes with every stored document or version, and with nothing else', () =>
        using(async (store) => {
          const other = (await store.openAnother?.()) ?? store;
          try {
            const seen = new Set<string>();
            const r0 = await store.revision();
            seen.add(r0);
            assert.equal(await store.revision(), r0, 'reading it changes nothing');
            const v1 = makeDoc({ origin: { path: 'r.html' }, text: 'First.' });
            await store.putDocument(v1);
            const r1 = await store.revision();
            assert.ok(!seen.has(r1));
            seen.add(r1);
            await store.putDocument(v1);
            await store.recordFailure({ input: 'x', stage: 'ingest', code: 'c', message: 'm' });
            await store.setFetchState({ url: 'https://example.com/f', etag: null, lastModified: null, fetched: '2024-01-01T00:00:00.000Z' });
            assert.equal(await store.revision(), r1, 'an unchanged put is no write');
            await other.putDocument(makeDoc({ origin: { path: 'r.html' }, text: 'Second.' }));
            const r2 = await store.revision();
            assert.ok(!seen.has(r2), 'a new version by another connection is seen');
            seen.add(r2);
            await assert.rejects(store.putDocument(makeDoc({ origin: { path: 'r.html' }, text: 'Clash.', id: v1.id })), isStoreError('E_STORE_CONFLICT'));
            assert.equal(await store.revision(), r2, 'a rolled-back put is no write');
            await Promise.all([0, 1, 2].map((i) => (i % 2 ? other : store).putDocument(makeDoc({ origin: { path: `r/${i}` }, text: `Parallel ${i}.` }))));
            assert.ok(!seen.has(await store.revision()));
          } finally {
            if (other !== store) await other.close();
          }
        }));
    });

    describe('upgrade from schema 0001', { skip: options.makeUnmigrated === undefined ? 'no unmigrated store given' : false }, () => {
      it('fills the events table, outlet keys and the revision from the documents already stored', () =>
        usingStore(options.makeUnmigrated as () => Promise<StoreUnderTest>, async (store) => {
          const sql = store as unknown as SqlStore;
          await sql.migrateTo('0001-initial-schema');
          const current = makeDoc({ origin: { path: 'old.html' }, text: 'Shelling in Kherson.', outlet: { name: 'Ранок', evidence: 'test' }, layers: { events: [makeEvent(), makeEvent({ id: 'e2', type: 'AID' })] } });
          const retired = makeDoc({ origin: { path: 'old.html' }, text: 'An earlier version.', layers: { events: [makeEvent({ type: 'PROTEST' })] } });
          const plain = makeDoc({ origin: { path: 'plain.html' }, text: 'No events.' });
          const legacy = (doc: Doc, version: number, isCurrent: boolean, ingested: string) => ({
            id: doc.id, sha256: doc.origin.sha256, origin_key: doc.origin.path ?? '', version, supersedes: null, current: store.kind === 'sqlite' ? (isCurrent ? 1 : 0) : isCurrent,
            title: doc.title, outlet: doc.outlet?.name ?? null, published: doc.published.date, language: doc.language, ingested, doc: JSON.stringify(doc),
          });
          // Written as the previous schema's code wrote them (no outlet_key column yet).
          await sql.database.insertInto('documents').values([
            legacy(retired, 1, false, '2024-03-01T10:00:00.000Z'),
            legacy(current, 2, true, '2024-03-01T10:00:01.000Z'),
            legacy(plain, 1, true, '2024-03-01T10:00:02.000Z'),
          ] as never).execute();

          await store.migrate();
          assert.deepEqual((await store.listEvents()).items.map((e) => [e.document, e.event, e.type, e.outlet]), [
            [current.id, 'e1', 'ASSAULT', 'Ранок'],
            [current.id, 'e2', 'AID', 'Ранок'],
          ]);
          assert.deepEqual((await store.listDocuments({ outlet: 'ранок' })).items.map((d) => d.id), [current.id]);
          assert.deepEqual((await store.listEvents({ outlet: 'РАНОК', type: 'AID' })).items.map((e) => e.event), ['e2']);
          const before = await store.revision();
          const v3 = makeDoc({ origin: { path: 'old.html' }, text: 'The third version.', layers: { events: [makeEvent({ type: 'COERCE' })] } });
          assert.deepEqual(await store.putDocument(v3), { outcome: 'new-version', id: v3.id, version: 3, supersedes: current.id });
          assert.notEqual(await store.revision(), before);
          assert.deepEqual((await store.listEvents()).items.map((e) => [e.document, e.type]), [[v3.id, 'COERCE']]);
          assert.deepEqual(await store.stats(), { documents: 2, versions: 4, failures: 0 });
          await store.migrate();
          assert.equal((await store.listEvents()).items.length, 1, 'migrating again changes nothing');
        }));
    });

    describe('exportDocuments', () => {
      it('streams every current document in batches, and every version when asked, while the store stays usable', () =>
        using(async (store) => {
          const docs = Array.from({ length: 120 }, (_, i) => makeDoc({ origin: { path: `e/${i}.html` }, text: `Export ${i}.` }));
          for (const doc of docs) await store.putDocument(doc);
          const newer = makeDoc({ origin: { path: 'e/7.html' }, text: 'Export 7, second version.' });
          await store.putDocument(newer);

          const page = await store.listDocuments();
          assert.equal(page.items.length, 50, 'the default page is 50');
          assert.notEqual(page.next, null);

          let count = 0;
          const exported = new Map<string, Doc>();
          for await (const doc of store.exportDocuments()) {
            exported.set(doc.id, doc);
            // Writing mid-export must not deadlock (no connection is held between batches).
            if (count++ % 40 === 0) await store.recordFailure({ input: `during-export-${count}`, stage: 'ingest', code: 'x', message: 'y' });
          }
          assert.equal(exported.size, 120);
          assert.equal(exported.has(docs[7]?.id ?? ''), false);
          assert.deepEqual(exported.get(newer.id), newer);
          assert.deepEqual(exported.get(docs[0]?.id ?? ''), docs[0]);
          assert.equal((await collect(store.exportDocuments({ allVersions: true }))).length, 121);
        }));
    });

    describe('search', () => {
      it('finds documents by words in the text and in the title, marking the match', () =>
        using(async (store) => {
          const convoy = makeDoc({ origin: { path: 'c' }, title: 'Aid delivered', text: 'A humanitarian convoy reached the city at dawn.' });
          const dam = makeDoc({ origin: { path: 'd' }, title: 'Dam breached overnight', text: 'Water levels rose across the region.' });
          await store.putDocument(convoy);
          await store.putDocument(dam);

          const byText = await store.search('convoy');
          assert.deepEqual(byText.map((h) => [h.id, h.title]), [[convoy.id, 'Aid delivered']]);
          assert.match(byText[0]?.snippet ?? '', /«convoy»/);
          assert.equal(typeof byText[0]?.rank, 'number');

          assert.deepEqual((await store.search('Dam')).map((h) => h.id), [dam.id]);
          assert.deepEqual((await store.search('humanitarian dawn')).map((h) => h.id), [convoy.id], 'every word must match');
          assert.deepEqual(await store.search('humanitarian flood'), []);
        }));

      it('ranks a title match above a passing mention in the text', () =>
        using(async (store) => {
          const mention = makeDoc({
            origin: { path: 'm' },
            title: 'Regional roundup',
            text: 'Power cuts in the north. Talks stalled. Shelling near Mariupol was reported. Prices rose.',
          });
          const about = makeDoc({ origin: { path: 'a' }, title: 'Mariupol port reopens', text: 'Ships docked for the first time in months.' });
          await store.putDocument(mention);
          await store.putDocument(about);
          const hits = await store.search('Mariupol');
          assert.deepEqual(hits.map((h) => h.id), [about.id, mention.id]);
          assert.ok((hits[0]?.rank ?? 0) > (hits[1]?.rank ?? 0), 'rank is higher for the better hit');
        }));

      it('finds Cyrillic words', () =>
        using(async (store) => {
          // Same case as the text: case-folding beyond ASCII depends on the PostgreSQL server's locale.
          const doc = makeDoc({ origin: { path: 'uk' }, title: 'Новини', language: 'uk', text: 'Обстріл Києва триває третій день.' });
          await store.putDocument(doc);
          await store.putDocument(makeDoc({ origin: { path: 'en' }, text: 'Nothing in Ukrainian here.' }));
          assert.deepEqual((await store.search('Києва')).map((h) => h.id), [doc.id]);
          assert.deepEqual((await store.search('триває')).map((h) => h.id), [doc.id]);
          assert.match((await store.search('триває'))[0]?.snippet ?? '', /«триває»/);
        }));

      it('understands quoted phrases, excluded words and OR, as web search boxes do', () =>
        using(async (store) => {
          const a = makeDoc({ origin: { path: 'a' }, title: null, text: 'The river crossing was shelled.' });
          const b = makeDoc({ origin: { path: 'b' }, title: null, text: 'The crossing of the river was calm.' });
          const c = makeDoc({ origin: { path: 'c' }, title: null, text: 'A bridge was repaired.' });
          for (const d of [a, b, c]) await store.putDocument(d);
          const ids = async (q: string) => (await store.search(q)).map((h) => h.id).sort();
          assert.deepEqual(await ids('"river crossing"'), [a.id]);
          assert.deepEqual(await ids('river crossing'), [a.id, b.id].sort());
          assert.deepEqual(await ids('river -shelled'), [b.id]);
          assert.deepEqual(await ids('shelled or bridge'), [a.id, c.id].sort());
        }));

      it('searches current versions only', () =>
        using(async (store) => {
          await store.putDocument(makeDoc({ origin: { path: 'v' }, text: 'Early claim: the airport fell.' }));
          const v2 = makeDoc({ origin: { path: 'v' }, text: 'Correction: the airport is contested.' });
          await store.putDocument(v2);
          assert.deepEqual(await store.search('fell'), []);
          assert.deepEqual((await store.search('contested')).map((h) => h.id), [v2.id]);
        }));

      it('honours the limit', () =>
        using(async (store) => {
          for (let i = 0; i < 5; i++) await store.putDocument(makeDoc({ origin: { path: `${i}` }, text: `Bridge report ${i}.` }));
          assert.equal((await store.search('bridge', { limit: 2 })).length, 2);
          assert.equal((await store.search('bridge')).length, 5);
        }));

      it('answers hostile queries without throwing, and an empty query with nothing', () =>
        using(async (store) => {
          await store.putDocument(makeDoc({ text: 'Officials drop a table of documents at the bridge AND the road.' }));
          assert.deepEqual(await store.search(''), []);
          assert.deepEqual(await store.search('   \n\t'), []);
          const hostile = [
            '"', '*', 'AND', 'OR', 'NOT', 'NEAR(', 'NEAR(bridge road, 2)', "'; drop table documents; --", '-', '--bridge',
            '(', ')', 'bridge)', ':', 'title:bridge', '^bridge', 'bridge*', '"unterminated', '""', 'a OR', 'OR OR',
            '\\', '%', '_', '\u0000', '\uD800', '🚀', '+bridge', 'bridge -', '-"', '{bridge}', '!', '&', '|', '<->',
          ];
          for (const q of hostile) {
            const hits = await store.search(q);
            assert.ok(Array.isArray(hits), `search(${JSON.stringify(q)}) returns a list`);
          }
          assert.equal((await store.search("'; drop table documents; --")).length, 1);
          assert.deepEqual(await store.stats(), { documents: 1, versions: 1, failures: 0 });
        }));

      it('never throws, whatever is typed', () =>
        using(async (store) => {
          await store.putDocument(makeDoc({ text: 'The bridge and the road.' }));
          const piece = fc.constantFrom('"', '*', 'AND', 'OR', 'or', 'NOT', 'NEAR', '(', ')', '-', ':', '^', '+', "'", ';', '\\', 'bridge', 'Київ', ' ', '\u0000', '\uDC00');
          const query = fc.oneof(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 20 }));
          await fc.assert(
            fc.asyncProperty(query, async (q) => {
              const hits = await store.search(q);
              assert.ok(Array.isArray(hits));
            }),
            { numRuns: 60 },
          );
        }));
    });

    describe('failures', () => {
      it('keeps the same failure once, in the order first seen', () =>
        using(async (store) => {
          const a = { input: 'a.html', stage: 'ingest', code: 'too-large', message: 'Input is 40 MB, over the 32 MB limit' };
          const b = { input: 'b.html', stage: 'places', code: 'E_STAGE_THREW', message: 'Cannot read "Київ" 🚀' };
          await store.recordFailure(a);
          await store.recordFailure(b);
          await store.recordFailure(a);
          await store.recordFailure({ ...a, message: `${a.message}.` });
          assert.deepEqual(await store.listFailures(), [a, b, { ...a, message: `${a.message}.` }]);
          assert.equal((await store.stats()).failures, 3);
        }));

      it('keeps a failure whose message holds U+0000, with a replacement character', () =>
        using(async (store) => {
          const f = { input: 'bin.dat', stage: 'ingest', code: 'decode', message: 'Bad byte \u0000 here' };
          await store.recordFailure(f);
          await store.recordFailure(f);
          assert.deepEqual(await store.listFailures(), [{ ...f, message: 'Bad byte \uFFFD here' }]);
        }));
    });

    describe('fetch state', () => {
      it('is stored, read back and replaced per URL', () =>
        using(async (store) => {
          const url = 'https://example.com/feed.xml';
          assert.equal(await store.getFetchState(url), null);
          const first = { url, etag: 'W/"abc"', lastModified: 'Tue, 27 Feb 2024 10:00:00 GMT', fetched: '2024-02-27T10:00:01.000Z' };
          await store.setFetchState(first);
          assert.deepEqual(await store.getFetchState(url), first);
          const second = { url, etag: null, lastModified: null, fetched: '2024-02-28T10:00:01.000Z' };
          await store.setFetchState(second);
          assert.deepEqual(await store.getFetchState(url), second);
          assert.equal(await store.getFetchState('https://example.com/other.xml'), null);
        }));
    });
  });
}

function isStoreError(code: string): (error: unknown) => boolean {
  return (error) => error instanceof StoreError && error.code === code;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
