import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readPathInputs, type PathInputOptions } from './files.js';
import type { InputFailure, InputResult, RawArticle } from './types.js';

const NOW = new Date('2024-05-06T07:08:09.000Z');
const options: PathInputOptions = { maxBytes: 32 * 1024 * 1024, now: () => NOW };

async function collect(paths: readonly string[], extra: Partial<PathInputOptions> = {}): Promise<InputResult[]> {
  const results: InputResult[] = [];
  for await (const result of readPathInputs(paths, { ...options, ...extra })) results.push(result);
  return results;
}

function articles(results: readonly InputResult[]): RawArticle[] {
  return results.flatMap((r) => (r.ok ? [r.article] : []));
}

function failures(results: readonly InputResult[]): InputFailure[] {
  return results.flatMap((r) => (r.ok ? [] : [r.failure]));
}

function only(results: readonly InputResult[]): InputResult {
  assert.equal(results.length, 1, `expected one result, got ${JSON.stringify(results)}`);
  return results[0] as InputResult;
}

const sha = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

async function* chunksOf(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

describe('readPathInputs on folders and files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-files-'));
    const inputs = join(dir, 'inputs');
    mkdirSync(join(inputs, 'sub', 'deeper'), { recursive: true });
    mkdirSync(join(inputs, '.hidden-dir'));
    writeFileSync(join(inputs, 'b.txt'), 'Second file\n');
    writeFileSync(join(inputs, 'a.txt'), 'First file\n');
    writeFileSync(join(inputs, 'C.htm'), '<html><body><p>Upper-case name sorts first</p></body></html>');
    writeFileSync(join(inputs, 'page.html'), '<html><body><p>Page</p></body></html>');
    writeFileSync(join(inputs, 'notes.md'), '# skipped in a folder');
    writeFileSync(join(inputs, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    writeFileSync(join(inputs, '.hidden.txt'), 'hidden');
    writeFileSync(join(inputs, '.hidden-dir', 'x.txt'), 'hidden too');
    writeFileSync(join(inputs, 'sub', 'deeper', 'z.text'), 'Deep file\n');
    writeFileSync(join(inputs, 'sub', 'y.xhtml'), '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>');
    // A symlink back up the tree must not make the walk go round for ever.
    symlinkSync(inputs, join(inputs, 'sub', 'loop'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('walks a folder recursively in sorted order, skipping hidden entries and other extensions', async () => {
    const results = await collect([join(dir, 'inputs/')]);
    assert.deepEqual(failures(results), []);
    assert.deepEqual(
      articles(results).map((a) => a.origin.path),
      ['C.htm', 'a.txt', 'b.txt', 'page.html', 'sub/deeper/z.text', 'sub/y.xhtml'].map((p) => join(dir, 'inputs', p)),
    );
    assert.deepEqual(articles(results).map((a) => a.format), ['html', 'text', 'text', 'html', 'text', 'html']);
  });

  it('keeps each path as given, normalised', async () => {
    const given = join(dir, 'inputs') + '/./sub/../a.txt';
    const [article] = articles(await collect([given]));
    assert.equal(article?.origin.path, join(dir, 'inputs', 'a.txt'));
  });

  it('records the origin: sha256 of the raw bytes, the time read, and the encoding with its method', async () => {
    const file = join(dir, 'cyrillic.txt');
    const text = 'Полиција је блокирала пут код Јариња.\n';
    const bytes = iconv.encode(text, 'windows-1251');
    writeFileSync(file, bytes);
    const result = only(await collect([file]));
    assert.deepEqual(result, {
      ok: true,
      article: {
        origin: { path: file, sha256: sha(bytes), fetched: NOW.toISOString(), encoding: { name: 'windows-1251', method: 'chardet+script-check' } },
        format: 'text',
        content: text,
        meta: {},
        warnings: [],
      },
    });
  });

  it('obeys a forced encoding, and fails each input for an unknown one', async () => {
    const file = join(dir, 'koi8.txt');
    writeFileSync(file, iconv.encode('Москва', 'koi8-r'));
    const [forced] = articles(await collect([file], { encoding: 'koi8-r' }));
    assert.equal(forced?.content, 'Москва');
    assert.deepEqual(forced?.origin.encoding, { name: 'koi8-r', method: 'forced' });
    const [unknown] = failures(await collect([file], { encoding: 'martian' }));
    assert.equal(unknown?.code, 'bad-encoding');
    assert.match(unknown?.message ?? '', /cannot decode as "martian": no such encoding/);
  });

  it('reads a file named explicitly with another extension if it is text', async () => {
    const [article] = articles(await collect([join(dir, 'inputs', 'notes.md')]));
    assert.equal(article?.content, '# skipped in a folder');
    assert.equal(article?.format, 'text');
  });

  it('fails a binary file, naming what it is', async () => {
    const png = only(await collect([join(dir, 'inputs', 'image.png')]));
    assert.deepEqual(png, {
      ok: false,
      failure: { input: join(dir, 'inputs', 'image.png'), code: 'binary', message: `${join(dir, 'inputs', 'image.png')} looks binary (a PNG image), not text or HTML` },
    });
    const blob = join(dir, 'blob.txt');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 37) % 256;
    writeFileSync(blob, bytes);
    const [failure] = failures(await collect([blob]));
    assert.equal(failure?.code, 'binary');
    assert.match(failure?.message ?? '', /blob\.txt looks binary \(\d+% NUL or control bytes in its 4096 bytes\), not text or HTML$/);
  });

  it('fails empty and whitespace-only files', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), '  \n\n\t \n');
    const results = failures(await collect([join(dir, 'empty.txt'), join(dir, 'blank.txt')]));
    assert.deepEqual(
      results.map((f) => [f.code, f.message]),
      [
        ['empty', `${join(dir, 'empty.txt')} is empty (0 bytes)`],
        ['empty', `${join(dir, 'blank.txt')} is empty (only whitespace)`],
      ],
    );
  });

  it('fails a file over maxBytes from its size alone, without reading it', async () => {
    // A sparse 8 GiB file: reading it would take far longer than this test is allowed to.
    const big = join(dir, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 8 * 1024 ** 3);
    closeSync(fd);
    const started = Date.now();
    const [failure] = failures(await collect([big]));
    assert.deepEqual(failure, {
      input: big,
      code: 'too-large',
      message: `${big} is 8.0 GiB, over the 32.0 MiB limit (set --max-bytes to raise it)`,
    });
    assert.ok(Date.now() - started < 1000);
    rmSync(big);
  });

  it('fails missing paths as not-found and goes on with the rest', async () => {
    const missing = join(dir, 'nope', 'missing.txt');
    const results = await collect([missing, join(dir, 'inputs', 'a.txt'), join(dir, 'inputs', 'a.txt', 'under-a-file.txt')]);
    assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.failure.code)), ['not-found', 'ok', 'not-found']);
    assert.equal(failures(results)[0]?.message, `${missing}: no such file or folder`);
  });

  it('fails an unreadable file as unreadable', { skip: process.getuid?.() === 0 ? 'running as root: permissions do not apply' : false }, async () => {
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, 'secret');
    chmodSync(locked, 0o000);
    const [failure] = failures(await collect([locked]));
    assert.equal(failure?.code, 'unreadable');
    assert.match(failure?.message ?? '', /permission denied \(EACCES\)/);
  });

  it('keeps a truncated HTML page with a warning', async () => {
    const file = join(dir, 'truncated.html');
    writeFileSync(file, '<!doctype html><html><head><title>Cut off</title></head><body><article><p>Only the first');
    const [article] = articles(await collect([file]));
    assert.equal(article?.format, 'html');
    assert.deepEqual(article?.warnings, ['the page looks truncated (no closing </html>)']);
  });
});

