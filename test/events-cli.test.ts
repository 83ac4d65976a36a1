/** `sitrep events`: the store's events table through the CLI, filtered, each row traceable to its document. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Doc } from '../src/doc/types.js';
import type { Page, StoredEvent } from '../src/store/store.js';
import { runCli } from './cli-helpers.js';

const EXAMPLES = resolve(import.meta.dirname, '../examples');

describe('sitrep events over the examples', () => {
  const work = mkdtempSync(join(tmpdir(), 'sitrep-events-cli-'));
  const db = join(work, 'examples.db');
  before(async () => assert.equal((await runCli(['ingest', '--db', db, '-q', EXAMPLES])).code, 0));
  after(() => rmSync(work, { recursive: true, force: true }));

  test('a type filter returns only that type, and every trigger lies in its document', async () => {
    const run = await runCli(['events', '--db', db, '--type', 'assault', '--json', '-n', '500']);
    assert.equal(run.code, 0, run.stderr);
    const page = JSON.parse(run.stdout) as Page<StoredEvent>;
    assert.ok(page.items.length > 0);
    const docs = new Map<string, Doc>();
    for (const e of page.items) {
      assert.equal(e.type, 'ASSAULT');
      if (!docs.has(e.document)) {
        const shown = await runCli(['show', '--db', db, '--json', e.document]);
        docs.set(e.document, JSON.parse(shown.stdout) as Doc);
      }
      const doc = docs.get(e.document)!;
      assert.ok(e.trigger.start >= 0 && e.trigger.end <= doc.text.length && e.trigger.start < e.trigger.end);
      assert.ok(doc.layers.events?.some((span) => span.start === e.trigger.start && span.end === e.trigger.end), 'the row is the layer event');
    }
  });

  test('a date window keeps only events overlapping it, and a malformed day is a usage error', async () => {
    const run = await runCli(['events', '--db', db, '--since', '2022-10-16', '--until', '2022-10-16', '--json', '-n', '500']);
    assert.equal(run.code, 0, run.stderr);
    for (const e of (JSON.parse(run.stdout) as Page<StoredEvent>).items) {
      const start = e.date?.start ?? e.published!;
      const end = e.date?.end ?? e.published!;
      assert.ok(start <= '2022-10-16' && end >= '2022-10-16', `${e.document}#${e.event} ${start}..${end}`);
    }
    const bad = await runCli(['events', '--db', db, '--since', '16/10/2022']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not a day like/);
  });
});
