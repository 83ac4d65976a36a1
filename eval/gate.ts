/**
 * The cleaning quality gate, after trafilatura's `eval_gate.py`: headline metrics are compared with
 * the floors (and, for counts of mistakes, ceilings) pinned in eval/baseline.json; a metric worse
 * than its bound by more than a small epsilon is a regression. Updating the baseline raises bounds
 * freely but refuses to lower one unless lowering is explicitly allowed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalResults } from './evaluate.js';
import { ITEM_FIELDS, type Tally } from './seeds-score.js';
import { REPO_ROOT } from './shared-data.js';
import { storiesHeadlineMetrics } from './stories-eval.js';

/** The committed baseline: always the source file, also when run from dist/. */
export const BASELINE_PATH = join(REPO_ROOT, 'eval', 'baseline.json');

/** Slack for noise: a metric may fall this far below its floor (or rise above its ceiling) and still pass. */
export const DEFAULT_EPSILON = 0.005;

/** One measured headline figure and which way is better. */
export interface HeadlineMetric {
  readonly value: number;
  readonly better: 'higher' | 'lower';
  /** For counts: out of how many, so a reader of the baseline sees "3 of 10". */
  readonly of?: number;
}

/** Headline metrics by name (`seeds.title`, `extraction.f1`, ...). */
export type HeadlineMetrics = Readonly<Record<string, HeadlineMetric>>;

/** A pinned bound: a floor for higher-is-better metrics, a ceiling for lower-is-better ones. */
export interface BaselineEntry {
  readonly floor?: number;
  readonly ceiling?: number;
  readonly of?: number;
}

/** The contents of eval/baseline.json. */
export interface Baseline {
  readonly note?: string;
  /** The command that measures the values pinned here. */
  readonly command?: string;
  readonly metrics: Readonly<Record<string, BaselineEntry>>;
}

/** A metric worse than its pinned bound by more than epsilon, or not measured at all. */
export interface Regression {
  readonly metric: string;
  readonly measured: number | null;
  readonly bound: number;
  readonly kind: 'floor' | 'ceiling';
  readonly message: string;
}

/** The gate's verdict, with metrics now clearly better than their bound (worth pinning). */
export interface GateResult {
  readonly ok: boolean;
  readonly regressions: readonly Regression[];
  readonly improvements: readonly string[];
}

/** Options for {@link checkGate}. */
export interface GateOptions {
  readonly epsilon?: number;
  /** A baseline metric that was not measured is a regression; false when only part of the evaluation ran. */
  readonly requireAll?: boolean;
}

