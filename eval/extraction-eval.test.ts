import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeHtml, extractionEval, worstPages } from './extraction-eval.js';

describe('decodeHtml', () => {
  it('reads valid UTF-8 as UTF-8 whatever the page declares, as the benchmark does', () => {
    const bytes = new TextEncoder().encode('<meta charset="windows-1251"><p>Москва</p>');
    assert.equal(decodeHtml(bytes), '<meta charset="windows-1251"><p>Москва</p>');
  });

  it('falls back to the declared charset for bytes that are not UTF-8', () => {
    const head = new TextEncoder().encode('<meta charset="windows-1251"><p>');
    const bytes = Uint8Array.from([...head, 0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]);
    assert.equal(decodeHtml(bytes), '<meta charset="windows-1251"><p>Москва');
  });

  it('falls back to windows-1252 when nothing is declared', () => {
    assert.equal(decodeHtml(Uint8Array.from([0x63, 0x61, 0x66, 0xe9])), 'café');
  });
});

/** A one-page benchmark folder written for this test. */
function writeBenchmark(dir: string): void {
  const paragraph = (n: number): string =>
    `<p>Paragraph ${n} of the report says the convoy waited at the crossing for several hours while officials talked, and residents gathered along the road to watch what would happen next.</p>`;
  const body = Array.from({ length: 6 }, (_, n) => paragraph(n + 1)).join('');
  const html = `<!doctype html><html><head><title>Convoy waits</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Convoy waits</h1>${body}</article><footer>Copyright the test</footer></body></html>`;
  const truth = Array.from({ length: 6 }, (_, n) => paragraph(n + 1).replace(/<\/?p>/g, '')).join('\n');
  mkdirSync(join(dir, 'html'));
  writeFileSync(join(dir, 'ground-truth.json'), JSON.stringify({ page1: { articleBody: truth, url: 'https://example.org/convoy' } }));
  writeFileSync(join(dir, 'html', 'page1.html.gz'), gzipSync(html));
}

describe('extractionEval', () => {
  it('runs sitrep and Readability.js on the same pages and scores both with the benchmark metric', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-extraction-'));
    try {
      writeBenchmark(dir);
      const result = extractionEval(dir);
      assert.equal(result.pages, 1);
      for (const system of ['sitrep', 'readability'] as const) {
        const run = result.runs[system];
        assert.ok(run, system);
        assert.equal(run.pages[0]?.id, 'page1');
        assert.ok(run.score.recall > 0.9, `${system} recall ${run.score.recall}`);
        assert.equal(worstPages(run, 5).length, 1);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the page file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-extraction-'));
    try {
      writeFileSync(join(dir, 'ground-truth.json'), JSON.stringify({ missing: { articleBody: 'x', url: '' } }));
      assert.throws(() => extractionEval(dir), /missing\.html\.gz/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
