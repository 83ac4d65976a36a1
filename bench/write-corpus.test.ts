import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { generateArticles } from './generate-articles.js';
import { writeCorpus } from './write-corpus.js';

const root = mkdtempSync(join(tmpdir(), 'sitrep-write-corpus-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('writeCorpus', () => {
  it('writes every article into shards of 1000 files and counts the bytes', async () => {
    const dir = join(root, 'sharded');
    const summary = await writeCorpus(dir, 2100, { seed: 2 });
    assert.equal(summary.files, 2100);
    assert.deepEqual(readdirSync(dir).sort(), ['000', '001', '002']);
    assert.deepEqual(['000', '001', '002'].map((s) => readdirSync(join(dir, s)).length), [1000, 1000, 100]);

    let bytes = 0;
    for (const [i, article] of [...generateArticles(2100, { seed: 2 })].entries()) {
      bytes += Buffer.byteLength(article.content);
      if (i % 250 === 0) assert.equal(readFileSync(join(dir, String(Math.floor(i / 1000)).padStart(3, '0'), article.name), 'utf8'), article.content);
    }
    assert.equal(summary.bytes, bytes);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(writeCorpus(join(root, 'aborted'), 10, { signal: controller.signal }), { name: 'AbortError' });
  });

  it('runs as a command', () => {
    const script = fileURLToPath(new URL('./write-corpus.ts', import.meta.url));
    const out = join(root, 'cli');
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--count', '25', '--out', out, '--seed', '3'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^25 files, [\d.]+ MB in /);
    assert.equal(readdirSync(join(out, '000')).length, 25);
  });
});
