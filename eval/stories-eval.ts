/**
 * Stories, contradictions and corroboration scored against the seed gold (`../shared/seeds/gold`),
 * as issue 6 states the bar: the five seeds run through the per-document pipeline and the situation
 * report (`buildReport`, what `sitrep report --format json` prints) must
 * 1. form the gold stories (`story` field): scored pairwise (every pair of files together or apart
 *    as in gold) and as an exact partition;
 * 2. hold the cross-source contradiction between 002#e1 (armed clashes reported) and 003#e9 (the
 *    Defence Ministry's denial): a contradiction with one side holding a report that matches the
 *    first gold event and the other side one that matches the second;
 * 3. corroborate across outlets: for each named pair of gold events, one incident holds reports
 *    matching both.
 * A report "matches" a gold event as the events evaluation matches events (type or `also`, date,
 * place within 25 km or the right territory), so the event ids the pipeline gives do not matter.
 *
 * Run: node --import tsx eval/stories-eval.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../src/config.js';
import type { Doc } from '../src/doc/types.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { runStages } from '../src/pipeline/runner.js';
import { buildReport, type SituationReport } from '../src/report/build-report.js';
import type { EventSpan } from '../src/stages/events/event-span.js';
import { eventMatches, type GoldEvent } from './events-eval.js';
import { absentMessage, cleanSeed, sharedDir, sharedPath } from './shared-data.js';

/** A gold event by seed file prefix and id: `002#e1`. */
export type GoldRef = `${string}#${string}`;

/** The contradiction the issue names: a report and the denial that answers it. */
export const SEED_CONTRADICTION: { readonly report: GoldRef; readonly denial: GoldRef } = { report: '002#e1', denial: '003#e9' };

/** Corroboration pairs the issue names: two outlets' reports of one act. */
export const SEED_CORROBORATION: readonly { readonly name: string; readonly events: readonly (readonly GoldRef[])[] }[] = [
  { name: '002/003 barricades', events: [['002#e2'], ['003#e1']] },
  { name: '002/003 crossings closed', events: [['002#e3'], ['003#e7']] },
  // Either of 000's army reports (special forces approaching; units at the Raška border) with 001's.
  { name: '000/001 army towards the border', events: [['000#e2', '000#e5'], ['001#e5']] },
  { name: '000/001 barricades', events: [['000#e4'], ['001#e1']] },
];

/** One headline figure, as the gate reads it. */
export interface StoriesMetric {
  readonly value: number;
  readonly better: 'higher' | 'lower';
  readonly of?: number;
}

/** What the stories evaluation found. */
export interface StoriesEvalResult {
  /** Seed files that could not be processed, with why. */
  readonly errors: readonly string[];
  readonly gold: readonly (readonly string[])[];
  readonly predicted: readonly (readonly string[])[];
  /** File pairs grouped (together or apart) as gold groups them. */
  readonly pairsAgree: number;
  readonly pairs: number;
  readonly exact: boolean;
  readonly contradiction: { readonly found: boolean; readonly kind: string | null; readonly incident: string | null };
  readonly corroboration: readonly { readonly name: string; readonly found: boolean; readonly incident: string | null }[];
  readonly stories: number;
  readonly incidents: number;
}

interface Seed {
  readonly prefix: string;
  readonly file: string;
  readonly gold: Readonly<Record<string, unknown>>;
  readonly doc: Doc | null;
}

async function processSeed(path: string): Promise<Doc | string> {
  const cleaned = cleanSeed(path);
  if (typeof cleaned === 'string') return cleaned;
  const { doc, failures } = await runStages(cleaned, defaultStages(), { config: defaultConfig() });
  return failures.length > 0 ? failures.map((f) => `${f.stage}: ${f.message}`).join('; ') : doc;
}

/** Predicted events of a seed that match a gold event of it, as `document#event` keys. */
function matchingReports(seeds: readonly Seed[], ref: GoldRef): Set<string> {
  const [prefix, id] = ref.split('#') as [string, string];
  const seed = seeds.find((s) => s.prefix === prefix);
  const out = new Set<string>();
  if (!seed?.doc) return out;
  const gold = ((seed.gold.events ?? []) as readonly GoldEvent[]).find((g) => g.id === id);
  if (!gold) return out;
  const places = (seed.gold.places ?? []) as Parameters<typeof eventMatches>[1];
  for (const e of (seed.doc.layers.events ?? []) as readonly EventSpan[]) if (eventMatches(gold, places, e)) out.add(`${seed.doc.id}#${e.id}`);
  return out;
}

function partition<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(item);
  }
  return [...groups.values()];
}

