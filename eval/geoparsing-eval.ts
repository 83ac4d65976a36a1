/**
 * Toponym resolution and recognition measured on the development halves of LGL and GeoWebNews
 * (`../shared/eval/geoparsing`), with the metrics of Gritta et al., "A Pragmatic Guide to
 * Geoparsing Evaluation" (2019): Acc@161km, mean and median error in km, and the AUC of the
 * log error curve (lower is better); resolution with the gold toponym spans, and end to end
 * (recognition precision, recall and F1, then resolution of the toponyms found), beside the
 * published figures and a population baseline over our own gazetteer.
 *
 * Run: node --import tsx eval/geoparsing-eval.ts
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { geocodeArticle, type GeocodedToponym } from '../src/stages/places/geocode-article.js';
import { sharedGazetteer, type Gazetteer } from '../src/stages/places/gazetteer.js';
import { candidatesFor, distanceKm } from '../src/stages/places/resolve-places.js';
import { absentMessage, sharedDir, sharedPath } from './shared-data.js';

/** Published Acc@161km (Gritta et al. 2018 table 1 for LGL; Mordecai 3's README with gold toponyms). */
export const PUBLISHED_GEOPARSING: readonly { readonly system: string; readonly corpus: 'LGL' | 'GWN'; readonly acc161: number; readonly note: string }[] = [
  { system: 'Mordecai 3 (gold toponyms)', corpus: 'LGL', acc161: 82.7, note: 'README' },
  { system: 'CamCoder', corpus: 'LGL', acc161: 76, note: 'Gritta et al. 2018' },
  { system: 'Edinburgh Geoparser', corpus: 'LGL', acc161: 76, note: 'Gritta et al. 2018' },
  { system: 'Yahoo! Placemaker', corpus: 'LGL', acc161: 72, note: 'Gritta et al. 2018' },
  { system: 'CLAVIN', corpus: 'LGL', acc161: 71, note: 'Gritta et al. 2018' },
  { system: 'population baseline', corpus: 'LGL', acc161: 70, note: 'Gritta et al. 2018' },
  { system: 'GeoTxt', corpus: 'LGL', acc161: 68, note: 'Gritta et al. 2018' },
  { system: 'Mordecai 3 (gold toponyms)', corpus: 'GWN', acc161: 94.1, note: 'README' },
];

/** One gold toponym: its span and, when the corpus gives them, its coordinates. */
export interface GoldToponym {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonameid: number | null;
  /** GeoWebNews toponym type (Literal, Metonymic, Demonym, ...); null for LGL. */
  readonly type: string | null;
}

/** One corpus article. */
export interface GoldArticle {
  readonly id: string;
  readonly text: string;
  readonly toponyms: readonly GoldToponym[];
}

/** Resolution metrics over toponyms with gold coordinates. */
export interface ResolutionMetrics {
  readonly n: number;
  /** Per cent of toponyms within 161 km. */
  readonly acc161: number;
  readonly meanKm: number;
  readonly medianKm: number;
  /** Area under the curve of sorted ln(1 + error km) / ln(20039); 0 is perfect. */
  readonly auc: number;
  readonly unresolved: number;
}

/** End-to-end figures: recognition against gold spans, then resolution of what was found. */
export interface EndToEndMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly resolution: ResolutionMetrics;
}

/** Everything measured on one corpus. */
export interface CorpusMetrics {
  readonly corpus: 'LGL' | 'GWN';
  readonly articles: number;
  readonly goldSpans: ResolutionMetrics;
  readonly populationBaseline: ResolutionMetrics;
  readonly endToEnd: EndToEndMetrics;
}

// Half the Earth's circumference: the error an unresolved toponym is charged, as the guide does.
const MAX_KM = 20039;

const num = (v: unknown): number | null => {
  if (v === undefined || v === null || String(v).trim() === '') return null;
  const n = Number(String(v).trim());
  return Number.isFinite(n) ? n : null;
};

/** Reads LGL (`lgl.xml`) or GeoWebNews (`GWN.xml`) into plain articles. */
export function readGeoparsingCorpus(path: string, corpus: 'LGL' | 'GWN'): GoldArticle[] {
  const parser = new XMLParser({
    ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false,
    isArray: (name) => name === 'article' || name === 'toponym',
  });
  const xml = parser.parse(readFileSync(path, 'utf8')) as { articles: { article: Record<string, unknown>[] } };
  return xml.articles.article.map((a, index) => {
    const toponyms = ((a.toponyms as { toponym?: Record<string, unknown>[] } | undefined)?.toponym ?? []).map((t): GoldToponym => {
      if (corpus === 'LGL') {
        const gaz = t.gaztag as Record<string, unknown> | undefined;
        return {
          start: num(t.start)!, end: num(t.end)!, name: String(t.phrase ?? '').trim(),
          lat: num(gaz?.lat), lon: num(gaz?.lon), geonameid: num(gaz?.['@geonameid']), type: null,
        };
      }
      return {
        start: num(t.start)!, end: num(t.end)!, name: String(t.extractedName ?? '').trim(),
        lat: num(t.latitude), lon: num(t.longitude), geonameid: num(t.geonamesID), type: String(t.type ?? '').trim() || null,
      };
    });
    const id = String(a['@docid'] ?? a['@file'] ?? index);
    return { id, text: String(a.text ?? ''), toponyms: toponyms.filter((t) => t.start !== null && t.end !== null) };
  });
}

