/**
 * Toponym resolution: picks, for each mention, the gazetteer entry the document most likely
 * means. Written by hand because no maintained JavaScript geoparser exists; the method is the
 * standard one (Leidner's "one sense per discourse" plus population and feature priors, spatial
 * minimality between the places of one text, and the document's country and region focus).
 */
import { foldName } from './fold-name.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import { placeLexicon } from './lexicon.js';

/** A stretch of text to resolve, with what its context says about it. */
export interface ToponymMention {
  readonly start: number;
  readonly end: number;
  /** The surface text, e.g. "Zvechani". */
  readonly text: string;
  /** A feature the context announces ("village of X", "X crossing"), if any. */
  readonly cue?: string | null;
}

/** The chosen entry for a mention (null when nothing fits) and how sure the choice is, 0..1. */
export interface ResolvedToponym {
  readonly mention: ToponymMention;
  readonly entry: GazetteerEntry | null;
  readonly confidence: number;
  /** How the name matched: exactly, as an inflected form, through a head word, or as a demonym. */
  readonly match: 'exact' | 'inflected' | 'head' | 'demonym' | 'street' | 'none';
}

/** Options for resolution. */
export interface ResolveOptions {
  /** Also resolve demonyms ("Serbian") to their country, as gold-span evaluation needs. */
  readonly demonyms?: boolean;
}

interface Candidates {
  readonly entries: readonly GazetteerEntry[];
  readonly match: ResolvedToponym['match'];
}

const HEAD = /\s+(county|parish|borough|township|province|district|region|oblast|municipality|area|metro|valley|crossing|border crossing|city|town|village|state)$/i;
const LEADING = /^(the|downtown|central|greater|metropolitan|metro|northern|southern|eastern|western|north|south|east|west)\s+/i;
// Slavic case endings and English renderings of them ("Zvechani", "u Leposaviću", "Rudar").
const ENDINGS = ['ima', 'ama', 'om', 'oj', 'u', 'i', 'a', 'e', 'y'];

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Gazetteer entries a surface form may name, trying exact, then head-stripped, then inflected forms. */
export function candidatesFor(gazetteer: Gazetteer, surface: string, options: ResolveOptions = {}): Candidates {
  // Recognition asks about the same surfaces many times per text and across texts: the answer
  // depends only on the gazetteer, the surface and the demonym flag, so it is memoised.
  let memo = memos.get(gazetteer);
  if (!memo) {
    memo = new Map();
    memos.set(gazetteer, memo);
  }
  const id = options.demonyms ? `d\u0000${surface}` : surface;
  let hit = memo.get(id);
  if (!hit) {
    // Bounded: a long batch sees an open-ended set of capitalised sequences.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    hit = computeCandidates(gazetteer, surface, options);
    memo.set(id, hit);
  }
  return hit;
}

const MEMO_LIMIT = 100_000;
const memos = new WeakMap<Gazetteer, Map<string, Candidates>>();

