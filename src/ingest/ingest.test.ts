import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { openStore } from '../store/open-store.js';
import { ingestInputs } from './ingest.js';
import { countPathInputs } from './files.js';

describe('ingestInputs', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
    for (let i = 0; i < 12; i += 1) {
      writeFileSync(
        join(dir, `a${String(i).padStart(2, '0')}.txt`),
        `Report number ${i} from Leposavić\n\nOfficers counted ${i * 3} vehicles at the checkpoint on day ${i}.\n\nResidents said the queue reached the bridge.\n`,
      );
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same documents on a worker pool as in-process', async () => {
    const run = async (workers: number, minInputsForWorkers: number, db: string) => {
      const config = loadConfig({ db, ingest: { workers, minInputsForWorkers } }, {});
      const store = await openStore(config.db);
      try {
        const summary = await ingestInputs([dir], { store, config });
        const docs = [];
        for await (const doc of store.exportDocuments()) docs.push({ ...doc, origin: { ...doc.origin, fetched: '' } });
        return { summary, docs: docs.sort((a, b) => a.id.localeCompare(b.id)) };
      } finally {
        await store.close();
      }
    };
    const inProcess = await run(0, 1000, ':memory:');
    const pooled = await run(2, 2, ':memory:');
    assert.equal(inProcess.summary.workers, 0);
    assert.equal(pooled.summary.workers, 2);
    assert.equal(pooled.summary.stored, 12);
    assert.deepEqual(pooled.docs, inProcess.docs);
  });

  it('counts the inputs a folder holds up front, and gives up on JSONL whose records cannot be counted cheaply', async () => {
    assert.equal(await countPathInputs([dir]), 12);
    assert.equal(await countPathInputs([dir, join(dir, 'missing.txt')]), 13);
    const other = mkdtempSync(join(tmpdir(), 'sitrep-count-'));
    try {
      writeFileSync(join(other, 'records.jsonl'), '{"text": "a"}\n{"text": "b"}\n');
      assert.equal(await countPathInputs([other]), null);
      assert.equal(await countPathInputs(['-']), null);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('reports progress for every input', async () => {
    const config = loadConfig({ db: ':memory:' }, {});
    const store = await openStore(config.db);
    const seen: number[] = [];
    try {
      await ingestInputs([dir], { store, config, onProgress: (p) => seen.push(p.done) });
    } finally {
      await store.close();
    }
    assert.equal(Math.max(...seen), 12);
  });

  it('stops reading when the signal is aborted', async () => {
    const config = loadConfig({ db: ':memory:' }, {});
    const store = await openStore(config.db);
    const controller = new AbortController();
    controller.abort();
    try {
      const summary = await ingestInputs([dir], { store, config, signal: controller.signal });
      assert.equal(summary.stored, 0);
    } finally {
      await store.close();
    }
  });
});
