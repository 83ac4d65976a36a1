import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanArticle } from './clean-article.js';
import type { RawArticle } from '../ingest/types.js';
import { checkSpans } from '../pipeline/check-layers.js';

function raw(content: string, overrides: Partial<RawArticle> = {}): RawArticle {
  return {
    origin: { path: 'x.txt', sha256: 'ab'.repeat(32), fetched: '2024-01-01T00:00:00.000Z' },
    format: 'text',
    content,
    meta: {},
    warnings: [],
    ...overrides,
  };
}

describe('cleanArticle on plain text', () => {
  it('takes a short first line as the title and the rest as body paragraphs', () => {
    const result = cleanArticle(raw('Barricades go up near the crossing\n\nFirst paragraph.\n\nSecond   paragraph.\n'));
    assert.ok(result.ok);
    assert.equal(result.doc.title, 'Barricades go up near the crossing');
    assert.equal(result.doc.body, 'First paragraph.\n\nSecond paragraph.');
    assert.equal(result.doc.id, 'ab'.repeat(8));
  });

  it('records segments whose spans read back the title and each paragraph', () => {
    const result = cleanArticle(raw('Title here\r\n\r\nOne.\r\n\r\nTwo.'));
    assert.ok(result.ok);
    const { text, layers } = result.doc;
    const read = (layers.segments ?? []).map((s) => [s.label, text.slice(s.start, s.end)]);
    assert.deepEqual(read, [['title', 'Title here'], ['body', 'One.'], ['body', 'Two.']]);
  });

  it('folds no-break spaces and strips a byte-order mark', () => {
    const result = cleanArticle(raw('\uFEFFHeadline\n\nPolice\u00A0in Zvečan said\u00A0so.'));
    assert.ok(result.ok);
    assert.equal(result.doc.body, 'Police in Zvečan said so.');
  });

  it('fails with a reason when nothing is left', () => {
    const result = cleanArticle(raw('  \n\n \t \n'));
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.code === 'empty');
  });

  it('uses supplied metadata and says where it came from', () => {
    const result = cleanArticle(raw('Head\n\nBody text.', { meta: { published: '2022-12-10T14:05:00+01:00', outlet: 'Example Wire' } }));
    assert.ok(result.ok);
    assert.equal(result.doc.published.date, '2022-12-10');
    assert.equal(result.doc.published.time, '14:05');
    assert.match(result.doc.published.evidence ?? '', /published field/);
    assert.deepEqual(result.doc.outlet, { name: 'Example Wire', evidence: 'supplied with the input (outlet field)' });
  });

  it('never invents a publication date: unknown stays null with a reason', () => {
    const result = cleanArticle(raw('Head\n\nBody text.'));
    assert.ok(result.ok);
    assert.equal(result.doc.published.date, null);
    assert.ok(result.doc.published.evidence);
  });

  it('keeps every segment inside the text, sorted, for any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (content) => {
        const result = cleanArticle(raw(content));
        if (!result.ok) return;
        checkSpans('segments', result.doc.layers.segments ?? [], result.doc.text.length);
        for (const s of result.doc.layers.segments ?? []) assert.ok(s.end > s.start);
      }),
    );
  });
});

describe('cleanArticle on HTML', () => {
  const page = `<!doctype html><html lang="en"><head><title>Ignored | Site</title>
    <meta property="og:title" content="Police reopen the crossing">
    <meta property="og:site_name" content="Example Herald">
    <meta property="article:published_time" content="2022-12-11T09:30:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Police reopen the crossing</h1>
    <p>Police reopened the crossing at Jarinje on Sunday morning after a night of talks between local leaders and officials.</p>
    <p>Traffic resumed slowly, with long queues of trucks on both sides, according to drivers who spoke to the Herald.</p>
    <p>Officials said the barricades would be removed by the evening, though residents remained sceptical of the promise.</p>
    </article><footer>© Example Herald</footer></body></html>`;

  it('extracts the article paragraphs and the page metadata', () => {
    const result = cleanArticle(raw(page, { format: 'html' }));
    assert.ok(result.ok);
    const { doc } = result;
    assert.equal(doc.title, 'Police reopen the crossing');
    assert.equal(doc.outlet?.name, 'Example Herald');
    assert.equal(doc.published.date, '2022-12-11');
    assert.equal(doc.language, 'en');
    assert.match(doc.body, /^Police reopened the crossing at Jarinje/);
    assert.doesNotMatch(doc.body, /Home|World|©/);
  });
});
