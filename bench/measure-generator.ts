/**
 * How fast the corpus generator runs, what it makes, and the wink-nlp floor on the same texts.
 * Figures are printed, never asserted.
 *
 *   node --import tsx bench/measure-generator.ts [--count 10000] [--seed 1]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArticles, type GenerateOptions } from './generate-articles.js';
import { startPeakRss } from './memory.js';
import { measureWinkFloor, type WinkFloor } from './wink-floor.js';

/** Generation figures for one corpus. */
export interface GeneratorFigures {
  readonly count: number;
  readonly megabytes: number;
  readonly generateSeconds: number;
  readonly articlesPerSecond: number;
  readonly medianBytes: number;
  readonly htmlShare: number;
  readonly commentShare: number;
  readonly captionShare: number;
  readonly embedShare: number;
  readonly reprintShare: number;
  readonly peakRssMb: number;
  readonly floor: WinkFloor;
}

/** Generates `count` articles (timed), then measures the wink floor on their texts. */
export function measureGenerator(count: number, options: GenerateOptions = {}): GeneratorFigures {
  // 1. Generation alone: the texts are kept only to hand to the floor afterwards.
  const rss = startPeakRss();
  const texts: string[] = [];
  const sizes: number[] = [];
  let bytes = 0;
  let html = 0;
  let comments = 0;
  let captions = 0;
  let embeds = 0;
  let reprints = 0;
  const started = process.hrtime.bigint();
  for (const article of generateArticles(count, options)) {
    texts.push(article.content);
    const size = Buffer.byteLength(article.content, 'utf8');
    sizes.push(size);
    bytes += size;
    if (article.format === 'html') html += 1;
    if (article.noise.comments > 0) comments += 1;
    if (article.noise.captions > 0) captions += 1;
    if (article.noise.embeds > 0) embeds += 1;
    if (article.reprintOf) reprints += 1;
  }
  const generateSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { peakRssMb } = rss.stop();
  sizes.sort((a, b) => a - b);

  // 2. The floor on exactly those texts.
  const floor = measureWinkFloor(texts);
  const share = (n: number): number => (count > 0 ? n / count : 0);
  return {
    count,
    megabytes: bytes / 1e6,
    generateSeconds,
    articlesPerSecond: generateSeconds > 0 ? count / generateSeconds : 0,
    medianBytes: sizes[Math.floor(sizes.length / 2)] ?? 0,
    htmlShare: share(html),
    commentShare: share(comments),
    captionShare: share(captions),
    embedShare: share(embeds),
    reprintShare: share(reprints),
    peakRssMb,
    floor,
  };
}

function main(): void {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
  const f = measureGenerator(Number(values.count), { seed: Number(values.seed) });
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const rows: [string, string][] = [
    ['articles', String(f.count)],
    ['corpus size', `${f.megabytes.toFixed(1)} MB`],
    ['median article', `${(f.medianBytes / 1000).toFixed(1)} KB`],
    ['generation', `${f.generateSeconds.toFixed(2)} s (${Math.round(f.articlesPerSecond)} articles/s, ${(f.megabytes / f.generateSeconds).toFixed(1)} MB/s)`],
    ['peak RSS while generating', `${f.peakRssMb.toFixed(0)} MB`],
    ['HTML / comments / captions / embeds / reprints', [f.htmlShare, f.commentShare, f.captionShare, f.embedShare, f.reprintShare].map(pct).join(' / ')],
    ['wink-nlp tokenise only', `${f.floor.seconds.toFixed(2)} s, ${(f.floor.tokens / 1e6).toFixed(2)} M tokens`],
    ['wink-nlp rate', `${Math.round(f.floor.tokensPerSecond).toLocaleString('en-US')} tokens/s, ${f.floor.mbPerSecond.toFixed(2)} MB/s`],
  ];
  console.log(`generator bench — seed ${values.seed}, Node ${process.version}`);
  for (const [label, value] of rows) console.log(`${label.padEnd(48)}${value}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
