import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../config.js';
import { openStore } from '../store/open-store.js';
import { startServer } from './serve.js';

test('the server listens on 127.0.0.1, answers /api/health over HTTP, and closes', async () => {
  const store = await openStore(':memory:');
  const server = await startServer({ store, config: defaultConfig(), token: null, port: 0 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/api/health`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(((await response.json()) as { status: string }).status, 'ok');
  } finally {
    await server.close();
    await store.close();
  }
  await assert.rejects(fetch(`${server.url}/api/health`), 'nothing listens after close()');
});

test('a port already taken is a rejected promise, not a crash', async () => {
  const store = await openStore(':memory:');
  const first = await startServer({ store, config: defaultConfig(), token: null, port: 0 });
  try {
    const port = Number(new URL(first.url).port);
    await assert.rejects(startServer({ store, config: defaultConfig(), token: null, port }), /EADDRINUSE/);
  } finally {
    await first.close();
    await store.close();
  }
});

test('aborting the signal closes the server', async () => {
  const store = await openStore(':memory:');
  const controller = new AbortController();
  const server = await startServer({ store, config: defaultConfig(), token: null, port: 0, signal: controller.signal });
  controller.abort();
  await server.close();
  await assert.rejects(fetch(`${server.url}/api/health`));
  await store.close();
});
