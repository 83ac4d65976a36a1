import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open-store.js';
import { runStoreConformance } from './store.case.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function fileStore(migrate: boolean) {
  const path = join(dir, `store-${++n}.db`);
  const store = await openStore(path, { migrate });
  return Object.assign(store, {
    teardown: async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    },
  });
}

runStoreConformance('SQLite store (temporary file)', () => fileStore(true), { makeUnmigrated: () => fileStore(false) });

runStoreConformance('SQLite store (:memory:)', () => openStore(':memory:'), { makeUnmigrated: () => openStore(':memory:', { migrate: false }) });