/** The figures the gate pins, taken from an evaluation run. */
export function headlineMetrics(results: EvalResults): HeadlineMetrics {
  const metrics: Record<string, HeadlineMetric> = {};
  const higher = (name: string, tally: Tally): void => {
    metrics[name] = { value: tally.right, better: 'higher', of: tally.total };
  };
  const seeds = results.seeds?.totals;
  if (seeds) {
    higher('seeds.cleaned', seeds.cleaned);
    higher('seeds.title', seeds.title);
    higher('seeds.body_first', seeds.bodyFirst);
    higher('seeds.body_last', seeds.bodyLast);
    metrics['seeds.not_in_body_found'] = { value: seeds.notInBody.found, better: 'lower', of: seeds.notInBody.total };
    higher('seeds.standfirst', seeds.standfirst);
    higher('seeds.published', seeds.published);
    higher('seeds.published_time', seeds.publishedTime);
    higher('seeds.published_updated', seeds.publishedUpdated);
    for (const kind of ['comments', 'embeds', 'captions'] as const) {
      higher(`seeds.${kind}_count`, seeds[kind].countRight);
      for (const field of ITEM_FIELDS[kind]) {
        const tally = seeds[kind].fields[field];
        if (tally && tally.total > 0) higher(`seeds.${kind}_${field}`, tally);
      }
    }
  }
  if (results.actors) metrics['actors.found'] = { value: results.actors.found, better: 'higher', of: results.actors.total };
  const places = results.places?.totals;
  if (places) {
    metrics['places.found'] = { value: places.found, better: 'higher', of: places.gold };
    metrics['places.not_places_output'] = { value: places.falsePlaces, better: 'lower', of: places.notPlaces };
    metrics['places.unresolved_resolved'] = { value: places.wronglyResolved, better: 'lower', of: places.unresolved };
  }
  const events = results.events?.seeds?.totals;
  if (events) {
    metrics['events.required_recall'] = { value: events.requiredFound, better: 'higher', of: events.required };
    metrics['events.precision'] = { value: events.precision, better: 'higher' };
    metrics['events.certainty_agreement'] = { value: events.certaintyAgreement, better: 'higher' };
    metrics['events.attribution_agreement'] = { value: events.attributionAgreement, better: 'higher' };
    metrics['events.denied_agree'] = { value: events.deniedAgree, better: 'higher', of: events.denied };
    metrics['events.comment_matches'] = { value: events.commentMatches, better: 'lower' };
  }
  const gsr = results.events?.gsr;
  if (gsr) {
    metrics['events.gsr_type_top'] = { value: gsr.typeTop, better: 'higher', of: gsr.typed };
    metrics['events.gsr_source'] = { value: gsr.sourceAgree, better: 'higher', of: gsr.sourceGold };
  }
  Object.assign(metrics, storiesHeadlineMetrics(results.stories));
  for (const corpus of results.geoparsing ?? []) {
    const name = corpus.corpus.toLowerCase();
    metrics[`geoparsing.${name}.acc161_gold_spans`] = { value: corpus.goldSpans.acc161, better: 'higher' };
    metrics[`geoparsing.${name}.end_to_end_f1`] = { value: corpus.endToEnd.f1, better: 'higher' };
  }
  const ours = results.extraction?.runs.sitrep;
  if (ours) {
    metrics['extraction.f1'] = { value: ours.score.f1, better: 'higher' };
    const readability = results.extraction?.runs.readability;
    // Readability.js alone is the floor any extractor built on it should clear, measured on the same pages.
    if (readability) metrics['extraction.f1_minus_readability'] = { value: ours.score.f1 - readability.score.f1, better: 'higher' };
  }
  return metrics;
}

/** Compares measured metrics with the baseline: ok when none is worse than its bound by more than epsilon. */
export function checkGate(measured: HeadlineMetrics, baseline: Baseline, options: GateOptions = {}): GateResult {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  const requireAll = options.requireAll ?? true;
  const regressions: Regression[] = [];
  const improvements: string[] = [];
  for (const [metric, entry] of Object.entries(baseline.metrics).sort(([a], [b]) => a.localeCompare(b))) {
    const { kind, bound } = boundOf(metric, entry);
    const value = measured[metric]?.value;
    if (value === undefined) {
      if (requireAll) {
        regressions.push({ metric, measured: null, bound, kind, message: `${metric} was not measured (its ${kind} is ${format(bound)})` });
      }
      continue;
    }
    const worse = kind === 'floor' ? bound - value : value - bound;
    if (worse > epsilon) {
      const verb = kind === 'floor' ? 'fell to' : 'rose to';
      regressions.push({ metric, measured: value, bound, kind, message: `${metric} ${verb} ${format(value)} (${kind} ${format(bound)}, epsilon ${epsilon})` });
    } else if (-worse > epsilon) {
      improvements.push(`${metric} is ${format(value)}, better than its ${kind} ${format(bound)}`);
    }
  }
  return { ok: regressions.length === 0, regressions, improvements };
}

/** Options for {@link updateBaseline}. */
export interface UpdateOptions {
  /** Lower floors (raise ceilings) to the measured values; refused without it. */
  readonly allowLower?: boolean;
  readonly epsilon?: number;
}

/** A new baseline, or the bounds it refused to loosen. */
export type UpdateResult =
  | { readonly ok: true; readonly baseline: Baseline; readonly changes: readonly string[] }
  | { readonly ok: false; readonly refused: readonly string[] };

