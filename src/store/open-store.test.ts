import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openStore } from './open-store.js';
import { redactUrl } from './postgres-store.js';
import { StoreError } from './store-error.js';

function storeError(code: string, ...mustMention: readonly string[]): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
    assert.equal(error.code, code);
    for (const text of mustMention) assert.ok(error.message.includes(text), `"${error.message}" should mention "${text}"`);
    assert.ok(!error.message.includes('hunter2'), `"${error.message}" must not show the password`);
    return true;
  };
}

describe('openStore', () => {
  it('opens a SQLite store for any plain path, including :memory:', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-open-store-'));
    try {
      for (const path of [':memory:', join(dir, 'a.db')]) {
        const store = await openStore(path);
        assert.equal(store.kind, 'sqlite');
        assert.deepEqual(await store.stats(), { documents: 0, versions: 0, failures: 0 });
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the schema alone when told not to migrate', async () => {
    const store = await openStore(':memory:', { migrate: false });
    try {
      await assert.rejects(store.stats());
      await store.migrate();
      assert.deepEqual(await store.stats(), { documents: 0, versions: 0, failures: 0 });
    } finally {
      await store.close();
    }
  });

  it('says which SQLite file it cannot open, and why', async () => {
    const path = join(tmpdir(), 'sitrep-no-such-dir', 'deeper', 'x.db');
    await assert.rejects(openStore(path), storeError('E_STORE_CONNECT', path, 'directory does not exist'));
  });

  it('reports an unreachable PostgreSQL server by URL, without the password', async () => {
    await assert.rejects(
      openStore('postgres://postgres:hunter2@127.0.0.1:1/test'),
      storeError('E_STORE_CONNECT', 'postgres://postgres:***@127.0.0.1:1/test', 'ECONNREFUSED'),
    );
  });

  it('rejects a malformed PostgreSQL URL', async () => {
    await assert.rejects(openStore('postgresql://me:hunter2@[bad/db'), storeError('E_STORE_URL', 'Not a valid PostgreSQL URL'));
  });

  it('rejects other URL schemes instead of making a strangely named SQLite file', async () => {
    await assert.rejects(openStore('mysql://me:hunter2@db/sitrep'), storeError('E_STORE_URL', '"mysql:"'));
    await assert.rejects(openStore(''), storeError('E_STORE_URL'));
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await assert.rejects(openStore('postgres://127.0.0.1:1/test', { schema: 'x; drop' }), storeError('E_STORE_URL', 'x; drop'));
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    assert.equal(redactUrl('postgres://u:p%40ss@db.example:5432/sitrep?sslmode=require'), 'postgres://u:***@db.example:5432/sitrep?sslmode=require');
    assert.equal(redactUrl('postgres://u@db/sitrep'), 'postgres://u@db/sitrep');
    assert.equal(redactUrl('postgres://u:hunter2@[bad/db'), 'postgres://u:***@[bad/db');
  });
});
