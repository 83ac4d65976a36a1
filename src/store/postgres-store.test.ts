import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import { openStore } from './open-store.js';
import { redactUrl } from './postgres-store.js';
import { runStoreConformance } from './store.case.js';
import { makeDoc } from './test-docs.js';

const url = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const unreachable = await reachability(url);
const skip = unreachable === null ? false : `PostgreSQL not reachable at ${redactUrl(url)}: ${unreachable}; the PostgreSQL store suite did not run`;

if (skip && process.env.CI) {
  // CI must exercise PostgreSQL: an unreachable server there is a failure, not a skip.
  it('reaches the PostgreSQL server CI provides', () => assert.fail(skip));
} else if (skip) {
  console.warn(`\n*** ${skip} (set SITREP_TEST_PG to a reachable server) ***\n`);
}

runStoreConformance('PostgreSQL store', () => makeStore(), { skip, makeUnmigrated: () => makeStore(false) });

describe('PostgreSQL store with many writers', { skip }, () => {
  it('lets several processes open and migrate one fresh schema at the same time', async () => {
    const schema = freshSchema();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(url, { schema })));
    try {
      const results = await Promise.all(stores.map((s) => s.putDocument(makeDoc())));
      assert.deepEqual(results.map((r) => r.outcome).sort(), ['stored', 'unchanged', 'unchanged', 'unchanged']);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await dropSchema(schema);
    }
  });

  it('keeps stores in different schemas apart', async () => {
    const [a, b] = await Promise.all([makeStore(), makeStore()]);
    try {
      await a.putDocument(makeDoc());
      assert.equal((await a.stats()).documents, 1);
      assert.equal((await b.stats()).documents, 0);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await Promise.all([a.teardown(), b.teardown()]);
    }
  });
});

/** A store in its own new schema, so parallel test runs against one server never collide. */
async function makeStore(migrate = true) {
  const schema = freshSchema();
  const store = await openStore(url, { schema, migrate });
  return Object.assign(store, {
    teardown: () => dropSchema(schema),
    openAnother: () => openStore(url, { schema, migrate: false }),
  });
}

function freshSchema(): string {
  return `sitrep_test_${randomBytes(6).toString('hex')}`;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** null when the server answers, else why not. */
async function reachability(target: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: target, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || String((error as { code?: unknown }).code ?? error.name) : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