describe('readPathInputs on JSON Lines', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-jsonl-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads each non-blank line as a record with metadata, and fails bad lines by line number', async () => {
    const lines = [
      JSON.stringify({ text: 'Road reopened near Rudare.', url: 'https://news.example/a', published: '2024-05-06', outlet: 'Example News', title: 'Road reopened', language: 'en' }),
      '',
      JSON.stringify({ html: '<p>Bridge closed</p>', title: 'Bridge', published: 20240506 }),
      '{"text": "broken',
      JSON.stringify({ url: 'https://news.example/no-body' }),
      JSON.stringify({ text: '   ' }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ html: '<html><body><p>Cut', text: 'ignored when html is present' }),
    ];
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, lines.join('\r\n') + '\r\n');
    const results = await collect([file]);
    assert.deepEqual(
      results.map((r) => (r.ok ? `ok ${r.article.origin.item}` : `${r.failure.code} ${r.failure.input}`)),
      ['ok 1', 'ok 3', `bad-json ${file}:4`, `no-content ${file}:5`, `empty ${file}:6`, `bad-record ${file}:7`, 'ok 8'],
    );
    const [first, second, third] = articles(results);
    assert.deepEqual(first, {
      origin: { path: file, item: 1, sha256: sha(lines[0] ?? ''), fetched: NOW.toISOString(), encoding: { name: 'utf-8', method: 'utf-8 valid' } },
      format: 'text',
      content: 'Road reopened near Rudare.',
      meta: { url: 'https://news.example/a', published: '2024-05-06', outlet: 'Example News', title: 'Road reopened', language: 'en' },
      warnings: [],
    });
    assert.equal(second?.format, 'html');
    assert.deepEqual(second?.meta, { title: 'Bridge' });
    assert.deepEqual(second?.warnings, ['"published" is not a string (got 20240506); ignored']);
    assert.equal(third?.content, '<html><body><p>Cut');
    assert.deepEqual(third?.warnings, ['the page looks truncated (no closing </html>)']);
    const messages = failures(results).map((f) => f.message);
    assert.match(messages[0] ?? '', new RegExp(`^${file}:4: not valid JSON \\(.+\\)$`));
    assert.equal(messages[1], `${file}:5: the record has neither "text" nor "html"`);
    assert.equal(messages[2], `${file}:6: "text" is empty`);
  });

  it('applies maxBytes to each line, so one huge record fails alone', async () => {
    const file = join(dir, 'big-line.ndjson');
    writeFileSync(file, [JSON.stringify({ text: 'small' }), JSON.stringify({ text: 'x'.repeat(5000) }), JSON.stringify({ text: 'after' })].join('\n'));
    const results = await collect([file], { maxBytes: 1000 });
    assert.deepEqual(results.map((r) => (r.ok ? r.article.content : r.failure.code)), ['small', 'too-large', 'after']);
    assert.equal(failures(results)[0]?.message, `${file}:2 is over the 1000 bytes limit for one record (set --max-bytes to raise it)`);
  });

  it('fails an empty JSONL file and one with only blank lines', async () => {
    writeFileSync(join(dir, 'empty.jsonl'), '');
    writeFileSync(join(dir, 'blank.jsonl'), '\n  \n\n');
    const results = failures(await collect([join(dir, 'empty.jsonl'), join(dir, 'blank.jsonl')]));
    assert.deepEqual(results.map((f) => f.message), [`${join(dir, 'empty.jsonl')} is empty (0 bytes)`, `${join(dir, 'blank.jsonl')} is empty (no records, only blank lines)`]);
  });

  it('fails a binary file named .jsonl once, not line by line', async () => {
    const file = join(dir, 'blob.jsonl');
    writeFileSync(file, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x0a, 0x00, 0x0a]));
    const results = await collect([file]);
    assert.deepEqual(failures(results), [{ input: file, code: 'binary', message: `${file} looks binary (gzip-compressed data), not JSON Lines` }]);
  });
});

