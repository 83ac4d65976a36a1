/**
 * End-to-end: the CLI over real files. Seeds are read from ../shared/seeds (never copied here);
 * bad inputs are generated in a temp folder.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { runCli } from './cli-helpers.js';

const SEEDS = resolve(import.meta.dirname, '../../shared/seeds');
const haveSeeds = existsSync(SEEDS);

describe('sitrep ingest on the seed articles', { skip: haveSeeds ? false : `../shared/seeds is absent (looked in ${SEEDS}); seed tests did not run` }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-seeds-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores five documents, and a second run changes nothing', async () => {
    const db = join(dir, 'seeds.db');
    const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS, f));
    assert.equal(seedFiles.length, 5);
    const first = await runCli(['ingest', '--db', db, '--json', ...seedFiles]);
    assert.equal(first.code, 0, first.stderr);
    const summary1 = JSON.parse(first.stdout);
    assert.equal(summary1.stored, 5);
    const export1 = await runCli(['export', '--db', db]);

    const second = await runCli(['ingest', '--db', db, '--json', SEEDS]);
    assert.equal(second.code, 0, second.stderr);
    const summary2 = JSON.parse(second.stdout);
    assert.deepEqual([summary2.stored, summary2.newVersions, summary2.unchanged, summary2.failed.length], [0, 0, 5, 0]);
    const export2 = await runCli(['export', '--db', db]);
    assert.equal(export2.stdout, export1.stdout, 'the store is byte-for-byte the same after the second run');
    const stats = JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout);
    assert.equal(stats.documents, 5);
    assert.equal(stats.versions, 5);
  });
});

describe('sitrep ingest on a folder of bad inputs', () => {
  let dir: string;
  let bad: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-'));
    bad = join(dir, 'inputs');
    mkdirSync(bad);
    writeFileSync(join(bad, 'good.txt'), 'Road reopened near Rudare\n\nPolice said the road near Rudare reopened on Monday after two days of blockades.\n');
    writeFileSync(join(bad, 'cyrillic.txt'), iconv.encode('Полиција је отворила пут\n\nПолиција је у понедељак поново отворила пут код Рударa после два дана блокаде, саопштено је из станице у Звечану. Возачи кажу да је саобраћај спор.\n', 'windows-1251'));
    writeFileSync(join(bad, 'empty.txt'), '');
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i += 1) binary[i] = (i * 37) % 256;
    writeFileSync(join(bad, 'blob.txt'), binary);
    writeFileSync(join(bad, 'truncated.html'), '<!doctype html><html><head><title>Cut off</title></head><body><article><p>Only the first');
    // 60 MB of text, written in chunks: over the default 32 MiB limit.
    const big = openSync(join(bad, 'huge.txt'), 'w');
    const line = Buffer.from('Lorem ipsum dolor sit amet, the convoy moved north along the river road. '.repeat(100) + '\n');
    for (let written = 0; written < 60e6; written += line.length) writeSync(big, line);
    closeSync(big);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores the good and windows-1251 files, names each bad input with its reason, exits 1, and a second run changes nothing', async () => {
    const db = join(dir, 'bad.db');
    const unreachable = 'http://127.0.0.1:1/article';
    const first = await runCli(['ingest', '--db', db, '--no-robots', '--timeout', '3000', bad, unreachable]);
    assert.equal(first.code, 1, first.stderr);
    const failedLines = first.stderr.split('\n').filter((l) => l.startsWith('failed '));
    const named = (file: string): string | undefined => failedLines.find((l) => l.includes(file));
    for (const file of ['empty.txt', 'blob.txt', 'huge.txt', unreachable]) {
      assert.ok(named(file), `no failure line names ${file}:\n${first.stderr}`);
    }
    assert.match(named('huge.txt') ?? '', /limit/i);
    assert.match(named('blob.txt') ?? '', /binary/i);
    assert.match(named('empty.txt') ?? '', /empty/i);
    assert.match(named(unreachable) ?? '', /refused|ECONNREFUSED/i);
    assert.ok(!named('good.txt') && !named('cyrillic.txt'));
    // A truncated page is kept as far as it goes, with a warning naming it: its text is still evidence.
    const truncatedLine = first.stderr.split('\n').find((l) => l.includes('truncated.html'));
    assert.match(truncatedLine ?? '', /^(warning|failed) .*truncat/i, first.stderr);

    const list = JSON.parse((await runCli(['list', '--db', db, '--json'])).stdout);
    const titles = list.items.map((d: { title: string }) => d.title).filter((t: string) => t !== 'Cut off').sort();
    assert.deepEqual(titles, ['Road reopened near Rudare', 'Полиција је отворила пут']);
    const cyrillic = list.items.find((d: { title: string }) => d.title.startsWith('Полиција'));
    const shown = JSON.parse((await runCli(['show', '--db', db, '--json', cyrillic.id])).stdout);
    assert.match(shown.body, /Звечану/);
    assert.equal(shown.origin.encoding.name.toLowerCase(), 'windows-1251');

    const before = (await runCli(['export', '--db', db])).stdout;
    const statsBefore = (await runCli(['stats', '--db', db, '--json'])).stdout;
    const second = await runCli(['ingest', '--db', db, '--no-robots', '--timeout', '3000', bad, unreachable]);
    assert.equal(second.code, 1);
    assert.equal((await runCli(['export', '--db', db])).stdout, before);
    assert.equal((await runCli(['stats', '--db', db, '--json'])).stdout, statsBefore);
  });
});

describe('sitrep command line', () => {
  it('answers --help on every command and --version', async () => {
    for (const command of ['ingest', 'extract', 'show', 'export', 'search', 'list', 'stats', 'serve', 'geocode', 'entities', 'places', 'report', 'demo']) {
      const run = await runCli([command, '--help']);
      assert.equal(run.code, 0, command);
      assert.match(run.stdout, new RegExp(`Usage: sitrep ${command}`));
    }
    const version = await runCli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });

  it('exits 2 on a usage error', async () => {
    assert.equal((await runCli(['ingest'])).code, 2);
    assert.equal((await runCli(['no-such-command'])).code, 2);
    assert.equal((await runCli(['extract', '--format', 'xml', 'x.txt'])).code, 2);
  });

  it('extracts a document without a store, and searches and exports a stored one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
    try {
      const file = join(dir, 'a.txt');
      writeFileSync(file, 'Talks resume in Brussels\n\nNegotiators met again on Tuesday to discuss licence plates and the crossings.\n');
      const extracted = await runCli(['extract', file]);
      assert.equal(extracted.code, 0, extracted.stderr);
      const doc = JSON.parse(extracted.stdout);
      assert.equal(doc.title, 'Talks resume in Brussels');
      assert.equal(doc.text.slice(doc.layers.segments[1].start, doc.layers.segments[1].end), doc.body);
      const db = join(dir, 'cli.db');
      assert.equal((await runCli(['ingest', '--db', db, '-q', file])).code, 0);
      const hits = JSON.parse((await runCli(['search', '--db', db, '--json', 'licence', 'plates'])).stdout);
      assert.equal(hits[0]?.id, doc.id);
      const lines = (await runCli(['export', '--db', db, '--format', 'jsonl'])).stdout.trim().split('\n');
      assert.equal(lines.length, 1);
      assert.equal(JSON.parse(lines[0] ?? '{}').id, doc.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
