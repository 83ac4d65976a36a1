/**
 * Events scored two ways.
 * 1. Against the analyst's gold for the seed articles (`../shared/seeds/gold`), as
 *    `../shared/seeds/README.md` defines it: a gold event is matched by a predicted event of the same
 *    type (or one in `also`), whose date range overlaps (an unknown gold date must not get a
 *    confident day), whose place lies within 25 km (the right country for a territory), in the same
 *    scope (article, or embed for `in_embed`). Recall over `required` events; precision over article
 *    and embed predictions (comments and captions are separate evidence the gold does not code);
 *    certainty and attribution agreement on matched events; every denied gold event predicted
 *    denied; no comment event matching an article gold event.
 * 2. Against the PLOVER gold-standard records (`../shared/eval/events/PLOVER_GSR_CAMEO.txt`): type
 *    of the most salient event per sentence (old names mapped: FIGHT→ASSAULT, DEMAND→REQUEST,
 *    DISAPPROVE→ACCUSE or REJECT; INVESTIGATE counted apart), and source/target agreement.
 *
 * Run: node --import tsx eval/events-eval.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../src/config.js';
import type { Doc } from '../src/doc/types.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { runStages } from '../src/pipeline/runner.js';
import { makeTestDoc } from '../src/pipeline/test-helpers.js';
import { distanceKm } from '../src/stages/places/resolve-places.js';
import type { AttributionKind, EventSpan } from '../src/stages/events/event-span.js';
import { eventsStage } from '../src/stages/events/events-stage.js';
import { absentMessage, cleanSeed, sharedDir, sharedPath } from './shared-data.js';

/** A gold event of a seed file, as the gold files write it. */
export interface GoldEvent {
  readonly id: string;
  readonly required: boolean;
  readonly type: string;
  readonly also?: readonly string[];
  readonly date: string;
  readonly place: string | null;
  readonly also_places?: readonly string[];
  readonly attribution: string;
  readonly certainty: string;
  readonly in_embed?: boolean;
  readonly evidence?: string;
}

interface GoldPlace {
  readonly name: string;
  readonly country: string;
  readonly kind: string;
  readonly lat: number;
  readonly lon: number;
}

/** One seed's event scores. */
export interface SeedEventsResult {
  readonly file: string;
  readonly error: string | null;
  readonly required: number;
  readonly requiredFound: readonly string[];
  readonly requiredMissed: readonly string[];
  readonly predicted: number;
  readonly predictedMatching: number;
  readonly unmatched: readonly string[];
  readonly matched: number;
  readonly certaintyAgree: number;
  readonly certaintyMisses: readonly string[];
  readonly attributionAgree: number;
  readonly attributionMisses: readonly string[];
  readonly denied: number;
  readonly deniedAgree: number;
  readonly commentMatches: number;
}

/** Totals over the seeds, with the rates the bars are about. */
export interface SeedEventsTotals {
  readonly required: number;
  readonly requiredFound: number;
  readonly recall: number;
  readonly predicted: number;
  readonly predictedMatching: number;
  readonly precision: number;
  readonly matched: number;
  readonly certaintyAgreement: number;
  readonly attributionAgreement: number;
  readonly denied: number;
  readonly deniedAgree: number;
  readonly commentMatches: number;
}

const AREA_KINDS = new Set(['territory', 'country', 'region']);
const ISO_DAY = /\d{4}-\d{2}-\d{2}/g;

/** The kind of attribution a gold file's free-text `attribution` names. */
export function goldAttributionKind(text: string): AttributionKind {
  const t = text.toLowerCase();
  if (t === 'author') return 'outlet';
  if (t.includes('tweet')) return 'tweet';
  if (t.includes('social')) return 'social-media';
  if (/unnamed|unofficial|sources/.test(t)) return 'unnamed-sources';
  if (/media|outlet|post|publication|newspaper|agency/.test(t)) return 'media';
  return 'speaker';
}

/** Whether a predicted date fits a gold date: ranges overlap; an unknown gold date admits no confident day. */
export function dateFits(gold: string, predicted: EventSpan['date']): boolean {
  const days = gold.match(ISO_DAY);
  if (!days || gold.startsWith('unknown')) return predicted === null || predicted.precision > 1 || predicted.start !== predicted.end;
  if (predicted === null) return false;
  const start = days[0]!;
  const end = days[1] ?? start;
  return predicted.start.slice(0, 10) <= end && start <= predicted.end.slice(0, 10);
}