/** Resolution metrics from error distances in km (null = unresolved, charged MAX_KM). */
export function resolutionMetrics(errors: readonly (number | null)[]): ResolutionMetrics {
  const km = errors.map((e) => (e === null ? MAX_KM : Math.min(e, MAX_KM))).sort((a, b) => a - b);
  const n = km.length;
  if (n === 0) return { n: 0, acc161: 0, meanKm: 0, medianKm: 0, auc: 0, unresolved: 0 };
  const logs = km.map((e) => Math.log(1 + e) / Math.log(MAX_KM));
  // Trapezoid rule over the sorted scaled errors, as the guide's reference code does.
  let area = 0;
  for (let i = 1; i < n; i++) area += (logs[i - 1]! + logs[i]!) / 2;
  return {
    n,
    acc161: round1((100 * km.filter((e) => e <= 161).length) / n),
    meanKm: Math.round(km.reduce((s, e) => s + e, 0) / n),
    medianKm: Math.round(km[Math.floor(n / 2)]!),
    auc: Math.round((n > 1 ? area / (n - 1) : logs[0]!) * 1000) / 1000,
    unresolved: errors.filter((e) => e === null).length,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function errorKm(gold: GoldToponym, got: { lat: number | null; lon: number | null } | undefined): number | null {
  if (!got || got.lat === null || got.lon === null) return null;
  return distanceKm(gold.lat!, gold.lon!, got.lat, got.lon);
}

const located = (t: GoldToponym): boolean => t.lat !== null && t.lon !== null;

/** Measures one corpus: gold-span resolution, the population baseline, and end to end. */
export function evaluateCorpus(gazetteer: Gazetteer, articles: readonly GoldArticle[], corpus: 'LGL' | 'GWN'): CorpusMetrics {
  const gold: (number | null)[] = [];
  const baseline: (number | null)[] = [];
  const e2e: (number | null)[] = [];
  let tp = 0;
  let predicted = 0;
  let relevant = 0;
  for (const article of articles) {
    const spans = article.toponyms.filter(located);
    if (spans.length > 0) {
      const got = geocodeArticle(gazetteer, article.text, { toponyms: spans });
      spans.forEach((t, i) => gold.push(errorKm(t, got[i])));
      for (const t of spans) {
        const cands = candidatesFor(gazetteer, article.text.slice(t.start, t.end), { demonyms: true }).entries;
        const top = [...cands].sort((a, b) => popPrior(b) - popPrior(a))[0];
        baseline.push(errorKm(t, top));
      }
    }
    // End to end: a prediction counts when it overlaps a gold toponym with coordinates.
    const found = geocodeArticle(gazetteer, article.text);
    predicted += found.length;
    relevant += spans.length;
    const used = new Set<number>();
    for (const t of spans) {
      const hit = found.findIndex((p, i) => !used.has(i) && p.start < t.end && t.start < p.end);
      if (hit >= 0) {
        used.add(hit);
        tp++;
        e2e.push(errorKm(t, found[hit] as GeocodedToponym));
      }
    }
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = relevant ? tp / relevant : 0;
  return {
    corpus, articles: articles.length, goldSpans: resolutionMetrics(gold), populationBaseline: resolutionMetrics(baseline),
    endToEnd: {
      precision: round1(100 * precision), recall: round1(100 * recall),
      f1: round1(precision + recall ? (200 * precision * recall) / (precision + recall) : 0), resolution: resolutionMetrics(e2e),
    },
  };
}

function popPrior(e: { feature: string; population: number }): number {
  return e.feature === 'country' || e.feature === 'territory' ? 1e10 : e.feature === 'admin1' ? 1e9 : e.population;
}

/** Runs both corpora from ../shared; a corpus whose file is absent is reported and skipped. */
export function geoparsingEval(root: string = sharedDir()): { readonly results: readonly CorpusMetrics[]; readonly skipped: readonly string[] } {
  const results: CorpusMetrics[] = [];
  const skipped: string[] = [];
  for (const [corpus, file] of [['LGL', 'lgl.xml'], ['GWN', 'GWN.xml']] as const) {
    const path = sharedPath(root, 'eval', 'geoparsing', file);
    if (!path) {
      skipped.push(absentMessage(`${root}/eval/geoparsing/${file}`, `the ${corpus} geoparsing evaluation`));
      continue;
    }
    results.push(evaluateCorpus(sharedGazetteer(), readGeoparsingCorpus(path, corpus), corpus));
  }
  return { results, skipped };
}

/** A plain-text report: our figures beside the published ones. */
export function formatGeoparsingReport(results: readonly CorpusMetrics[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const g = r.goldSpans;
    lines.push(`${r.corpus} (${r.articles} articles, ${g.n} toponyms with coordinates)`);
    lines.push(`  sitrep, gold spans       Acc@161 ${g.acc161.toFixed(1)}  mean ${g.meanKm} km  median ${g.medianKm} km  AUC ${g.auc}  unresolved ${g.unresolved}`);
    const b = r.populationBaseline;
    lines.push(`  population baseline      Acc@161 ${b.acc161.toFixed(1)}  mean ${b.meanKm} km  median ${b.medianKm} km  AUC ${b.auc}  (our gazetteer)`);
    const e = r.endToEnd;
    lines.push(`  sitrep, end to end       P ${e.precision}  R ${e.recall}  F1 ${e.f1}; of those found: Acc@161 ${e.resolution.acc161.toFixed(1)}  AUC ${e.resolution.auc}`);
    for (const p of PUBLISHED_GEOPARSING.filter((x) => x.corpus === r.corpus)) {
      lines.push(`  published ${p.system.padEnd(28)} Acc@161 ${p.acc161} (${p.note})`);
    }
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { results, skipped } = geoparsingEval();
  for (const s of skipped) console.warn(`SKIPPED: ${s}`);
  console.log(formatGeoparsingReport(results));
}
