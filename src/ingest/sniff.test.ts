import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { htmlLooksTruncated, sniffContent } from './sniff.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe('sniffContent', () => {
  it('calls zero bytes empty', () => {
    assert.deepEqual(sniffContent(new Uint8Array()), { kind: 'empty', reason: '0 bytes' });
  });

  it('calls whitespace-only input empty, including a BOM and non-breaking spaces', () => {
    assert.equal(sniffContent(bytes(' \n\t\r\n  ')).kind, 'empty');
    assert.equal(sniffContent(bytes('\ufeff\n')).kind, 'empty');
    assert.equal(sniffContent(bytes('\u00a0 \u3000\n')).kind, 'empty');
    assert.equal(sniffContent(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('  \n', 'utf-16le')])).kind, 'empty');
  });

  it('names known binary formats by their magic bytes, whatever the file is called', () => {
    const cases: readonly (readonly [number[], RegExp])[] = [
      [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], /PDF/],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], /PNG/],
      [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10], /JPEG/],
      [[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], /GIF/],
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0], /ZIP/],
      [[0x1f, 0x8b, 0x08, 0], /gzip/],
    ];
    for (const [magic, what] of cases) {
      const sniffed = sniffContent(Uint8Array.from(magic), { name: 'article.html' });
      assert.equal(sniffed.kind, 'binary');
      assert.match(sniffed.reason ?? '', what);
    }
  });

  it('calls bytes with many NUL or control bytes binary, giving the share', () => {
    const blob = new Uint8Array(4096);
    for (let i = 0; i < blob.length; i += 1) blob[i] = (i * 37) % 256;
    const sniffed = sniffContent(blob, { name: 'blob.txt' });
    assert.equal(sniffed.kind, 'binary');
    assert.match(sniffed.reason ?? '', /^\d+% NUL or control bytes in its 4096 bytes$/);
    const big = new Uint8Array(20000).fill(0x41);
    for (let i = 0; i < 8192; i += 10) big[i] = 0;
    assert.equal(sniffContent(big).reason, '10% NUL or control bytes in the first 8 KiB');
  });

  it('tolerates a stray control byte in a long text', () => {
    const text = 'Convoy moved north along the river road.\n'.repeat(20) + '\x1a';
    assert.equal(sniffContent(bytes(text)).kind, 'text');
  });

  it('reads UTF-16 and UTF-32 with a BOM as text, not as binary', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Полиција је блокирала пут.', 'utf-16le')]);
    assert.equal(sniffContent(utf16).kind, 'text');
    const page = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('<!doctype html><p>Вести</p>', 'utf-16be')]);
    assert.equal(sniffContent(page).kind, 'html');
    const utf32 = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode('Plain words.', 'utf-32le')]);
    assert.equal(sniffContent(utf32).kind, 'text');
  });

  it('takes .html and .htm names and an HTML Content-Type as HTML', () => {
    assert.equal(sniffContent(bytes('just words'), { name: 'a/b/page.HTM' }).kind, 'html');
    assert.equal(sniffContent(bytes('just words'), { name: 'https://x.test/a.html?id=3' }).kind, 'html');
    assert.equal(sniffContent(bytes('just words'), { contentType: 'text/html; charset=utf-8' }).kind, 'html');
  });

  it('recognises HTML by its start even under a .txt name', () => {
    assert.equal(sniffContent(bytes('\n  <!DOCTYPE html><html><body>x</body></html>'), { name: 'saved.txt' }).kind, 'html');
    assert.equal(sniffContent(bytes('<?xml version="1.0"?>\n<!-- saved --><html lang="sr"><p>x</p></html>')).kind, 'html');
  });

  it('recognises a fragment of HTML by a body tag or by its density of tags', () => {
    assert.equal(sniffContent(bytes('<title>x</title><body><p>Hello</p></body>')).kind, 'html');
    assert.equal(sniffContent(bytes('<div class="story"><h1>Road reopened</h1><p>Police said...</p><p>More.</p></div>')).kind, 'html');
  });

  it('calls plain prose text, even prose that mentions a tag', () => {
    assert.equal(sniffContent(bytes('Road reopened near Rudare\n\nPolice said the <p> tag was fine.\n')).kind, 'text');
    assert.equal(sniffContent(bytes('<div> alone is not a page'), { name: 'notes.txt' }).kind, 'text');
  });

  it('never throws on arbitrary bytes or names', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.option(fc.string()), fc.option(fc.string()), (data, name, contentType) => {
        const sniffed = sniffContent(data, { name: name ?? undefined, contentType });
        assert.ok(['text', 'html', 'binary', 'empty'].includes(sniffed.kind));
      }),
      { numRuns: 500 },
    );
  });
});

describe('htmlLooksTruncated', () => {
  it('flags a page that stops in the middle of a paragraph', () => {
    assert.equal(htmlLooksTruncated('<!doctype html><html><head><title>Cut off</title></head><body><article><p>Only the first'), true);
  });

  it('flags a page that stops inside a tag or a comment', () => {
    assert.equal(htmlLooksTruncated('<html><body><p class="le'), true);
    assert.equal(htmlLooksTruncated('<html><body><p>x</p><!-- ad slot'), true);
  });

  it('flags a page that stops right after opening an element', () => {
    assert.equal(htmlLooksTruncated('<html><body><article><p>One.</p><div class="more">'), true);
  });

  it('accepts a complete page and a page that closes only </body>', () => {
    assert.equal(htmlLooksTruncated('<html><body><p>x</p></body></html>\n'), false);
    assert.equal(htmlLooksTruncated('<html><body><p>x</p></BODY>'), false);
  });

  it('accepts a fragment that ends on a closing or void tag', () => {
    assert.equal(htmlLooksTruncated('<p>One.</p>\n<p>Two.</p>\n'), false);
    assert.equal(htmlLooksTruncated('<p>One.</p><br>'), false);
    assert.equal(htmlLooksTruncated(''), false);
  });
});