function placeFits(gold: GoldEvent, places: readonly GoldPlace[], predicted: EventSpan['place']): boolean {
  if (gold.place === null) return true;
  if (predicted === null) return false;
  return [gold.place, ...(gold.also_places ?? [])].some((name) => {
    const g = places.find((p) => p.name === name);
    if (!g) return false;
    if (AREA_KINDS.has(g.kind)) return predicted.country === g.country;
    return predicted.lat !== null && predicted.lon !== null && distanceKm(g.lat, g.lon, predicted.lat, predicted.lon) <= 25;
  });
}

function typeFits(gold: GoldEvent, e: EventSpan): boolean {
  return e.type === gold.type || (gold.also ?? []).includes(e.type);
}

/** Whether a predicted event matches a gold event (type, date, place, scope). */
export function eventMatches(gold: GoldEvent, places: readonly GoldPlace[], e: EventSpan, checkScope = true): boolean {
  const scopeOk = !checkScope || (gold.in_embed ? e.scope === 'embed' : e.scope === 'article');
  return scopeOk && typeFits(gold, e) && dateFits(gold.date, e.date) && placeFits(gold, places, e.place);
}

function fold(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// Whether the event was read from the sentence the gold evidence quotes: decides which matching event is compared on certainty.
function sameEvidence(gold: GoldEvent, e: EventSpan, text: string): boolean {
  if (!gold.evidence || !text) return false;
  const sentence = fold(text.slice(e.evidence.start, e.evidence.end));
  const quote = fold(gold.evidence);
  return sentence.includes(quote.slice(0, 40)) || quote.includes(sentence);
}

/** Scores one seed's events against its gold record; `text` is the Doc text the events point into. */
export function scoreSeedEvents(raw: Readonly<Record<string, unknown>>, events: readonly EventSpan[] | string, text = ''): SeedEventsResult {
  const gold = (raw.events ?? []) as readonly GoldEvent[];
  const places = (raw.places ?? []) as readonly GoldPlace[];
  const list = typeof events === 'string' ? [] : events;
  const scored = list.filter((e) => e.scope === 'article' || e.scope === 'embed');
  const best = new Map<GoldEvent, EventSpan>();
  for (const g of gold) {
    // The matching event read from the gold evidence's sentence, then an exact type before an `also` one, then the most salient.
    const candidates = scored.filter((e) => eventMatches(g, places, e)).sort((a, b) => Number(sameEvidence(g, b, text)) - Number(sameEvidence(g, a, text)) || Number(b.type === g.type) - Number(a.type === g.type) || a.rank - b.rank);
    if (candidates[0]) best.set(g, candidates[0]);
  }
  const required = gold.filter((g) => g.required);
  const matched = [...best.entries()];
  const denied = matched.filter(([g]) => g.certainty === 'denied');
  const unmatched = scored.filter((e) => !gold.some((g) => eventMatches(g, places, e)));
  return {
    file: String(raw.file),
    error: typeof events === 'string' ? events : null,
    required: required.length,
    requiredFound: required.filter((g) => best.has(g)).map((g) => g.id),
    requiredMissed: required.filter((g) => !best.has(g)).map((g) => g.id),
    predicted: scored.length,
    predictedMatching: scored.length - unmatched.length,
    unmatched: unmatched.map((e) => `${e.type}[${e.trigger}]`),
    matched: matched.length,
    certaintyAgree: matched.filter(([g, e]) => g.certainty === e.certainty).length,
    certaintyMisses: matched.filter(([g, e]) => g.certainty !== e.certainty).map(([g, e]) => `${g.id} ${g.certainty}≠${e.certainty}`),
    attributionAgree: matched.filter(([g, e]) => goldAttributionKind(g.attribution) === e.attribution.kind).length,
    attributionMisses: matched.filter(([g, e]) => goldAttributionKind(g.attribution) !== e.attribution.kind).map(([g, e]) => `${g.id} ${goldAttributionKind(g.attribution)}≠${e.attribution.kind}`),
    denied: denied.length,
    deniedAgree: denied.filter(([, e]) => e.certainty === 'denied').length,
    commentMatches: list.filter((e) => e.scope === 'comment' && gold.some((g) => !g.in_embed && eventMatches(g, places, e, false))).length,
  };
}

async function seedDoc(path: string): Promise<Doc | string> {
  const cleaned = cleanSeed(path);
  if (typeof cleaned === 'string') return cleaned;
  const { doc, failures } = await runStages(cleaned, [...defaultStages().filter((s) => s.name !== 'events'), eventsStage], { config: defaultConfig() });
  return failures.length > 0 ? failures.map((f) => `${f.stage}: ${f.message}`).join('; ') : doc;
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Runs the pipeline over every seed with gold and scores its events; null when the seeds are absent. */
export async function seedEventsEval(root: string = sharedDir()): Promise<{ readonly files: readonly SeedEventsResult[]; readonly totals: SeedEventsTotals } | null> {
  const dir = sharedPath(root, 'seeds');
  const goldDir = dir && sharedPath(dir, 'gold');
  if (!dir || !goldDir) return null;
  const files: SeedEventsResult[] = [];
  for (const name of readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()) {
    const raw = JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as Record<string, unknown>;
    const doc = await seedDoc(join(dir, String(raw.file)));
    files.push(typeof doc === 'string' ? scoreSeedEvents(raw, doc) : scoreSeedEvents(raw, (doc.layers.events ?? []) as readonly EventSpan[], doc.text));
  }
  const sum = (f: (r: SeedEventsResult) => number): number => files.reduce((s, r) => s + f(r), 0);
  const required = sum((r) => r.required);
  const requiredFound = sum((r) => r.requiredFound.length);
  const predicted = sum((r) => r.predicted);
  const predictedMatching = sum((r) => r.predictedMatching);
  const matched = sum((r) => r.matched);
  return {
    files,
    totals: {
      required, requiredFound, recall: rate(requiredFound, required),
      predicted, predictedMatching, precision: rate(predictedMatching, predicted),
      matched,
      certaintyAgreement: rate(sum((r) => r.certaintyAgree), matched),
      attributionAgreement: rate(sum((r) => r.attributionAgree), matched),
      denied: sum((r) => r.denied), deniedAgree: sum((r) => r.deniedAgree),
      commentMatches: sum((r) => r.commentMatches),
    },
  };
}

/** A PLOVER gold-standard record, as far as this scorer reads it. */
export interface PloverGoldRecord {
  readonly id: string;
  readonly event: string;
  readonly text?: string;
  readonly date?: string;
  readonly source?: readonly { readonly actorText?: string }[] | string;
  readonly target?: readonly { readonly actorText?: string }[] | string;
}

/** Parses the PLOVER GSR file: JSON with trailing commas (and stray control characters), read leniently. */
export function parsePloverGsr(text: string): PloverGoldRecord[] {
  const cleaned = text.replace(/,(\s*[}\]])/g, '$1').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
  const parsed = JSON.parse(cleaned) as PloverGoldRecord[];
  return parsed.filter((r) => r.event !== 'DOCUMENT' && typeof r.text === 'string');
}

