/**
 * Issue #7's bar, end to end: `sitrep serve` as its own process on a store built from the seed
 * articles (read from ../shared/seeds, never copied here) answers the OpenAPI document, lists the
 * five documents and their events, refuses an unauthenticated write, and sends a CSP on `/`.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './cli-helpers.js';

const SEEDS = resolve(import.meta.dirname, '../../shared/seeds');
const RUN_SITREP = join(import.meta.dirname, 'run-sitrep.ts');

/** Starts `sitrep serve` on a free port and resolves with its base URL once it says it listens. */
function serve(db: string, token: string, camps: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUN_SITREP, 'serve', '--db', db, '--port', '0', '--camps', camps], {
    env: { ...process.env, SITREP_API_TOKEN: token, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`sitrep serve did not start in 60 s: ${out}${err}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /API (http:\/\/127\.0\.0\.1:\d+)\/api/.exec(out)?.[1];
      if (url) { clearTimeout(timer); resolvePromise({ child, url }); }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`sitrep serve exited with ${code}: ${out}${err}`)); });
  });
}

describe('sitrep serve on the seed articles', { skip: existsSync(SEEDS) ? false : `../shared/seeds is absent (looked in ${SEEDS})` }, () => {
  const work = mkdtempSync(join(tmpdir(), 'sitrep-serve-seeds-'));
  const db = join(work, 'seeds.db');
  let server: { child: ChildProcess; url: string };

  before(async () => {
    const ingested = await runCli(['ingest', '--db', db, SEEDS]);
    assert.equal(ingested.code, 0, ingested.stderr);
    const camps = join(work, 'camps.json');
    writeFileSync(camps, JSON.stringify({ camps: [{ name: 'Wire services', outlets: ['UNIAN'] }] }));
    server = await serve(db, 'seeds-test-token', camps);
  });
  after(() => {
    server?.child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  });

  test('answers /api/openapi.json with the documents and events paths', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    assert.equal(response.status, 200);
    const spec = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.match(spec.openapi, /^3\./);
    for (const path of ['/api/documents', '/api/events', '/api/incidents']) assert.ok(path in spec.paths, `${path} documented`);
  });

  test('lists the five documents, and their events trace back to them', async () => {
    const documents = (await (await fetch(`${server.url}/api/documents?limit=50`)).json()) as { items: { id: string }[]; next: string | null };
    assert.equal(documents.items.length, 5);
    assert.equal(documents.next, null);
    const ids = new Set(documents.items.map((d) => d.id));
    const events = (await (await fetch(`${server.url}/api/events?limit=500`)).json()) as { items: { document: string }[] };
    assert.ok(events.items.length >= 5, `events listed: ${events.items.length}`);
    const withEvents = new Set(events.items.map((e) => e.document));
    for (const id of withEvents) assert.ok(ids.has(id), `event of ${id} belongs to a listed document`);
    assert.equal(withEvents.size, 5, 'every seed article has events');
  });

  test('serves the camps given with --camps', async () => {
    const body = (await (await fetch(`${server.url}/api/camps`)).json()) as { source: string; camps: { name: string }[] };
    assert.equal(body.source, 'configured');
    assert.deepEqual(body.camps.map((c) => c.name), ['Wire services']);
  });

  test('refuses a write without the token (401) and sends a CSP on /', async () => {
    const write = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'An unauthenticated article.' }) });
    assert.equal(write.status, 401);
    const page = await fetch(`${server.url}/`);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.doesNotMatch(page.headers.get('content-security-policy') ?? '', /unsafe-inline'[^;]*script|script-src[^;]*unsafe-inline/);
  });
});