/** Scores a report of the seeds against their gold; `seeds` carry each file's gold and processed Doc. */
function scoreReport(report: SituationReport, seeds: readonly Seed[], errors: readonly string[]): StoriesEvalResult {
  const storyOf = new Map<string, string>();
  for (const s of report.stories) for (const d of s.documents) storyOf.set(d.id, s.id);
  // Documents without an incident are left out of the report's stories: each is then a story of its own.
  const predictedOf = (s: Seed): string => (s.doc ? (storyOf.get(s.doc.id) ?? `alone:${s.prefix}`) : `missing:${s.prefix}`);
  const goldOf = (s: Seed): string => String(s.gold.story ?? s.prefix);
  let pairsAgree = 0;
  let pairs = 0;
  for (let i = 0; i < seeds.length; i++) {
    for (let j = i + 1; j < seeds.length; j++) {
      pairs++;
      if ((goldOf(seeds[i]!) === goldOf(seeds[j]!)) === (predictedOf(seeds[i]!) === predictedOf(seeds[j]!))) pairsAgree++;
    }
  }
  const incidents = report.stories.flatMap((s) => s.incidents);
  const keys = (rs: readonly { readonly document: string; readonly event: string }[]): string[] => rs.map((r) => `${r.document}#${r.event}`);

  const reported = matchingReports(seeds, SEED_CONTRADICTION.report);
  const denied = matchingReports(seeds, SEED_CONTRADICTION.denial);
  let contradiction: StoriesEvalResult['contradiction'] = { found: false, kind: null, incident: null };
  for (const inc of incidents) {
    for (const c of inc.contradictions) {
      const sides = c.sides.map((s) => keys(s.reports));
      const hit = sides.some((a, i) => a.some((k) => reported.has(k)) && sides.some((b, j) => j !== i && b.some((k) => denied.has(k))));
      if (hit && !contradiction.found) contradiction = { found: true, kind: c.kind, incident: inc.id };
    }
  }

  const corroboration = SEED_CORROBORATION.map(({ name, events }) => {
    const wanted = events.map((alternatives) => new Set(alternatives.flatMap((ref) => [...matchingReports(seeds, ref)])));
    const inc = incidents.find((i) => {
      const mine = keys(i.reports);
      return wanted.every((set) => mine.some((k) => set.has(k)));
    });
    return { name, found: inc !== undefined, incident: inc?.id ?? null };
  });

  const gold = partition(seeds, goldOf).map((g) => g.map((s) => s.prefix));
  const predicted = partition(seeds, predictedOf).map((g) => g.map((s) => s.prefix));
  const canon = (p: readonly (readonly string[])[]): string => p.map((g) => [...g].sort().join(',')).sort().join(' | ');
  return {
    errors,
    gold,
    predicted,
    pairsAgree,
    pairs,
    exact: errors.length === 0 && canon(gold) === canon(predicted),
    contradiction,
    corroboration,
    stories: report.stories.length,
    incidents: incidents.length,
  };
}

/** Runs the pipeline and the report over every seed with gold and scores stories; null when the seeds are absent. */
export async function storiesEval(root: string = sharedDir()): Promise<StoriesEvalResult | null> {
  const dir = sharedPath(root, 'seeds');
  const goldDir = dir && sharedPath(dir, 'gold');
  if (!dir || !goldDir) return null;
  const seeds: Seed[] = [];
  const errors: string[] = [];
  for (const name of readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as Record<string, unknown>;
    const file = String(gold.file);
    const doc = await processSeed(join(dir, file));
    if (typeof doc === 'string') errors.push(`${file}: ${doc}`);
    seeds.push({ prefix: file.slice(0, 3), file, gold, doc: typeof doc === 'string' ? null : doc });
  }
  const report = buildReport(seeds.flatMap((s) => (s.doc ? [s.doc] : [])));
  return scoreReport(report, seeds, errors);
}

/** The figures the gate pins: `stories.*`, all higher-is-better. */
export function storiesHeadlineMetrics(result: StoriesEvalResult | null): Record<string, StoriesMetric> {
  if (!result) return {};
  return {
    'stories.pairs_agree': { value: result.pairsAgree, better: 'higher', of: result.pairs },
    'stories.exact': { value: result.exact ? 1 : 0, better: 'higher', of: 1 },
    'stories.contradiction_found': { value: result.contradiction.found ? 1 : 0, better: 'higher', of: 1 },
    'stories.corroboration_found': { value: result.corroboration.filter((c) => c.found).length, better: 'higher', of: result.corroboration.length },
  };
}

/** A readable summary. */
export function formatStoriesReport(result: StoriesEvalResult | null): string {
  if (!result) return `SKIPPED: ${absentMessage(join(sharedDir(), 'seeds', 'gold'), 'the stories evaluation')}`;
  const show = (p: readonly (readonly string[])[]): string => p.map((g) => `{${g.join(', ')}}`).join(' ');
  const lines = [
    `stories (seeds): ${result.exact ? 'exact' : 'NOT exact'}; pairs ${result.pairsAgree}/${result.pairs}; predicted ${show(result.predicted)} vs gold ${show(result.gold)}; ${result.stories} stories, ${result.incidents} incidents in the report`,
    `  contradiction ${SEED_CONTRADICTION.report} / ${SEED_CONTRADICTION.denial}: ${result.contradiction.found ? `found (${result.contradiction.kind}, incident ${result.contradiction.incident})` : 'NOT found'}`,
    `  corroboration ${result.corroboration.filter((c) => c.found).length}/${result.corroboration.length}: ${result.corroboration.map((c) => `${c.name} ${c.found ? `found (${c.incident})` : 'NOT found'}`).join('; ')}`,
  ];
  for (const e of result.errors) lines.push(`  error ${e}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await storiesEval();
  console.log(formatStoriesReport(result));
  console.log(JSON.stringify(storiesHeadlineMetrics(result)));
}