/**
 * Pins the measured values: bounds move freely in the better direction and new metrics are added.
 * A bound that would loosen is refused unless `allowLower`; one worse only within epsilon (which the
 * gate tolerates) keeps its old value. Metrics not measured in this run keep their bounds.
 */
export function updateBaseline(measured: HeadlineMetrics, baseline: Baseline, options: UpdateOptions = {}): UpdateResult {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  const metrics: Record<string, BaselineEntry> = { ...baseline.metrics };
  const changes: string[] = [];
  const refused: string[] = [];
  for (const [metric, m] of Object.entries(measured).sort(([a], [b]) => a.localeCompare(b))) {
    const kind = m.better === 'higher' ? 'floor' : 'ceiling';
    const pinned = pin(m);
    const newBound = boundOf(metric, pinned).bound;
    const old = baseline.metrics[metric];
    if (old === undefined || boundOf(metric, old).kind !== kind) {
      metrics[metric] = pinned;
      changes.push(`${metric}: ${kind} set to ${format(newBound)}`);
      continue;
    }
    const bound = boundOf(metric, old).bound;
    const worse = kind === 'floor' ? bound - newBound : newBound - bound;
    if (worse <= 0) {
      metrics[metric] = pinned;
      if (newBound !== bound) changes.push(`${metric}: ${kind} ${format(bound)} → ${format(newBound)}`);
    } else if (options.allowLower) {
      metrics[metric] = pinned;
      changes.push(`${metric}: ${kind} LOOSENED ${format(bound)} → ${format(newBound)} (--allow-lower)`);
    } else if (worse <= epsilon) {
      changes.push(`${metric}: ${kind} kept at ${format(bound)} (measured ${format(m.value)}, within epsilon)`);
    } else {
      refused.push(`${metric}: would ${kind === 'floor' ? 'lower the floor' : 'raise the ceiling'} ${format(bound)} → ${format(newBound)}`);
    }
  }
  if (refused.length > 0) return { ok: false, refused };
  const sorted = Object.fromEntries(Object.entries(metrics).sort(([a], [b]) => a.localeCompare(b)));
  return { ok: true, baseline: { ...baseline, metrics: sorted }, changes };
}

/** Reads and checks a baseline file. */
export function readBaseline(path: string = BASELINE_PATH): Baseline {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Baseline;
  if (typeof data !== 'object' || data === null || typeof data.metrics !== 'object' || data.metrics === null) {
    throw new Error(`Baseline "${path}" has no "metrics" object`);
  }
  for (const [metric, entry] of Object.entries(data.metrics)) boundOf(metric, entry);
  return data;
}

/** Writes a baseline file as reviewable, stable JSON. */
export function writeBaseline(baseline: Baseline, path: string = BASELINE_PATH): void {
  writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

function boundOf(metric: string, entry: BaselineEntry): { readonly kind: 'floor' | 'ceiling'; readonly bound: number } {
  const hasFloor = typeof entry.floor === 'number';
  const hasCeiling = typeof entry.ceiling === 'number';
  if (hasFloor === hasCeiling) {
    throw new Error(`Baseline metric "${metric}" needs exactly one numeric "floor" or "ceiling", got ${JSON.stringify(entry)}`);
  }
  return hasFloor ? { kind: 'floor', bound: entry.floor as number } : { kind: 'ceiling', bound: entry.ceiling as number };
}

/** The bound to pin for a measurement: rounded to 4 places in the safe direction, so a re-run passes exactly. */
function pin(m: HeadlineMetric): BaselineEntry {
  const of = m.of === undefined ? {} : { of: m.of };
  if (m.better === 'higher') return { floor: Math.floor(m.value * 1e4 + 1e-9) / 1e4, ...of };
  return { ceiling: Math.ceil(m.value * 1e4 - 1e-9) / 1e4, ...of };
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}
