/**
 * Main-text extraction measured on the development half of the Scrapinghub article-extraction
 * benchmark (`../shared/eval/extraction`): sitrep's cleaning and Readability.js alone, on the same
 * pages in the same run, scored with the benchmark's own metric, beside the published peers.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanArticle } from '../src/clean/clean-article.js';
import { extractionScore, scorePage, type ExtractionScore, type PageScore } from './extraction-score.js';

/** Published F1 on all 181 benchmark pages (../shared/eval/README.md): not the 91 pages measured here. */
export const PUBLISHED_PEERS: readonly { readonly name: string; readonly f1: number }[] = [
  { name: 'trafilatura 2.0', f1: 0.958 },
  { name: 'newspaper4k', f1: 0.949 },
  { name: 'Readability.js 0.6.0', f1: 0.947 },
  { name: 'readability-lxml', f1: 0.922 },
  { name: 'goose3', f1: 0.896 },
  { name: 'boilerpipe', f1: 0.86 },
  { name: 'jusText', f1: 0.804 },
  { name: 'full-page text baseline', f1: 0.665 },
];

/** The systems this evaluation runs. */
export type ExtractionSystem = 'sitrep' | 'readability';

/** One page's result for one system. */
export interface ExtractionPage extends PageScore {
  readonly id: string;
  readonly url: string;
  /** Why the system gave no text (cleaning refused the page, or threw), else null. */
  readonly error: string | null;
}

/** One system's run over every page. */
export interface ExtractionRun {
  readonly system: ExtractionSystem;
  readonly label: string;
  readonly score: ExtractionScore;
  /** Pages where the system returned no text at all. */
  readonly empty: number;
  /** Wall-clock seconds spent extracting (parsing included, reading and scoring not). */
  readonly seconds: number;
  readonly pagesPerSecond: number;
  readonly pages: readonly ExtractionPage[];
}

/** The whole extraction evaluation. */
export interface ExtractionEvalResult {
  readonly dataset: string;
  readonly pages: number;
  readonly runs: Readonly<Partial<Record<ExtractionSystem, ExtractionRun>>>;
}

/** Options for {@link extractionEval}. */
export interface ExtractionEvalOptions {
  /** Which systems to run; both by default. */
  readonly systems?: readonly ExtractionSystem[];
}

interface BenchmarkPage {
  readonly id: string;
  readonly url: string;
  readonly truth: string;
  readonly html: string;
  readonly sha256: string;
  readonly fetched: string;
}

const LABELS: Readonly<Record<ExtractionSystem, string>> = {
  sitrep: 'sitrep (cleanArticle → doc.body)',
  readability: 'Readability.js alone (linkedom)',
};

/** Runs the extraction evaluation over the benchmark folder (holding ground-truth.json and html/). */
export function extractionEval(dir: string, options: ExtractionEvalOptions = {}): ExtractionEvalResult {
  // 1. Load every page before timing anything, so the timings are extraction only.
  const pages = loadPages(dir);
  const runs: Partial<Record<ExtractionSystem, ExtractionRun>> = {};
  // 2. Each system over every page, one system at a time.
  for (const system of options.systems ?? (['sitrep', 'readability'] as const)) {
    const extract = system === 'sitrep' ? extractWithSitrep : extractWithReadability;
    const started = performance.now();
    const outputs = pages.map((page) => extract(page));
    const seconds = (performance.now() - started) / 1000;
    // 3. Score with the benchmark metric.
    const scored = pages.map((page, i): ExtractionPage => {
      const output = outputs[i] ?? { text: '', error: 'no output' };
      return { id: page.id, url: page.url, error: output.error, ...scorePage(page.truth, output.text) };
    });
    runs[system] = {
      system,
      label: LABELS[system],
      score: extractionScore(scored),
      empty: outputs.filter((output) => output.text.trim() === '').length,
      seconds,
      pagesPerSecond: seconds > 0 ? pages.length / seconds : 0,
      pages: scored,
    };
  }
  return { dataset: dir, pages: pages.length, runs };
}

/** The pages a system does worst on, lowest page F1 first, for a developer to open. */
export function worstPages(run: ExtractionRun, count: number): readonly ExtractionPage[] {
  return [...run.pages].sort((a, b) => a.f1 - b.f1 || a.id.localeCompare(b.id)).slice(0, count);
}

/**
 * Page bytes to text. The benchmark's own runners read every page as UTF-8 (`gzip.open(path, 'rt',
 * encoding='utf8')`), so valid UTF-8 is read as UTF-8 whatever the page declares; only bytes that
 * are not valid UTF-8 fall back to the page's `<meta charset>` (then windows-1252, which decodes anything).
 */
export function decodeHtml(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
    if (declared) {
      try {
        return new TextDecoder(declared).decode(bytes);
      } catch {
        // An unknown label: fall through to windows-1252.
      }
    }
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function loadPages(dir: string): BenchmarkPage[] {
  const truthPath = join(dir, 'ground-truth.json');
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody?: unknown; url?: unknown }>;
  return Object.keys(truth)
    .sort()
    .map((id) => {
      const entry = truth[id] ?? {};
      const path = join(dir, 'html', `${id}.html.gz`);
      let bytes: Buffer;
      try {
        bytes = gunzipSync(readFileSync(path));
      } catch (cause) {
        throw new Error(`Cannot read benchmark page "${path}" named in ${truthPath}: ${(cause as Error).message}`, { cause });
      }
      return {
        id,
        url: typeof entry.url === 'string' ? entry.url : '',
        truth: typeof entry.articleBody === 'string' ? entry.articleBody : '',
        html: decodeHtml(bytes),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        // The file's modification time stands in for the fetch time: stable from run to run.
        fetched: statSync(path).mtime.toISOString(),
      };
    });
}

interface Output {
  readonly text: string;
  readonly error: string | null;
}

function extractWithSitrep(page: BenchmarkPage): Output {
  try {
    const result = cleanArticle({
      format: 'html',
      content: page.html,
      origin: { url: page.url, sha256: page.sha256, fetched: page.fetched },
      meta: {},
      warnings: [],
    });
    return result.ok ? { text: result.doc.body, error: null } : { text: '', error: `${result.code}: ${result.message}` };
  } catch (error) {
    // A throw is a bug in cleaning; the run goes on and the page scores as empty.
    return { text: '', error: `threw: ${(error as Error).message}` };
  }
}

function extractWithReadability(page: BenchmarkPage): Output {
  try {
    const { document } = parseHTML(page.html);
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    return article ? { text: article.textContent ?? '', error: null } : { text: '', error: 'Readability found no article' };
  } catch (error) {
    return { text: '', error: `threw: ${(error as Error).message}` };
  }
}
