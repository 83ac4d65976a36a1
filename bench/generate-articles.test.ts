import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { draftArticle } from './article-draft.js';
import { dayNumberFromIso } from './date-formats.js';
import { generateArticles, type GeneratedArticle } from './generate-articles.js';

const SAMPLE = Array.from(generateArticles(2000, { seed: 7 }));

function share(predicate: (a: GeneratedArticle) => boolean): number {
  return SAMPLE.filter(predicate).length / SAMPLE.length;
}

describe('generateArticles', () => {
  it('gives byte-identical articles for the same count and seed', () => {
    const a = Array.from(generateArticles(50, { seed: 3 }));
    const b = Array.from(generateArticles(50, { seed: 3 }));
    assert.deepEqual(a, b);
  });

  it('gives the recorded corpus for seed 1, on any machine and Node version', () => {
    // A change here changes every benchmark corpus: record the new digest together with a new bench baseline.
    const hash = createHash('sha256');
    for (const article of generateArticles(100, { seed: 1 })) hash.update(article.name).update(article.content);
    assert.equal(hash.digest('hex'), CORPUS_SEED_1_DIGEST);
  });

  it('gives different articles for a different seed', () => {
    const a = Array.from(generateArticles(50, { seed: 3 }), (x) => x.content);
    const b = Array.from(generateArticles(50, { seed: 4 }), (x) => x.content);
    const same = a.filter((content, i) => content === b[i]).length;
    assert.equal(same, 0);
  });

  it('gives the same first articles whatever the count', () => {
    const short = Array.from(generateArticles(40, { seed: 5 }));
    const long = Array.from(generateArticles(400, { seed: 5 })).slice(0, 40);
    assert.deepEqual(short, long);
  });

  it('is lazy: taking a few articles of a huge corpus is instant', () => {
    const started = Date.now();
    const iterator = generateArticles(10_000_000, { seed: 1 });
    const first = iterator.next();
    assert.equal(first.done, false);
    // Names widen with the count: ten million articles need seven digits.
    assert.match(first.value?.name ?? '', /^gen-0000000\.(txt|html)$/);
    assert.ok(Date.now() - started < 1000);
  });

  it('honours the count', () => {
    for (const count of [0, 1, 137]) assert.equal(Array.from(generateArticles(count)).length, count);
  });

  it('rejects a bad count, date or share with a message quoting the value', () => {
    assert.throws(() => Array.from(generateArticles(-1)), /Cannot generate -1 articles/);
    assert.throws(() => Array.from(generateArticles(2.5)), /Cannot generate 2.5 articles/);
    assert.throws(() => Array.from(generateArticles(1, { startDate: '2023-02-30' })), /startDate "2023-02-30"/);
    assert.throws(() => Array.from(generateArticles(1, { htmlShare: 2 })), /htmlShare 2/);
  });

  it('writes no article empty, and no template slot or undefined left in any', () => {
    for (const article of SAMPLE) {
      assert.ok(article.content.trim().length > 300, `${article.name} is nearly empty`);
      assert.doesNotMatch(article.content, /undefined|NaN|\[object /, article.name);
      if (article.format === 'text') assert.doesNotMatch(article.content, /\{[A-Za-z0-9]+\}/, article.name);
    }
  });

  it('makes HTML pages that look like pages and text files that do not', () => {
    for (const article of SAMPLE) {
      if (article.format === 'html') {
        assert.ok(article.content.startsWith('<!doctype html>'), article.name);
        assert.match(article.content, /<h1 class="entry-title">/);
      } else {
        assert.doesNotMatch(article.content, /^<!doctype/i, article.name);
      }
    }
  });

  it('names articles uniquely, with the extension of their format', () => {
    const names = SAMPLE.map((a) => a.name);
    assert.equal(new Set(names).size, names.length);
    for (const article of SAMPLE) assert.match(article.name, article.format === 'html' ? /^gen-\d{6}\.html$/ : /^gen-\d{6}\.txt$/);
  });

  it('carries noise at plausible rates', () => {
    const rates = {
      html: share((a) => a.format === 'html'),
      comments: share((a) => a.noise.comments > 0),
      captions: share((a) => a.noise.captions > 0),
      duplicated: share((a) => a.noise.duplicatedCaptions > 0),
      embeds: share((a) => a.noise.embeds > 0),
      footers: share((a) => a.noise.footers > 0),
      signIn: share((a) => a.noise.signIn),
      translated: share((a) => a.noise.machineTranslated),
      reprints: share((a) => a.reprintOf !== undefined),
      truncated: share((a) => a.noise.truncated),
    };
    const expected: Record<keyof typeof rates, [number, number]> = {
      html: [0.25, 0.35],
      comments: [0.2, 0.5],
      captions: [0.3, 0.6],
      duplicated: [0.05, 0.2],
      embeds: [0.1, 0.3],
      footers: [0.6, 0.95],
      signIn: [0.05, 0.25],
      translated: [0.25, 0.55],
      reprints: [0.03, 0.08],
      truncated: [0.0005, 0.01],
    };
    for (const [key, [low, high]] of Object.entries(expected)) {
      const rate = rates[key as keyof typeof rates];
      assert.ok(rate >= low && rate <= high, `${key} rate ${rate.toFixed(3)} outside [${low}, ${high}]`);
    }
    assert.ok(Math.max(...SAMPLE.map((a) => a.noise.comments)) <= 25);
  });

  it('puts the noise it reports into the content', () => {
    for (const article of SAMPLE) {
      if (article.noise.truncated) continue;
      if (article.noise.embeds > 0) assert.match(article.content, /pic\.twitter\.com\//, article.name);
      if (article.noise.comments > 0 && article.format === 'text') {
        assert.match(article.content, /\d{1,2}:( )?\d{2}|\bago\b|says:/, article.name);
      }
    }
  });

  it('sizes articles like news: median 1.5-6 KB', () => {
    const sizes = SAMPLE.map((a) => Buffer.byteLength(a.content)).sort((x, y) => x - y);
    const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
    assert.ok(median >= 1500 && median <= 6000, `median ${median} bytes`);
  });

  it('spells places several ways across the corpus', () => {
    const all = SAMPLE.map((a) => a.content).join('\n');
    for (const spelling of ['Zvečan', 'Zvecan', 'Zvechan', 'Leposavić', 'Leposavic', 'Mitrovicë', 'Kosovska Mitrovica', 'Prishtina', 'Pristina', 'Jarinje', 'Raška']) {
      assert.ok(all.includes(spelling), `no "${spelling}" in the corpus`);
    }
  });

  it('dates articles from the start date on, and says so in meta', () => {
    const start = dayNumberFromIso('2023-01-01') ?? 0;
    for (const article of generateArticles(200, { startDate: '2023-01-01', spanDays: 30 })) {
      const published = Date.parse(article.meta.published ?? '');
      assert.ok(published >= start * 86_400_000 && published < (start + 40) * 86_400_000, `${article.name}: ${article.meta.published}`);
      assert.ok(article.meta.outlet && article.meta.url?.startsWith('https://'));
    }
  });

  it('makes reprints that name an earlier article and keep most of its text', () => {
    const settings = { seed: 7, startDay: dayNumberFromIso('2022-07-25') ?? 0, spanDays: 420, reprintShare: 0.05 };
    const reprints = SAMPLE.filter((a) => a.reprintOf !== undefined);
    assert.ok(reprints.length > 0);
    for (const article of reprints) {
      const index = Number(article.name.slice(4, 10));
      const sourceIndex = Number(article.reprintOf?.slice(4, 10));
      assert.ok(sourceIndex < index);
      assert.ok(SAMPLE[sourceIndex]?.name === article.reprintOf);
      const copy = draftArticle(index, settings);
      const source = draftArticle(sourceIndex, settings);
      assert.notEqual(copy.outlet.name, source.outlet.name);
      const sentences = source.paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+/));
      const text = copy.paragraphs.join('\n');
      const kept = sentences.filter((s) => text.includes(s)).length;
      assert.ok(kept / sentences.length >= 0.5, `${article.name} kept ${kept} of ${sentences.length} sentences`);
    }
  });

  it('copies nothing from the sample articles in shared/seeds', (t) => {
    const dir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
    if (!existsSync(dir)) return t.skip(`no seeds at ${dir}`);
    const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
    const firstLines = seeds.map((s) => (s.split('\n')[0] ?? '').trim()).filter((l) => l.length > 0);
    // Also every long line, and every long sentence, of every seed.
    const distinctive = seeds
      .flatMap((s) => s.split(/\n|(?<=[.!?])\s+/))
      .map((l) => l.trim())
      .filter((l) => l.length >= 60);
    assert.ok(firstLines.length > 0);
    for (const article of SAMPLE) {
      for (const line of firstLines) assert.ok(!article.content.includes(line), `${article.name} contains a seed's first line: ${line}`);
    }
    for (const article of SAMPLE.slice(0, 500)) {
      for (const line of distinctive) assert.ok(!article.content.includes(line), `${article.name} contains seed text: ${line}`);
    }
  });

  it('names no real public figure', () => {
    const real = /Vu[čc]i[ćc]|Kurti|Osmani|Raki[ćc]|Lavrov|Zakharova|Borrell|Laj[čc][áa]k|Stoltenberg|Brnabi[ćc]|Petkovi[ćc]|Selakovi[ćc]|Vu[čc]evi[ćc]|Da[čc]i[ćc]|Tha[çc]i|Haradinaj|Sve[çc]la|Radoi[čc]i[ćc]|Escobar|Putin|Zelensk|Biden|Panti[ćc]/;
    for (const article of SAMPLE) assert.doesNotMatch(article.content, real, article.name);
  });
});

const CORPUS_SEED_1_DIGEST = '91540433bb1e35d35346677eafc9b48b54ee5c0c9b589df79fe06a170cefd06c';
