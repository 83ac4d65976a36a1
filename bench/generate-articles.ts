/**
 * A deterministic generator of realistic, noisy news articles about northern Kosovo (2022-23) for
 * benchmarks: plain-text scrapes and full HTML pages, with comment threads, captions, embeds,
 * boilerplate and near-duplicate reprints at rates like the sample articles'. Everything invented
 * except the place names. Same count and seed give byte-identical output on any machine.
 */
import { draftArticle, RENDER_STREAM, type Draft, type DraftSettings } from './article-draft.js';
import { dayNumberFromIso, centralEuropean, isoWithOffset } from './date-formats.js';
import { countComments, renderArticleText } from './render-article-text.js';
import { renderArticleHtml } from './render-article-html.js';
import { SeededRandom } from './seeded-random.js';

/** Options of {@link generateArticles}. */
export interface GenerateOptions {
  /** Default 1. */
  readonly seed?: number;
  /** Share of articles rendered as HTML pages; default 0.3. */
  readonly htmlShare?: number;
  /** First day incidents fall on, `YYYY-MM-DD`; default 2022-07-25. */
  readonly startDate?: string;
  /** Length of the window incidents fall in, in days; default 420 (to autumn 2023). */
  readonly spanDays?: number;
  /** Share of near-duplicate reprints of an earlier article by another outlet; default 0.05. */
  readonly reprintShare?: number;
}

/** What noise an article carries, for reporting the corpus mix and for tests. */
export interface NoiseSummary {
  readonly comments: number;
  readonly captions: number;
  readonly duplicatedCaptions: number;
  readonly embeds: number;
  readonly footers: number;
  readonly signIn: boolean;
  readonly machineTranslated: boolean;
  /** An HTML download that stops before `</html>` (about 1 in 100 pages). */
  readonly truncated: boolean;
}

/** One generated input file. */
export interface GeneratedArticle {
  /** `gen-000123.txt` or `gen-000123.html`; unique within a corpus. */
  readonly name: string;
  readonly format: 'text' | 'html';
  readonly content: string;
  /** The truth about the article (what a JSONL or feed input would carry beside it). */
  readonly meta: { readonly published?: string; readonly outlet?: string; readonly url?: string };
  /** Name of the article this one reprints with small edits, if it is a reprint. */
  readonly reprintOf?: string;
  readonly noise: NoiseSummary;
}

/** Lazily yields `count` articles; the first n are the same whatever the count. */
export function* generateArticles(count: number, options: GenerateOptions = {}): Generator<GeneratedArticle> {
  const settings = resolveSettings(count, options);
  const htmlShare = options.htmlShare ?? 0.3;
  if (!(htmlShare >= 0 && htmlShare <= 1)) throw new RangeError(`Cannot generate articles: htmlShare ${String(options.htmlShare)} is not between 0 and 1`);
  const width = Math.max(6, String(Math.max(0, count - 1)).length);
  const nameOf = (index: number, format: 'text' | 'html'): string => `gen-${String(index).padStart(width, '0')}.${format === 'html' ? 'html' : 'txt'}`;
  // The format is the render stream's first draw, so a reprint can name its source without rendering it.
  const formatOf = (index: number, rng = new SeededRandom(settings.seed, RENDER_STREAM + index)): 'text' | 'html' => (rng.chance(htmlShare) ? 'html' : 'text');

  for (let index = 0; index < count; index += 1) {
    const draft = draftArticle(index, settings);
    const rng = new SeededRandom(settings.seed, RENDER_STREAM + index);
    const format = formatOf(index, rng);
    const content = format === 'html' ? renderArticleHtml(draft, rng) : renderArticleText(draft, rng);
    yield {
      name: nameOf(index, format),
      format,
      content,
      meta: { published: isoWithOffset(centralEuropean(draft.publishedMs)), outlet: draft.outlet.name, url: draft.url },
      ...(draft.reprintOf === null ? {} : { reprintOf: nameOf(draft.reprintOf, formatOf(draft.reprintOf)) }),
      noise: { ...noiseOf(draft), truncated: format === 'html' && !content.endsWith('</html>\n') },
    };
  }
}

function resolveSettings(count: number, options: GenerateOptions): DraftSettings {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`Cannot generate ${String(count)} articles: the count must be a whole number, 0 or more`);
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`Cannot use seed ${String(seed)}: it must be a whole number`);
  const startDate = options.startDate ?? '2022-07-25';
  const startDay = dayNumberFromIso(startDate);
  if (startDay === null) throw new RangeError(`Cannot use startDate "${startDate}": expected a real date as YYYY-MM-DD`);
  const spanDays = options.spanDays ?? 420;
  if (!Number.isSafeInteger(spanDays) || spanDays < 1) throw new RangeError(`Cannot use spanDays ${String(spanDays)}: it must be a whole number of days, 1 or more`);
  const reprintShare = options.reprintShare ?? 0.05;
  if (!(reprintShare >= 0 && reprintShare <= 1)) throw new RangeError(`Cannot use reprintShare ${String(reprintShare)}: it must be between 0 and 1`);
  return { seed, startDay, spanDays, reprintShare };
}

function noiseOf(draft: Draft): Omit<NoiseSummary, 'truncated'> {
  return {
    comments: countComments(draft.comments),
    captions: draft.figures.length,
    duplicatedCaptions: draft.figures.filter((f) => f.duplicated).length,
    embeds: draft.embeds.length,
    footers: draft.footers.length,
    signIn: draft.signIn,
    machineTranslated: draft.outlet.translated,
  };
}
