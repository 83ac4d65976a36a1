/**
 * Places scored against the analyst's gold for the seed articles (`../shared/seeds/gold`), as
 * `../shared/seeds/README.md` defines it: a gold place is found when a predicted place lies within
 * 25 km of it (territories and countries: the right country code); no `not_places` mention may be
 * output as a place; `unresolved_places` must stay unresolved or below confidence 0.5.
 *
 * Run: node --import tsx eval/places-eval.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../src/config.js';
import type { Doc } from '../src/doc/types.js';
import { placesStage, type PlaceSpan } from '../src/stages/places/places-stage.js';
import { distanceKm } from '../src/stages/places/resolve-places.js';
import { absentMessage, cleanSeed, sharedDir, sharedPath } from './shared-data.js';

interface GoldPlace {
  readonly name: string;
  readonly country: string;
  readonly kind: string;
  readonly lat: number;
  readonly lon: number;
  readonly mentions: readonly string[];
}

/** One seed's result. */
export interface PlacesFileResult {
  readonly file: string;
  readonly error: string | null;
  readonly gold: number;
  readonly found: readonly string[];
  readonly missed: readonly string[];
  readonly notPlacesTotal: number;
  /** not_places mentions output as places. */
  readonly falsePlaces: readonly string[];
  readonly unresolvedTotal: number;
  /** unresolved_places mentions output resolved with confidence >= 0.5. */
  readonly wronglyResolved: readonly string[];
  /** Places output that match no gold place (for reading, not scored: gold lists only what matters). */
  readonly extra: readonly string[];
}

/** Totals over the seeds. */
export interface PlacesTotals {
  readonly gold: number;
  readonly found: number;
  readonly notPlaces: number;
  readonly falsePlaces: number;
  readonly unresolved: number;
  readonly wronglyResolved: number;
}

const AREA_KINDS = new Set(['territory', 'country', 'region']);


function matches(gold: GoldPlace, p: PlaceSpan): boolean {
  if (AREA_KINDS.has(gold.kind)) return p.country === gold.country && (p.feature === 'country' || p.feature === 'territory' || p.feature === 'region');
  return p.lat !== null && p.lon !== null && distanceKm(gold.lat, gold.lon, p.lat, p.lon) <= 25;
}

/** Scores one cleaned seed's places layer against its gold record. */
export function scorePlaces(raw: Readonly<Record<string, unknown>>, places: readonly PlaceSpan[] | string): PlacesFileResult {
  const gold = (raw.places ?? []) as readonly GoldPlace[];
  const notPlaces = (raw.not_places ?? []) as readonly { mention: string }[];
  const unresolved = (raw.unresolved_places ?? []) as readonly { mention: string }[];
  const list = typeof places === 'string' ? [] : places;
  const found = gold.filter((g) => list.some((p) => matches(g, p)));
  return {
    file: String(raw.file),
    error: typeof places === 'string' ? places : null,
    gold: gold.length,
    found: found.map((g) => g.name),
    missed: gold.filter((g) => !found.includes(g)).map((g) => g.name),
    notPlacesTotal: notPlaces.length,
    falsePlaces: notPlaces.filter((n) => list.some((p) => p.text === n.mention)).map((n) => n.mention),
    unresolvedTotal: unresolved.length,
    wronglyResolved: unresolved.filter((u) => list.some((p) => p.text === u.mention && p.lat !== null && p.confidence >= 0.5)).map((u) => u.mention),
    extra: [...new Set(list.filter((p) => !gold.some((g) => matches(g, p))).map((p) => `${p.text}->${p.name}/${p.country ?? '?'}`))],
  };
}

/** Runs clean + the places stage over every seed with gold, and scores them; null when the seeds are absent. */
export function placesEval(root: string = sharedDir()): { readonly files: readonly PlacesFileResult[]; readonly totals: PlacesTotals } | null {
  const dir = sharedPath(root, 'seeds');
  const goldDir = dir && sharedPath(dir, 'gold');
  if (!dir || !goldDir) return null;
  const ctx = { config: defaultConfig() };
  const files = readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort().map((name) => {
    const raw = JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as Record<string, unknown>;
    const doc = cleanSeed(join(dir, String(raw.file)));
    const places = typeof doc === 'string' ? doc : ((placesStage.run(doc, ctx) as { places: readonly PlaceSpan[] }).places);
    return scorePlaces(raw, places);
  });
  const sum = (f: (r: PlacesFileResult) => number): number => files.reduce((s, r) => s + f(r), 0);
  return {
    files,
    totals: {
      gold: sum((r) => r.gold), found: sum((r) => r.found.length),
      notPlaces: sum((r) => r.notPlacesTotal),
      falsePlaces: sum((r) => r.falsePlaces.length),
      unresolved: sum((r) => r.unresolvedTotal), wronglyResolved: sum((r) => r.wronglyResolved.length),
    },
  };
}

/** A readable report of the seeds places evaluation. */
export function formatPlacesReport(result: NonNullable<ReturnType<typeof placesEval>>): string {
  const lines: string[] = [];
  for (const f of result.files) {
    lines.push(`  ${f.file}: found ${f.found.length}/${f.gold}${f.missed.length ? ` missed ${f.missed.join(', ')}` : ''}`
      + `${f.falsePlaces.length ? `; not-places output: ${f.falsePlaces.join(', ')}` : ''}`
      + `${f.wronglyResolved.length ? `; wrongly resolved: ${f.wronglyResolved.join(', ')}` : ''}${f.error ? `; error ${f.error}` : ''}`);
  }
  const t = result.totals;
  lines.unshift(`places (seeds): found ${t.found}/${t.gold} within 25 km; not_places output ${t.falsePlaces}; unresolved_places resolved confidently ${t.wronglyResolved}/${t.unresolved}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = placesEval();
  if (!result) console.warn(`SKIPPED: ${absentMessage(join(sharedDir(), 'seeds', 'gold'), 'the seeds places evaluation')}`);
  else console.log(formatPlacesReport(result));
}