describe('readPathInputs on stdin', () => {
  it('reads "-" from stdin as one input named "-"', async () => {
    const result = only(await collect(['-'], { stdin: chunksOf('Talks resume', ' in Brussels\n') }));
    assert.ok(result.ok);
    assert.equal(result.article.origin.path, '-');
    assert.equal(result.article.content, 'Talks resume in Brussels\n');
    assert.equal(result.article.origin.sha256, sha('Talks resume in Brussels\n'));
  });

  it('reads JSON Lines piped to stdin record by record', async () => {
    const results = await collect(['-'], { stdin: chunksOf('{"text":"one"}\n{"te', 'xt":"two"}\n') });
    assert.deepEqual(articles(results).map((a) => [a.origin.path, a.origin.item, a.content]), [['-', 1, 'one'], ['-', 2, 'two']]);
  });

  it('stops reading stdin past maxBytes', async () => {
    const [failure] = failures(await collect(['-'], { maxBytes: 10, stdin: chunksOf('0123456789', 'abc') }));
    assert.deepEqual(failure, { input: '-', code: 'too-large', message: '- (stdin) is over the 10 bytes limit; stopped reading (set --max-bytes to raise it)' });
  });

  it('fails empty stdin', async () => {
    const [failure] = failures(await collect(['-'], { stdin: chunksOf() }));
    assert.deepEqual(failure, { input: '-', code: 'empty', message: '- is empty (0 bytes)' });
  });
});