/** Current PLOVER types a GSR type counts as; INVESTIGATE has no current type (scored apart). */
export const GSR_TYPE_MAP: Readonly<Record<string, readonly string[]>> = {
  FIGHT: ['ASSAULT'], DEMAND: ['REQUEST'], DISAPPROVE: ['ACCUSE', 'REJECT'], INVESTIGATE: [],
};

/** PLOVER GSR scores. */
export interface PloverGsrResult {
  readonly records: number;
  readonly typed: number;
  /** The most salient predicted event has the gold type. */
  readonly typeTop: number;
  /** Some predicted event has the gold type. */
  readonly typeAny: number;
  readonly noEvent: number;
  readonly investigate: number;
  readonly investigateTyped: number;
  readonly perType: Readonly<Record<string, { readonly n: number; readonly top: number }>>;
  readonly sourceGold: number;
  readonly sourceAgree: number;
  readonly targetGold: number;
  readonly targetAgree: number;
}

function actorTexts(value: PloverGoldRecord['source']): string[] {
  return Array.isArray(value) ? value.map((a) => (a.actorText ?? '').toLowerCase()).filter((t) => t.length > 0) : [];
}

function overlaps(gold: readonly string[], predicted: readonly string[]): boolean {
  return gold.some((g) => predicted.some((p) => p.includes(g) || g.includes(p)));
}