function computeCandidates(gazetteer: Gazetteer, surface: string, options: ResolveOptions): Candidates {
  const cleaned = surface.replace(/[’']s$/u, '').replace(/^the\s+/i, '');
  const key = foldName(cleaned);
  const entries = (keys: readonly string[]): GazetteerEntry[] => {
    const seen = new Set<number>();
    const out: GazetteerEntry[] = [];
    for (const k of keys) for (const i of gazetteer.lookup(k)) if (!seen.has(i)) { seen.add(i); out.push(gazetteer.entry(i)); }
    return out;
  };
  const exact = entries([key]);
  if (options.demonyms) {
    // With gold spans a demonym is a toponym ("Iraqi forces"): its country outranks a town
    // that happens to carry the word as an alternate name ("American" -> Americana).
    const dem = [...gazetteer.lookupDemonym(key), ...(key.endsWith('s') ? gazetteer.lookupDemonym(key.slice(0, -1)) : [])];
    if (dem.length > 0) return { entries: dem.map((i) => gazetteer.entry(i)), match: 'demonym' };
  }
  if (exact.length > 0) return { entries: exact, match: 'exact' };
  const stripped = cleaned.replace(HEAD, '').replace(LEADING, '');
  if (stripped !== cleaned && stripped.length > 1) {
    const head = entries([foldName(stripped)]);
    if (head.length > 0) return { entries: head, match: 'head' };
  }
  if (key.length >= 5 && !key.includes(' ')) {
    const forms: string[] = [];
    for (const end of ENDINGS) if (key.endsWith(end) && key.length - end.length >= 4) forms.push(key.slice(0, -end.length));
    forms.push(`${key}e`, `${key}a`);
    const inflected = entries(forms).filter((e) => e.population >= 1000 || e.origin === 'supplement');
    if (inflected.length > 0) return { entries: inflected, match: 'inflected' };
  }
  return { entries: [], match: 'none' };
}

function prior(e: GazetteerEntry): number {
  switch (e.feature) {
    // A country is its own context: it gets the focus and proximity bonuses a town must earn.
    case 'country': case 'territory': return 12;
    case 'continent': return 11;
    case 'admin1': return 8.5;
    case 'region': case 'river': case 'lake': case 'crossing': return 6;
    default: {
      let p = Math.log10(e.population + 10);
      if (e.featureCode === 'PPLC') p += 1.5;
      else if (e.featureCode === 'PPLA') p += 0.8;
      else if (e.featureCode === 'PPLA2') p += 0.3;
      if (e.origin === 'supplement') p += 1.5;
      return p;
    }
  }
}

function cueBonus(e: GazetteerEntry, cue: string | null | undefined): number {
  if (!cue) return 0;
  if (cue === e.feature) return 1.5;
  if (cue === 'town' && (e.feature === 'city' || e.feature === 'village')) return 0.8;
  if (cue === 'village' && e.feature === 'town') return 0.8;
  if (cue === 'city' && e.feature === 'town') return 0.8;
  if (cue === 'region' && (e.feature === 'admin1' || e.feature === 'region')) return 1.5;
  return e.feature === 'country' ? -1 : 0;
}

const isArea = (e: GazetteerEntry): boolean => ['country', 'territory', 'continent', 'admin1', 'region'].includes(e.feature);

/**
 * Resolves mentions jointly: 1. candidates per distinct name; 2. a first choice from priors and
 * the countries and divisions the text names outright; 3. two rounds re-scoring each name by the
 * document's country focus, its first-level division focus and distance to the other names'
 * choices; 4. confidence from the winning margin and the strength of the winner.
 */
export function resolveToponyms(gazetteer: Gazetteer, mentions: readonly ToponymMention[], options: ResolveOptions = {}): ResolvedToponym[] {
  // 1. One sense per discourse: mentions with the same folded text share a decision.
  const groups = new Map<string, { mentions: ToponymMention[]; cands: Candidates; cue: string | null }>();
  for (const m of mentions) {
    const key = foldName(m.text);
    let g = groups.get(key);
    if (!g) {
      g = { mentions: [], cands: candidatesFor(gazetteer, m.text, options), cue: null };
      groups.set(key, g);
    }
    g.mentions.push(m);
    g.cue ??= m.cue ?? null;
  }
  const list = [...groups.values()];
  // 2. Explicit country and division mentions: unambiguous area names the text spells out.
  const countryWeight = new Map<string, number>();
  const admin1Named = new Set<string>();
  for (const g of list) {
    const areas = g.cands.entries.filter((e) => e.feature === 'country' || e.feature === 'territory');
    // "Georgia" names a country outright only when no US state shares the name.
    const divisions = g.cands.entries.filter((e) => e.feature === 'admin1');
    if (areas.length === 1 && divisions.length === 0 && g.cands.match !== 'none') countryWeight.set(areas[0]!.country, (countryWeight.get(areas[0]!.country) ?? 0) + 2 * g.mentions.length);
    for (const e of g.cands.entries) if (e.feature === 'admin1') admin1Named.add(`${e.country}.${e.admin1}`);
  }
  let choice = list.map((g) => best(g.cands.entries, (e) => prior(e) + cueBonus(e, g.cue))?.entry ?? null);
  const score = (g: (typeof list)[number], e: GazetteerEntry, self: number): number => {
    let s = prior(e) + cueBonus(e, g.cue);
    let total = 0;
    let mine = 0;
    for (const [c, w] of countryWeight) { total += w; if (c === e.country) mine += w; }
    choice.forEach((c, j) => {
      if (j === self || !c) return;
      const w = list[j]!.mentions.length;
      total += w;
      if (c.country === e.country) mine += w;
    });
    if (total > 0) s += 3 * (mine / total);
    if (e.feature !== 'admin1' && admin1Named.has(`${e.country}.${e.admin1}`)) s += 2;
    if (e.feature === 'admin1' || !isArea(e)) {
      let nearest = Infinity;
      choice.forEach((c, j) => {
        if (j === self || !c || c.feature === 'country' || c.feature === 'continent' || c.feature === 'territory' || c.feature === 'admin1') return;
        nearest = Math.min(nearest, distanceKm(e.lat, e.lon, c.lat, c.lon));
      });
      if (Number.isFinite(nearest)) s += 3 * Math.exp(-nearest / (e.feature === 'admin1' ? 500 : 250));
      // Near a small country or territory the text names (Raška beside Kosovo) counts a little.
      let nearArea = Infinity;
      choice.forEach((c, j) => {
        if (j === self || !c || (c.feature !== 'country' && c.feature !== 'territory')) return;
        nearArea = Math.min(nearArea, distanceKm(e.lat, e.lon, c.lat, c.lon));
      });
      if (Number.isFinite(nearArea)) s += 2 * Math.exp(-nearArea / 300);
    }
    return s;
  };
  // 3. Re-score against the other names' current choices.
  let scored: (ReturnType<typeof best>)[] = [];
  for (let round = 0; round < 2; round++) {
    scored = list.map((g, i) => best(g.cands.entries, (e) => score(g, e, i)));
    choice = scored.map((s) => s?.entry ?? null);
  }
  const decided = new Map<(typeof list)[number], ResolvedToponym['confidence']>();
  list.forEach((g, i) => {
    const s = scored[i];
    if (!s) { decided.set(g, 0); return; }
    // 4. Sure when the winner is strong (a large place, or one the context supports) and clearly ahead.
    // A name with one sense needs less support than one shared by many places.
    const unique = !Number.isFinite(s.second) || s.second === s.score - 4;
    const strength = 1 / (1 + Math.exp(-(s.score - (unique ? 3.5 : 5.5))));
    const margin = 1 / (1 + Math.exp(-(s.score - s.second) * 1.5));
    const penalty = g.cands.match === 'exact' ? 1 : g.cands.match === 'demonym' ? 0.8 : 0.75;
    decided.set(g, Math.round(strength * margin * penalty * 100) / 100);
  });
  // 5. A street or road no gazetteer holds ("Elm Street") lies in the town the text is about:
  //    the most-mentioned town it resolved, placed with low confidence.
  const streetHeads = placeLexicon().streetHeads;
  let local: { entry: GazetteerEntry; weight: number } | null = null;
  list.forEach((g, i) => {
    const c = choice[i];
    if (c && !isArea(c) && c.feature !== 'continent' && (local === null || g.mentions.length > local.weight)) local = { entry: c, weight: g.mentions.length };
  });
  const town: GazetteerEntry | null = (local as { entry: GazetteerEntry } | null)?.entry ?? null;
  const street = new Set<number>();
  if (town) {
    list.forEach((g, i) => {
      if (choice[i] || !g.mentions[0]!.text.includes(' ')) return;
      const last = g.mentions[0]!.text.trim().split(/\s+/).pop()!.toLowerCase().replace(/\.$/, '');
      if (streetHeads.has(last)) { choice[i] = town; street.add(i); decided.set(g, 0.2); }
    });
  }
  const byKey = new Map<ToponymMention, ResolvedToponym>();
  list.forEach((g, i) => {
    for (const m of g.mentions) {
      byKey.set(m, { mention: m, entry: choice[i] ?? null, confidence: decided.get(g) ?? 0, match: street.has(i) ? 'street' : g.cands.match });
    }
  });
  return mentions.map((m) => byKey.get(m)!);
}

function best(entries: readonly GazetteerEntry[], score: (e: GazetteerEntry) => number): { entry: GazetteerEntry; score: number; second: number } | null {
  let top: GazetteerEntry | null = null;
  let topScore = -Infinity;
  const scores = entries.map(score);
  scores.forEach((s, i) => { if (s > topScore) { topScore = s; top = entries[i]!; } });
  if (!top) return null;
  const winner: GazetteerEntry = top;
  // The runner-up that matters is a different place: records 2 km apart are one answer.
  let second = -Infinity;
  scores.forEach((s, i) => {
    const e = entries[i]!;
    if (e !== winner && s > second && distanceKm(e.lat, e.lon, winner.lat, winner.lon) > 50) second = s;
  });
  return { entry: winner, score: topScore, second: Number.isFinite(second) ? second : topScore - 4 };
}
