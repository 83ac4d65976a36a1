/**
 * The Scrapinghub article-extraction benchmark metric, as its `evaluate.py` defines it
 * (scrapinghub/article-extraction-benchmark, functions `_tokenize`, `_ngrams`,
 * `string_shingle_matching`, `precision_score`, `recall_score`, `metrics_from_tp_fp_fns`):
 *
 * - tokens: `re.findall(r'\w+', text)` with re.UNICODE | re.IGNORECASE. IGNORECASE only changes
 *   what matches, not the tokens, so tokens keep their case: nothing is lowercased. Python's
 *   Unicode `\w` is "alphanumeric (str.isalnum) or underscore": letters (L*), numbers (N*) and `_`,
 *   but not combining marks; `/[\p{L}\p{N}_]+/gu` is the JavaScript equivalent.
 * - shingles: token 4-grams counted as a multiset (`Counter`), not a set: a 4-gram the truth has
 *   twice and the prediction once gives tp 1, fn 1. A text of 1 to 3 tokens gives one shorter
 *   shingle (all its tokens); an empty text gives none.
 * - per page: tp, fp, fn over the shingle counts; precision = tp / (tp + fp) and
 *   recall = tp / (tp + fn), both 1 when fp = fn = 0.
 * - averaging: precision is the mean over pages whose prediction has shingles (tp + fp > 0),
 *   recall the mean over pages whose truth has shingles (tp + fn > 0); F1 is the harmonic mean of
 *   those two averages, not the mean of per-page F1s.
 *
 * So an empty prediction costs recall (0 on that page) but does not enter precision at all, and a
 * page whose truth and prediction are both empty enters neither. Where the Python would divide by
 * zero (no page enters an average, or P + R = 0) this returns 0.
 */

/** Shingle size the benchmark uses. */
export const SHINGLE_SIZE = 4;

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Shingle counts and the per-page scores they give; a null score means the page does not enter that average. */
export interface PageScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number | null;
  readonly recall: number | null;
  /** Harmonic mean of this page's precision and recall (0 when either is missing): for ranking pages, not for the total. */
  readonly f1: number;
  /** The benchmark's "accuracy": the token sequences are identical. */
  readonly exact: boolean;
}

/** Benchmark totals over a set of pages. */
export interface ExtractionScore {
  readonly pages: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Share of pages whose predicted tokens equal the truth's exactly. */
  readonly accuracy: number;
}

/** Word tokens of a text, as the benchmark's `_tokenize` finds them. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The multiset of token n-grams of a text, keyed by the tokens joined with a space (tokens hold no spaces). */
export function shingles(text: string, size: number = SHINGLE_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  // As `_ngrams`: max(1, n - size + 1) windows, so a short text still gives one (shorter) shingle.
  const windows = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < windows; i++) {
    const key = tokens.slice(i, i + size).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Scores one page: the extracted text against the true article body. */
export function scorePage(truth: string, prediction: string): PageScore {
  const trueShingles = shingles(truth);
  const predShingles = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, trueCount] of trueShingles) {
    const predCount = predShingles.get(key) ?? 0;
    tp += Math.min(trueCount, predCount);
    fn += Math.max(0, trueCount - predCount);
  }
  for (const [key, predCount] of predShingles) {
    fp += Math.max(0, predCount - (trueShingles.get(key) ?? 0));
  }
  // evaluate.py divides tp, fp, fn by their sum ("so that longer texts do not have more weight");
  // precision and recall are ratios, unchanged by that, so the raw counts are kept for reading.
  const precision = tp + fp > 0 ? precisionScore(tp, fp, fn) : null;
  const recall = tp + fn > 0 ? recallScore(tp, fp, fn) : null;
  return { tp, fp, fn, precision, recall, f1: harmonic(precision ?? 0, recall ?? 0), exact: sameTokens(truth, prediction) };
}

/** Benchmark precision, recall, F1 and accuracy over scored pages. */
export function extractionScore(pages: readonly PageScore[]): ExtractionScore {
  const precision = mean(pages.flatMap((page) => (page.precision === null ? [] : [page.precision])));
  const recall = mean(pages.flatMap((page) => (page.recall === null ? [] : [page.recall])));
  return {
    pages: pages.length,
    precision,
    recall,
    f1: harmonic(precision, recall),
    accuracy: mean(pages.map((page) => (page.exact ? 1 : 0))),
  };
}

function precisionScore(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallScore(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function sameTokens(a: string, b: string): boolean {
  const left = tokenize(a);
  const right = tokenize(b);
  return left.length === right.length && left.every((token, i) => token === right[i]);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function harmonic(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}