/** Runs the pipeline on each GSR record's sentence and scores types and actors; null when the file is absent. */
export async function ploverGsrEval(root: string = sharedDir()): Promise<PloverGsrResult | null> {
  const path = sharedPath(root, 'eval', 'events', 'PLOVER_GSR_CAMEO.txt');
  if (!path) return null;
  const records = parsePloverGsr(readFileSync(path, 'utf8'));
  const stages = [...defaultStages().filter((s) => s.name !== 'events'), eventsStage];
  const ctx = { config: defaultConfig() };
  let typed = 0, typeTop = 0, typeAny = 0, noEvent = 0, investigate = 0, investigateTyped = 0;
  let sourceGold = 0, sourceAgree = 0, targetGold = 0, targetAgree = 0;
  const perType: Record<string, { n: number; top: number }> = {};
  for (const record of records) {
    const text = record.text!;
    const base = makeTestDoc(text, { layers: { segments: [{ start: 0, end: text.length, label: 'body' }] } });
    const { doc } = await runStages(base, stages, ctx);
    const events = [...((doc.layers.events ?? []) as readonly EventSpan[])].sort((a, b) => a.rank - b.rank);
    const top = events[0];
    if (!top) noEvent += 1;
    if (record.event === 'INVESTIGATE') {
      investigate += 1;
      if (top && (top.type === 'ACCUSE' && top.mode === 'investigate')) investigateTyped += 1;
      continue;
    }
    const accepted = GSR_TYPE_MAP[record.event] ?? [record.event];
    typed += 1;
    const hitTop = top !== undefined && accepted.includes(top.type);
    if (hitTop) typeTop += 1;
    if (events.some((e) => accepted.includes(e.type))) typeAny += 1;
    const slot = (perType[record.event] ??= { n: 0, top: 0 });
    slot.n += 1;
    if (hitTop) slot.top += 1;
    const source = actorTexts(record.source);
    const target = actorTexts(record.target);
    const chosen = events.find((e) => accepted.includes(e.type)) ?? top;
    if (source.length > 0) {
      sourceGold += 1;
      if (chosen && overlaps(source, chosen.actors.map((a) => a.text.toLowerCase()))) sourceAgree += 1;
    }
    if (target.length > 0) {
      targetGold += 1;
      if (chosen && overlaps(target, chosen.recipients.map((a) => a.text.toLowerCase()))) targetAgree += 1;
    }
  }
  return { records: records.length, typed, typeTop, typeAny, noEvent, investigate, investigateTyped, perType, sourceGold, sourceAgree, targetGold, targetAgree };
}

function pct(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** A readable report of both event evaluations. */
export function formatEventsReport(seeds: Awaited<ReturnType<typeof seedEventsEval>>, gsr: PloverGsrResult | null): string {
  const lines: string[] = [];
  if (seeds) {
    const t = seeds.totals;
    lines.push(`events (seeds): required recall ${t.requiredFound}/${t.required} (${pct(t.requiredFound, t.required)}); precision ${t.predictedMatching}/${t.predicted} (${pct(t.predictedMatching, t.predicted)}); certainty agreement ${pct(t.certaintyAgreement * t.matched, t.matched)} and attribution agreement ${pct(t.attributionAgreement * t.matched, t.matched)} on ${t.matched} matched; denied predicted denied ${t.deniedAgree}/${t.denied}; comment events matching article gold ${t.commentMatches}`);
    for (const f of seeds.files) {
      lines.push(`  ${f.file}: required ${f.requiredFound.length}/${f.required}${f.requiredMissed.length ? ` missed ${f.requiredMissed.join(', ')}` : ''}; precision ${f.predictedMatching}/${f.predicted}`
        + `${f.certaintyMisses.length ? `; certainty ${f.certaintyMisses.join(', ')}` : ''}${f.attributionMisses.length ? `; attribution ${f.attributionMisses.join(', ')}` : ''}${f.error ? `; error ${f.error}` : ''}`);
      if (f.unmatched.length > 0) lines.push(`    unmatched: ${f.unmatched.join(', ')}`);
    }
  } else lines.push(`SKIPPED: ${absentMessage(join(sharedDir(), 'seeds', 'gold'), 'the seeds events evaluation')}`);
  if (gsr) {
    lines.push(`events (PLOVER GSR, ${gsr.records} records): top-event type ${gsr.typeTop}/${gsr.typed} (${pct(gsr.typeTop, gsr.typed)}), any event ${gsr.typeAny}/${gsr.typed} (${pct(gsr.typeAny, gsr.typed)}), no event ${gsr.noEvent}; INVESTIGATE ${gsr.investigateTyped}/${gsr.investigate} as ACCUSE/investigate; source ${gsr.sourceAgree}/${gsr.sourceGold} (${pct(gsr.sourceAgree, gsr.sourceGold)}), target ${gsr.targetAgree}/${gsr.targetGold} (${pct(gsr.targetAgree, gsr.targetGold)})`);
    lines.push(`  per type (top): ${Object.entries(gsr.perType).sort().map(([k, v]) => `${k} ${v.top}/${v.n}`).join(', ')}`);
  } else lines.push(`SKIPPED: ${absentMessage(join(sharedDir(), 'eval', 'events'), 'the PLOVER GSR events evaluation')}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seeds = await seedEventsEval();
  const gsr = await ploverGsrEval();
  console.log(formatEventsReport(seeds, gsr));
}
