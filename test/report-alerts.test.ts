/** `sitrep report --alerts --alerts-webhook`: alerts to stderr and to a webhook, the report intact on stdout. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import type { SituationReport } from '../src/report/index.js';
import { runCli } from './cli-helpers.js';

const EXAMPLES = resolve(import.meta.dirname, '../examples');
const work = mkdtempSync(join(tmpdir(), 'sitrep-report-alerts-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('report --alerts prints each alert to stderr and posts them all to the webhook', async () => {
  const received: unknown[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ method: request.method, type: request.headers['content-type'], body: JSON.parse(body) as unknown });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const webhook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  try {
    const db = join(work, 'examples.db');
    assert.equal((await runCli(['ingest', '--db', db, '-q', EXAMPLES])).code, 0);
    const run = await runCli(['report', '--db', db, '--format', 'json', '--alerts', '--alerts-webhook', webhook]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as SituationReport;
    assert.ok(report.alerts.length > 0, 'the examples hold physical incidents, so some rule fires');
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('ALERT '));
    assert.equal(lines.length, report.alerts.length);
    assert.equal(received.length, 1);
    const post = received[0] as { method: string; type: string; body: { alerts: SituationReport['alerts'] } };
    assert.equal(post.method, 'POST');
    assert.match(post.type, /application\/json/);
    assert.deepEqual(post.body.alerts, JSON.parse(JSON.stringify(report.alerts)));
    for (const alert of post.body.alerts) assert.ok(alert.incidents.length > 0, 'every alert names the incidents behind it');
  } finally {
    server.close();
  }
});

test('a webhook that is not http(s) is a configuration error, named', async () => {
  const run = await runCli(['report', '--db', join(work, 'empty.db'), '--format', 'json', '--alerts-webhook', 'file:///etc/passwd']);
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /alerts\.webhook must be an http\(s\) URL/);
});
