import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, loadConfig, sitrepVersion } from './config.js';

describe('loadConfig', () => {
  it('overlays file, environment and overrides in that order, and freezes the result', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sitrep-config-')), 'c.json');
    writeFileSync(file, JSON.stringify({ db: 'from-file.db', ingest: { maxBytes: 1000 }, fetch: { timeoutMs: 5 } }));
    const config = loadConfig({ fetch: { timeoutMs: 7 } }, { SITREP_CONFIG: file, SITREP_DB: 'postgres://u@h/db' });
    assert.equal(config.db, 'postgres://u@h/db');
    assert.equal(config.ingest.maxBytes, 1000);
    assert.equal(config.fetch.timeoutMs, 7);
    assert.equal(config.fetch.maxRedirects, defaultConfig().fetch.maxRedirects);
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.ingest));
    assert.throws(() => {
      (config.ingest as { maxBytes: number }).maxBytes = 1;
    });
  });

  it('rejects invalid values with a message quoting them', () => {
    assert.throws(() => loadConfig({ ingest: { maxBytes: -1 } }, {}), /ingest\.maxBytes must be a positive number, got -1/);
    assert.throws(() => loadConfig({ ingest: { published: '31/02/2024' } }, {}), /got "31\/02\/2024"/);
    assert.throws(() => loadConfig({}, { SITREP_CONFIG: '/nonexistent/sitrep.json' }), /Cannot read config file/);
    assert.throws(() => loadConfig({ api: { port: 70000 } }, {}), /api\.port must be a port number/);
    assert.throws(() => loadConfig({}, { SITREP_API_TOKEN: 'short' }), /at least 16 characters/);
  });

  it('takes the API token from SITREP_API_TOKEN', () => {
    assert.equal(loadConfig({}, {}).api.token, null);
    assert.equal(loadConfig({}, { SITREP_API_TOKEN: 'a-long-enough-token' }).api.token, 'a-long-enough-token');
  });

  it('reports the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    assert.equal(sitrepVersion(), pkg.version);
  });
});
