/**
 * Toponym resolution: picks, for each mention, the gazetteer entry the document most likely
 * means. Written by hand because no maintained JavaScript geoparser exists; the method is the
 * standard one (Leidner's "one sense per discourse" plus population and feature priors, spatial
 * minimality between the places of one text, and the document's country and region focus).
 */
import { containmentPairs, coordinatedPairs } from './containment.js';
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
  /**
   * How the name matched: exactly, as an inflected form, through a head word, as a demonym, through
   * a part of it, as a street of the text's town, placed at the place the wording puts it in
   * ("the Palais des Nations in Geneva": contained), or guessed at the text's locality.
   */
  readonly match: 'exact' | 'inflected' | 'head' | 'demonym' | 'part' | 'street' | 'contained' | 'guess' | 'none';
}

/** Options for resolution. */
export interface ResolveOptions {
  /** Also resolve demonyms ("Serbian") to their country, as gold-span evaluation needs. */
  readonly demonyms?: boolean;
  /**
   * The caller knows every mention names a place (gold spans): a name no entry matches whole is
   * looked for in its parts ("Dubai World Cup" -> Dubai) and loose keys (a county's bare name),
   * and failing that placed at the document's own locality, rather than left unresolved.
   */
  readonly knownPlaces?: boolean;
  /** The whole text the mentions come from, where an acronym's long form may be spelled out. */
  readonly text?: string;
}

interface Candidates {
  readonly entries: readonly GazetteerEntry[];
  readonly match: ResolvedToponym['match'];
}

const HEAD = /\s+(county|parish|borough|township|twp\.?|province|district|region|oblast|municipality|area|metro|valley|crossing|border crossing|city|town|village|state)$/i;
const LEADING = /^(the|downtown|central|greater|metropolitan|metro|northern|southern|eastern|western|north|south|east|west|(?:city|town|village|township|borough|county) of)\s+/i;
// Abbreviations news copy uses in place names, and the words GeoNames spells out.
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/^N\.?\s+/, 'North '], [/^S\.?\s+/, 'South '], [/^E\.?\s+/, 'East '], [/^W\.?\s+/, 'West '],
  [/\bMt\.?\s+/g, 'Mount '], [/\bFt\.?\s+/g, 'Fort '], [/\bSt\.?\s+/g, 'Saint '],
];
// Slavic case endings and English renderings of them ("Zvechani", "u Leposaviću", "Rudar").
const ENDINGS = ['ima', 'ama', 'om', 'oj', 'u', 'i', 'a', 'e', 'y'];
// Countries whose place names news copy inflects with those endings (Slavic languages, Albanian).
const INFLECTING: ReadonlySet<string> = new Set(['RS', 'XK', 'BA', 'HR', 'ME', 'MK', 'SI', 'BG', 'RU', 'UA', 'BY', 'PL', 'CZ', 'SK', 'AL']);

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The name without a possessive or a leading article: "the Kremlin's" -> "Kremlin". */
const bareName = (surface: string): string => surface.replace(/[’']s$/u, '').replace(/^the\s+/i, '');

/** Gazetteer entries a surface form may name, trying exact, then head-stripped, then inflected forms. */
export function candidatesFor(gazetteer: Gazetteer, surface: string, options: ResolveOptions = {}): Candidates {
  // Recognition asks about the same surfaces many times per text and across texts: the answer
  // depends only on the gazetteer, the surface and the demonym flag, so it is memoised.
  let memo = memos.get(gazetteer);
  if (!memo) {
    memo = new Map();
    memos.set(gazetteer, memo);
  }
  const id = `${options.demonyms ? 'd' : ''}${options.knownPlaces ? 'k' : ''}\u0000${surface}`;
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
  const cleaned = bareName(surface);
  const key = foldName(cleaned);
  const entries = (keys: readonly string[]): GazetteerEntry[] => {
    const seen = new Set<number>();
    const out: GazetteerEntry[] = [];
    for (const k of keys) for (const i of gazetteer.lookup(k)) if (!seen.has(i)) { seen.add(i); out.push(gazetteer.entry(i)); }
    return out;
  };
  let exact = entries([key]);
  // A common word ("State", "Republic") names only the places whose own name it is, not those
  // GeoNames lists it for as a translation or a variant (Settat).
  if (/^\p{Lu}\p{Ll}+$/u.test(cleaned) && placeLexicon().notPlaces.has(key)) exact = exact.filter((e) => foldName(e.name) === key);
  if (options.demonyms) {
    // With gold spans a demonym is a toponym ("Iraqi forces"): its country outranks a town
    // that happens to carry the word as an alternate name ("American" -> Americana).
    const dem = [...gazetteer.lookupDemonym(key), ...(key.endsWith('s') ? gazetteer.lookupDemonym(key.slice(0, -1)) : [])];
    if (dem.length > 0) return { entries: dem.map((i) => gazetteer.entry(i)), match: 'demonym' };
  }
  if (exact.length > 0) return { entries: exact, match: 'exact' };
  const expanded = ABBREVIATIONS.reduce((text, [from, to]) => text.replace(from, to), cleaned);
  if (expanded !== cleaned) {
    const full = entries([foldName(expanded)]);
    if (full.length > 0) return { entries: full, match: 'exact' };
  }
  // And the other way: "Saint Croix County" is the "St. Croix County" the Census spells.
  const abbreviated = cleaned.replace(/\bSaint\s+/g, 'St. ');
  if (abbreviated !== cleaned) {
    const full = entries([foldName(abbreviated)]);
    if (full.length > 0) return { entries: full, match: 'exact' };
  }
  const stripped = cleaned.replace(HEAD, '').replace(LEADING, '');
  // What is left must still be a name: "North West" less "North" is no town called West.
  if (stripped !== cleaned && stripped.length > 1 && !GENERIC.test(stripped)) {
    const head = entries([foldName(stripped)]);
    if (head.length > 0) return { entries: head, match: 'head' };
  }
  if (key.length >= 5 && !key.includes(' ')) {
    const forms: string[] = [];
    for (const end of ENDINGS) if (key.endsWith(end) && key.length - end.length >= 4) forms.push(key.slice(0, -end.length));
    forms.push(`${key}e`, `${key}a`);
    // The endings are Slavic (and Albanian) case endings: they explain a name only in the countries
    // whose languages inflect that way, not an English word ("State") next to a Moroccan Settat.
    const inflected = entries(forms).filter((e) => (e.population >= 1000 || e.origin === 'supplement') && INFLECTING.has(e.country));
    if (inflected.length > 0) return { entries: inflected, match: 'inflected' };
  }
  if (options.knownPlaces) {
    const looseKey = foldName(cleaned.replace(HEAD, '').replace(LEADING, ''));
    const looseHits = gazetteer.lookupLoose(looseKey);
    if (looseHits.length > 0) return { entries: looseHits.map((i) => gazetteer.entry(i)), match: 'head' };
    // A street ("Hampton Avenue") is in the document's town, not in a place named like it.
    const last = cleaned.trim().split(/\s+/).pop()!.toLowerCase().replace(/\.$/, '');
    const part = placeLexicon().streetHeads.has(last) ? null : partCandidates(gazetteer, cleaned, options);
    if (part) return part;
  }
  return { entries: [], match: 'none' };
}

// Words that head the name of a building, institution or event and say nothing of where it is.
const GENERIC = /^(?:university|college|school|high|middle|elementary|academy|institute|hospital|center|centre|church|cathedral|chapel|basilica|mosque|temple|museum|library|hotel|inn|restaurant|theatre|theater|hall|park|stadium|arena|airport|station|metro|subway|bridge|tower|castle|palace|prison|jail|court|office|ministry|embassy|department|council|county|city|town|state|national|international|federal|royal|new|old|great|little|upper|lower|north|south|east|west|northern|southern|eastern|western|central|saint|st|mount|mt|lake|river|creek|gulf|sea|ocean|island|bay|port|colony|grove|orchard|mill|world|cup|club|golf|country|street|avenue|road|square|district|area|village|house|farm|market|mall|plaza|building|company|corporation|group|bank|trust|service|services|police|fire|sheriff|foundation|society|association|union|army|navy|force|forces|republic|kingdom|empire|government|parliament|assembly|congress|senate|commission|committee|agency|authority|board|the|of|and|for|at|in|on|de|la|le|du|des)$/i;

/**
 * A multi-word name the gazetteer lacks, resolved through its longest run of words that names a
 * place: "Manila Cathedral" -> Manila, "Tipperary County Council" -> Tipperary, "Russian
 * Foreign Ministry" -> Russia. Runs made only of generic words ("World Cup") do not count.
 */
function partCandidates(gazetteer: Gazetteer, surface: string, options: ResolveOptions): Candidates | null {
  const words = surface.split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  // The head of "SM Mall of Asia" is "Mall": the word before "of", else the last word.
  const ofAt = words.findIndex((w, k) => k > 0 && w.toLowerCase() === 'of');
  const head = words[ofAt > 0 ? ofAt - 1 : words.length - 1]!.toLowerCase().replace(/[.,’']+$/u, '');
  const government = GOVERNMENT_HEADS.test(surface);
  for (let n = words.length - 1; n >= 1; n--) {
    // Of runs of the same length, a town names where the thing is ("British Embassy Tokyo"),
    // a country or region only whose it is.
    let area: Candidates | null = null;
    for (let start = 0; start + n <= words.length; start++) {
      const run = words.slice(start, start + n);
      if (run.every((w) => GENERIC.test(w.replace(/[.,’']+$/u, '')))) continue;
      if (!/^\p{Lu}/u.test(run[0]!)) continue;
      const phrase = run.join(' ').replace(/[,:;]+$/, '');
      const c = candidatesFor(gazetteer, phrase, { demonyms: options.demonyms });
      if (c.match === 'inflected') continue;
      // A ministry or government of a country sits in its capital ("Russian Foreign Ministry").
      const nation = c.entries.find((e) => e.feature === 'country');
      if (government && nation) {
        const capital = capitalOf(gazetteer, nation.country);
        if (capital) return { entries: [capital], match: 'part' };
      }
      // Otherwise a people's name says whose a thing is, not where ("British International
      // School" in Cairo, "Indian Orchard" in Massachusetts).
      if (c.match === 'demonym' && FACILITY_HEADS.has(head) && c.entries.every((e) => e.feature === 'country')) continue;
      // Only a well-known place explains the name: "Carnegie Library" is no more in Carnegie,
      // Pennsylvania than anywhere, and the document's own locality is the better guess.
      // GeoNames' looser alternate names ("Zion" for Jerusalem) do not count here either.
      const key = foldName(phrase);
      // A city GeoNames names "X City" is still the one meant by "X" ("New York Auto Show").
      const known = c.entries.filter((e) => (!['city', 'village', 'town', 'neighbourhood'].includes(e.feature) || e.population >= 50_000)
        && (c.match !== 'exact' || e.origin !== 'geonames' || foldName(e.name) === key || foldName(e.name) === `${key} city`));
      if (known.length === 0) continue;
      // A building named after a country or a continent ("SM Mall of Asia") is not there, nor in
      // a town that happens to share the country's name.
      if (FACILITY_HEADS.has(head) && known.some((e) => ['country', 'territory', 'continent', 'region'].includes(e.feature))) continue;
      if (known.some((e) => !isArea(e) && e.feature !== 'continent')) return { entries: known, match: 'part' };
      area ??= { entries: known, match: 'part' };
    }
    if (area) return area;
  }
  return null;
}

// Names of a state's own bodies, which sit in its capital.
const GOVERNMENT_HEADS = /\b(?:ministry|ministries|government|parliament|foreign office|cabinet|presidency)\b/i;
// Last words of the names of buildings and institutions, which lie where the text is, not in
// the country or continent they are named after.
const FACILITY_HEADS: ReadonlySet<string> = new Set(['school', 'academy', 'college', 'hotel', 'hospital', 'clinic', 'embassy', 'consulate',
  'mall', 'centre', 'center', 'stadium', 'arena', 'church', 'cathedral', 'mosque', 'museum', 'library', 'theatre', 'theater', 'restaurant',
  'cafe', 'bar', 'pub', 'club', 'store', 'shop', 'market', 'cargo', 'office', 'station', 'park', 'hall', 'house']);

/**
 * The names the text gives in full as counties, parishes or boroughs, each with that word
 * ("In Suffolk County" -> Suffolk: County): every run of capitalised words before the word counts,
 * so a sentence's first word does not hide the name.
 */
function countiesInFull(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/((?:\p{Lu}[\p{L}.'-]*\s)+)(County|Parish|Borough)\b/gu)) {
    const words = m[1]!.trim().split(/\s+/);
    for (let k = 0; k < words.length; k++) out.set(words.slice(k).join(' '), m[2]!);
  }
  return out;
}

const capitals = new WeakMap<Gazetteer, Map<string, GazetteerEntry>>();

/** The capital (GeoNames PPLC) of a country, found once per gazetteer. */
function capitalOf(gazetteer: Gazetteer, iso2: string): GazetteerEntry | undefined {
  let map = capitals.get(gazetteer);
  if (!map) {
    map = new Map();
    for (let i = 0; i < gazetteer.size; i++) {
      const e = gazetteer.entry(i);
      if (e.featureCode !== 'PPLC') continue;
      const seen = map.get(e.country);
      if (!seen || e.population > seen.population) map.set(e.country, e);
    }
    capitals.set(gazetteer, map);
  }
  return map.get(iso2);
}

function prior(e: GazetteerEntry): number {
  switch (e.feature) {
    // A country is its own context: it gets the focus and proximity bonuses a town must earn.
    case 'country': case 'territory': return 12;
    case 'continent': return 11;
    case 'admin1': return 8.5;
    // A county is as likely a referent as a good-sized town: the document decides.
    case 'admin2': return 5.2;
    case 'sea': return 7;
    // A landmark the news names by itself (the White House, the Kremlin) is that landmark, not a
    // village that happens to share the name.
    case 'landmark': return 6.5;
    case 'region': case 'river': case 'lake': case 'crossing': case 'mountain': case 'island': return 6;
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
 * Resolves mentions jointly: 1. candidates per distinct name; 2. a first choice from priors, the
 * countries and divisions the text names outright, and the support of the other names' candidate
 * sets (senses that lie together); 3. two rounds re-scoring each name by the document's country
 * focus, its first-level division focus and distance to the other names' choices; 4. confidence
 * from the winning margin and the strength of the winner; 5. streets placed in the document's
 * town; 5b. with the text, what its wording says of containment ("X in Y", "X, Y", "X or Y"
 * among states); 6. with known places (gold spans), names still unmatched, and doubtful small
 * namesakes far from it, placed at its locality (its most-named town, in the country it is most
 * about, or inside the area the wording puts it in).
 */
export function resolveToponyms(gazetteer: Gazetteer, mentions: readonly ToponymMention[], options: ResolveOptions = {}): ResolvedToponym[] {
  // 1. One sense per discourse: mentions with the same folded text share a decision.
  const groups = new Map<string, { mentions: ToponymMention[]; cands: Candidates; cue: string | null; alias: ReadonlySet<number> }>();
  for (const m of mentions) {
    const key = foldName(m.text);
    let g = groups.get(key);
    if (!g) {
      const cands = candidatesFor(gazetteer, m.text, options);
      g = { mentions: [], cands, cue: null, alias: aliasOnly(cands, m.text) };
      groups.set(key, g);
    }
    g.mentions.push(m);
    g.cue ??= m.cue ?? null;
  }
  const list = [...groups.values()];
  // An acronym stands for a country or division the same text spells out ("SA" beside "South
  // Africa", "WA" beside "Western Australia"): the text's own long form outranks any namesake.
  for (const g of list) {
    const letters = g.mentions[0]!.text.replace(/\./g, '');
    if (!/^[A-Z]{2,4}$/.test(letters)) continue;
    const forms = [...list.filter((o) => o !== g).map((o) => o.mentions[0]!.text), ...longForms(options.text ?? '', letters)];
    for (const form of forms) {
      if (initials(form) !== letters) continue;
      const areas = candidatesFor(gazetteer, form, { demonyms: true }).entries
        .filter((e) => e.feature === 'country' || e.feature === 'territory' || e.feature === 'admin1');
      if (areas.length === 0) continue;
      g.cands = { entries: areas, match: 'exact' };
      g.alias = EMPTY;
      break;
    }
  }
  // A bare name the text also gives in full as a county ("Suffolk" beside "Suffolk County") may
  // mean that county: it joins the candidates, with the cue of its kind.
  const inFull = options.text ? countiesInFull(options.text) : new Map<string, string>();
  if (inFull.size > 0) {
    for (const g of list) {
      const name = g.mentions[0]!.text.replace(/[’']s$/u, '');
      const kind = inFull.get(name);
      if (!kind) continue;
      const counties = candidatesFor(gazetteer, `${name} ${kind}`).entries.filter((e) => e.feature === 'admin2' && !g.cands.entries.includes(e));
      if (counties.length === 0) continue;
      g.cands = { entries: [...g.cands.entries, ...counties], match: g.cands.match === 'none' ? 'head' : g.cands.match };
      g.cue ??= 'admin2';
    }
  }
  // A state GeoNames and our data call "X State" (Washington, New York) is what bare "X" means
  // when the text also names the state outright ("Wash.", "Washington state").
  const statesNamed = new Map<string, GazetteerEntry>();
  for (const g of list) if (g.cands.entries.length === 1 && g.cands.entries[0]!.feature === 'admin1') statesNamed.set(foldName(g.cands.entries[0]!.name), g.cands.entries[0]!);
  for (const g of list) {
    const state = statesNamed.get(`${foldName(g.mentions[0]!.text)} state`);
    if (state && !g.cands.entries.includes(state)) g.cands = { entries: [...g.cands.entries, state], match: g.cands.match };
  }
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
  const support = candidateSupport(list.map((g) => g.cands.entries));
  // What a sense has before the other names' choices are known: its prior, the context cue, and
  // the support of the other names' candidate sets. A place known by this name only as an
  // alternate ("Paris" for Saint-Paris) yields to one whose own name it is, and its neighbours'
  // support does not make it one ("Kosovo" among Kosovo's towns is still Kosovo, not Kosovo Polje).
  const base = (g: (typeof list)[number], e: GazetteerEntry): number => prior(e) + cueBonus(e, g.cue)
    + (g.alias.has(e.index) ? -ALIAS_PENALTY : SUPPORT_WEIGHT * Math.min(SUPPORT_CAP, support.get(e.index) ?? 0));
  let choice = list.map((g) => best(g.cands.entries, (e) => base(g, e))?.entry ?? null);
  const score = (g: (typeof list)[number], e: GazetteerEntry, self: number): number => {
    let s = base(g, e);
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
    // A country nothing else in the text is in, named like a town among the text's other places
    // ("Lebanon" beside Myerstown, Pennsylvania), is less sure of itself.
    if ((e.feature === 'country' || e.feature === 'territory') && !choice.some((c, j) => j !== self && c?.country === e.country)
      && g.cands.entries.some((o) => (support.get(o.index) ?? 0) >= 0.5)) s -= 3;
    if (e.feature !== 'admin1' && admin1Named.has(`${e.country}.${e.admin1}`)) s += 2;
    // The capital of a country the text names outright is what its bare name means there: the
    // seat of the government the news reports on ("Washington said" beside "the United States").
    if (e.featureCode === 'PPLC' && countryWeight.has(e.country)) s += CAPITAL_BONUS;
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
    // A name found only among a GeoNames place's alternate names ("South Side" for Eltingville)
    // is as loose a match as a head word; another spelling of the name itself ("Valdai" for
    // Valday, "Geneva" for Genève) is not.
    const bare = bareName(g.mentions[0]!.text);
    const viaAlias = g.cands.match === 'exact' && s.entry.origin === 'geonames' && foldName(s.entry.name) !== foldName(bare)
      && !spelledAlike(s.entry.name, bare);
    const penalty = g.cands.match === 'exact' && !viaAlias ? 1 : g.cands.match === 'demonym' ? 0.8 : 0.75;
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
      if (!g.mentions[0]!.text.includes(' ')) return;
      const last = g.mentions[0]!.text.trim().split(/\s+/).pop()!.toLowerCase().replace(/\.$/, '');
      if (!streetHeads.has(last)) return;
      // A street no place bears as its own name is still a street: "Washington Square" is not
      // the New York town GeoNames also lists under that name.
      const key = foldName(g.mentions[0]!.text);
      if (choice[i] && g.cands.entries.some((e) => foldName(e.name) === key)) return;
      choice[i] = town; street.add(i); decided.set(g, 0.2);
    });
  }
  // 5b. Containment in the wording ("the Palais des Nations in Geneva", "Tacoma, Washington").
  // Names placed at the place the wording puts them in: each with the index of that place.
  const contained = new Map<Group, number>();
  const areaHints = options.text ? applyContainment(gazetteer, list, choice, decided, mentions, options.text, contained) : new Map<Group, GazetteerEntry>();
  // 6. With known places (gold spans), a name nothing matched (a building, an estate, a local
  //    landmark) is most likely in the document's own locality, else in its main country.
  const guessed = new Set<number>();
  if (options.knownPlaces) {
    // Only choices the resolver is sure of count: a doubtful one ("Wing" for "West Wing") would
    // carry every unmatched name along with it.
    const weight = new Map<string, number>();
    let anchor: GazetteerEntry | null = null;
    let anchorWeight = 0;
    // Failing a town, the first-level division the text names most narrows its country down.
    const divisions: { entry: GazetteerEntry; weight: number }[] = [];
    const towns: { entry: GazetteerEntry; weight: number }[] = [];
    list.forEach((g, i) => {
      const c = choice[i];
      const sure = decided.get(g) ?? 0;
      if (!c || sure < 0.5) return;
      if (c.country) weight.set(c.country, (weight.get(c.country) ?? 0) + g.mentions.length);
      const w = g.mentions.length * sure;
      if (!isArea(c) && c.feature !== 'continent' && !street.has(i)) towns.push({ entry: c, weight: w });
      if (c.feature === 'admin1') divisions.push({ entry: c, weight: w });
    });
    let focus: GazetteerEntry | null = null;
    let top = 0;
    for (const [iso2, w] of weight) if (w > top) { const c = gazetteer.country(iso2); if (c) { focus = c; top = w; } }
    // The locality is the town named most in the country the text is most about (Dublin, not
    // London, in an Irish story that names both), else the town named most anywhere.
    for (const pass of [true, false]) {
      for (const t of towns) if ((t.entry.country === focus?.country) === pass && t.weight > anchorWeight) { anchor = t.entry; anchorWeight = t.weight; }
      if (anchor) break;
    }
    const division = divisions.filter((d) => d.entry.country === focus?.country).sort((a, b) => b.weight - a.weight)[0]?.entry ?? null;
    const fallback: GazetteerEntry | null = (anchor as GazetteerEntry | null) ?? division ?? focus ?? town;
    if (fallback) {
      list.forEach((g, i) => {
        const c = choice[i];
        // A small namesake the resolver is not sure of, far from the text's locality, is more
        // likely somewhere in that locality ("Grand" for a street of the text's city, not a
        // French village): a text about one place names the small places around it.
        // Failing a town, a division the text is about puts such a namesake in another country
        // out ("Glenrock" in a story from New South Wales is not the Wyoming village).
        const far = (e: GazetteerEntry): boolean => (isArea(fallback) ? fallback.feature === 'admin1' && e.country !== fallback.country
          : distanceKm(e.lat, e.lon, fallback.lat, fallback.lon) > 150);
        if (c && far(c) && !contained.has(g) && ['village', 'town', 'neighbourhood'].includes(c.feature) && (decided.get(g) ?? 0) < DOUBT) {
          // A city of that name, if there is one, is then the likelier sense ("In Washington, the
          // diplomats..." in a British story is not the Tyne and Wear village).
          const city = best(g.cands.entries.filter((e) => e.feature === 'city' && e.population >= 100_000 && !g.alias.has(e.index)), prior);
          if (city) { choice[i] = city.entry; decided.set(g, 0.3); return; }
          choice[i] = null;
        }
        if (choice[i]) return;
        const hint = areaHints.get(g);
        choice[i] = hint && !(anchor && within(anchor, hint)) ? hint : fallback;
        guessed.add(i);
        decided.set(g, 0.1);
      });
    }
  }
  // A contained name follows its container to wherever the locality step finally put it.
  list.forEach((g, i) => {
    const outer = contained.get(g);
    if (outer !== undefined && choice[outer]) choice[i] = choice[outer]!;
  });
  const byKey = new Map<ToponymMention, ResolvedToponym>();
  list.forEach((g, i) => {
    for (const m of g.mentions) {
      byKey.set(m, { mention: m, entry: choice[i] ?? null, confidence: decided.get(g) ?? 0, match: contained.has(g) ? 'contained' : street.has(i) ? 'street' : guessed.has(i) ? 'guess' : g.cands.match });
    }
  });
  return mentions.map((m) => byKey.get(m)!);
}

type Group = { readonly mentions: readonly ToponymMention[]; readonly cands: Candidates };

/** Whether `e` lies inside the division or country `area`, by the codes both carry. */
function within(e: GazetteerEntry, area: GazetteerEntry): boolean {
  if (e.country !== area.country || !e.country) return false;
  if (area.feature === 'country' || area.feature === 'territory') return true;
  if (area.feature === 'admin1') return e.admin1 === area.admin1;
  return area.feature === 'admin2' && e.admin1 === area.admin1 && e.admin2 === area.admin2;
}

const HOLDERS = new Set(['country', 'territory', 'admin1', 'admin2']);
// What a following name may relocate: a settlement, a landmark, a crossing.
const MOVABLE = new Set(['city', 'town', 'village', 'neighbourhood', 'landmark', 'crossing', 'other']);
// How far a place said to be "in" or "at" a town may lie from it.
const CONTAINED_KM = 50;

/**
 * Reads "X in Y" and "X, Y" (containment.ts): the outer name is the division that holds the
 * inner place when it can be ("Tacoma, Washington" is the state); an inner name with a sense
 * inside the outer area takes it ("Croft, Yorkshire"); a name with no sense of its own, or none
 * near the town it is said to be in, is placed at that town ("Le Bernardin in New York"). A comma
 * between two towns is a list, not containment, and changes nothing.
 */
function applyContainment(gazetteer: Gazetteer, list: readonly Group[], choice: (GazetteerEntry | null)[], decided: Map<Group, number>,
  mentions: readonly ToponymMention[], text: string, contained: Map<Group, number>): Map<Group, GazetteerEntry> {
  // An unknown name said to be in an area ("Thackerville, Oklahoma") is left for the locality
  // fallback, which places it at the text's town when that town is in the area, else at the area.
  const hints = new Map<Group, GazetteerEntry>();
  // Places whose division the wording gives ("Washington, D.C."): no list makes them states.
  const held = new Set<number>();
  const groupOf = new Map<ToponymMention, number>();
  list.forEach((g, i) => { for (const m of g.mentions) groupOf.set(m, i); });
  // Right to left, so that the outer place of a chain is settled first ("the museum on Collins
  // Avenue in Miami Beach").
  for (const pair of containmentPairs(text, mentions).reverse()) {
    const xi = groupOf.get(mentions[pair.inner]!)!;
    const yi = groupOf.get(mentions[pair.outer]!)!;
    if (xi === yi) continue;
    const gx = list[xi]!;
    const gy = list[yi]!;
    const cx = choice[xi] ?? null;
    if (cx && !isArea(cx) && pair.comma) {
      const holder = gy.cands.entries.find((e) => HOLDERS.has(e.feature) && within(cx, e)) ?? stateNamed(gazetteer, cx, gy);
      if (holder) {
        if (holder !== choice[yi]) { choice[yi] = holder; decided.set(gy, Math.max(decided.get(gy) ?? 0, 0.7)); }
        held.add(xi);
        continue;
      }
    }
    const cy = choice[yi];
    // Only a name read as itself places another: not one guessed from a part of it.
    const sureY = decided.get(gy) ?? 0;
    if (!cy || gy.cands.match === 'part' || sureY < 0.5) continue;
    // An area, a sea or a river is not placed by what follows it ("FrontCounter BC in Nelson").
    if (cx && !MOVABLE.has(cx.feature) && (gx.cands.match !== 'part' || isArea(cx))) continue;
    if (HOLDERS.has(cy.feature)) {
      const inside = gx.cands.entries.filter((e) => !isArea(e) && within(e, cy));
      if (inside.length > 0) {
        if (!cx || !inside.includes(cx)) { choice[xi] = best(inside, prior)!.entry; decided.set(gx, Math.min(sureY, 0.7)); }
      } else if (!pair.near && (!cx || (!within(cx, cy) && ((decided.get(gx) ?? 0) < DOUBT || (pair.comma && cy.feature !== 'country' && cy.feature !== 'territory'))))) {
        // Nothing of that name in the area: a place too small for the gazetteer ("Rockingham,
        // Northamptonshire" is no Rockingham the gazetteer holds).
        choice[xi] = null;
        hints.set(gx, cy);
      }
    } else if (!isArea(cy) && cy.feature !== 'continent' && cy.feature !== 'sea') {
      // Between two towns a comma is a list ("Washington, New York and Boston") or a clause
      // boundary ("Beyond Madinaty, Liverpool have...").
      if (pair.comma) continue;
      const near = gx.cands.entries.filter((e) => !isArea(e) && distanceKm(e.lat, e.lon, cy.lat, cy.lon) <= CONTAINED_KM);
      if (near.length > 0) {
        if (!cx || !near.includes(cx)) { choice[xi] = best(near, prior)!.entry; decided.set(gx, Math.min(sureY, 0.7)); }
      } else if (!pair.near || gx.cands.entries.length === 0) {
        choice[xi] = cy;
        contained.set(gx, yi);
        decided.set(gx, Math.min(sureY, 0.5));
      }
    }
  }
  // A name listed with states is a state ("such as California or Washington").
  for (const pair of coordinatedPairs(text, mentions)) {
    const a = groupOf.get(mentions[pair.first]!)!;
    const b = groupOf.get(mentions[pair.second]!)!;
    for (const [self, other] of [[a, b], [b, a]] as const) {
      const mine = choice[self];
      const theirs = choice[other];
      if (self === other || held.has(self) || !theirs || theirs.feature !== 'admin1' || !mine || mine.feature === 'admin1') continue;
      const state = list[self]!.cands.entries.find((e) => e.feature === 'admin1' && e.country === theirs.country)
        ?? (mine.country === theirs.country ? stateNamed(gazetteer, mine, list[self]!, true) : undefined);
      if (state) { choice[self] = state; decided.set(list[self]!, Math.max(decided.get(list[self]!) ?? 0, 0.7)); }
    }
  }
  return hints;
}

/**
 * The division called by the group's name, or by it plus "State" ("Washington" for Washington
 * State): the one holding `place`, or with `any`, the one of that name in place's country.
 */
function stateNamed(gazetteer: Gazetteer, place: GazetteerEntry, g: Group, any = false): GazetteerEntry | undefined {
  const key = foldName(g.mentions[0]!.text);
  const named = (e: GazetteerEntry): boolean => foldName(e.name) === key || foldName(e.name) === `${key} state`;
  if (!any) {
    const holder = gazetteer.admin1(place.country, place.admin1);
    return holder && named(holder) ? holder : undefined;
  }
  return candidatesFor(gazetteer, `${g.mentions[0]!.text} State`).entries.find((e) => e.feature === 'admin1' && e.country === place.country && named(e));
}

const CAPITAL_BONUS = 1.5;
// Below this confidence a small place far from the text's locality yields to that locality.
const DOUBT = 0.8;
const ALIAS_PENALTY = 2;
const SUPPORT_WEIGHT = 2;
const SUPPORT_CAP = 3;
const SUPPORT_KM = 60;
const LOCAL = new Set(['city', 'town', 'village', 'neighbourhood', 'admin2', 'crossing']);

/**
 * Spatial minimality over the candidate sets, not just the current choices: how many of the
 * other names have some local sense (a town, a county) near each local candidate of this one,
 * each counted by closeness (1 when within a few km, 0.37 at 60 km). Of names that exist both
 * around Alexandria, Virginia and around Alexandria, Minnesota, the senses that lie together
 * support one another, whichever senses the priors picked first.
 */
function candidateSupport(sets: readonly (readonly GazetteerEntry[])[]): Map<number, number> {
  const out = new Map<number, number>();
  // Very ambiguous names ("Springfield": dozens of senses) support anything: they add nothing.
  const local = sets.map((set) => (set.length <= 40 ? set.filter((e) => LOCAL.has(e.feature)) : []));
  if (local.filter((l) => l.length > 0).length < 2) return out;
  local.forEach((mine, i) => {
    for (const e of mine) {
      let total = 0;
      local.forEach((theirs, j) => {
        if (j === i || theirs.length === 0) return;
        let bestK = 0;
        for (const c of theirs) {
          // Cheap bounds first: beyond ~170 km the support is nil anyway.
          if (c.index === e.index || Math.abs(c.lat - e.lat) > 1.5 || Math.abs(c.lon - e.lon) > 3) continue;
          const k = Math.exp(-distanceKm(e.lat, e.lon, c.lat, c.lon) / SUPPORT_KM);
          if (k > bestK) bestK = k;
        }
        total += bestK;
      });
      if (total > 0) out.set(e.index, total);
    }
  });
  // A state or province is supported by every other name with a local sense inside it, so a
  // cluster of small namesakes does not outvote "California" among Californian towns.
  sets.forEach((set, i) => {
    for (const e of set) {
      if (e.feature !== 'admin1') continue;
      let total = 0;
      local.forEach((theirs, j) => {
        if (j !== i && theirs.some((c) => c.country === e.country && c.admin1 === e.admin1)) total++;
      });
      if (total > 0) out.set(e.index, total);
    }
  });
  return out;
}

/** Candidates matched through an alternate name when some other candidate bears the name itself. */
function aliasOnly(cands: Candidates, surface: string): ReadonlySet<number> {
  if (cands.match !== 'exact' || cands.entries.length < 2) return EMPTY;
  const bare = bareName(surface);
  // An acronym ("EU", "BC") is not the town whose name happens to spell it ("Eu").
  if (/^[A-Z.&]{2,5}$/.test(bare)) {
    const other = cands.entries.filter((e) => e.origin === 'geonames' && e.name !== bare);
    return other.length === cands.entries.length ? EMPTY : new Set(other.map((e) => e.index));
  }
  const key = foldName(bare);
  const own = cands.entries.filter((e) => foldName(e.name) === key);
  if (own.length === 0 || own.length === cands.entries.length) return EMPTY;
  // Only GeoNames' own alternate lists are that loose; the curated files' are deliberate. A city
  // spelled almost as the name and far larger than every town bearing it is known by it as an
  // exonym (GeoNames' "Genève" for "Geneva"), not through a loose variant ("Berea" for Aleppo).
  const townsOnly = own.every((e) => e.origin === 'geonames' && !isArea(e));
  const largestOwn = Math.max(...own.map((e) => e.population));
  const exonym = (e: GazetteerEntry): boolean => townsOnly && e.population >= EXONYM_CITY
    && e.population >= EXONYM_RATIO * largestOwn && spelledAlike(e.name, bare);
  return new Set(cands.entries.filter((e) => !own.includes(e) && e.origin === 'geonames' && !exonym(e)).map((e) => e.index));
}

const EMPTY: ReadonlySet<number> = new Set();
const EXONYM_CITY = 100_000;
const EXONYM_RATIO = 5;

// Letters without accents, and no transliteration folding: "Changchun" is not "Cancun".
const plain = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Another spelling of the same name ("Genève"/"Geneva", "Valday"/"Valdai"): within a quarter of its letters. */
function spelledAlike(name: string, surface: string): boolean {
  return editDistance(plain(name), plain(surface)) <= Math.max(1, Math.floor(surface.length / 4));
}

/** Levenshtein distance, for telling an exonym ("Geneva"/"Genève") from an unrelated alias. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** Runs of capitalised words in `text` whose initials spell `letters` ("South Africa" for "SA"). */
function longForms(text: string, letters: string): string[] {
  const out = new Set<string>();
  const tokens = text.split(/\s+/).map((t) => t.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
  const n = letters.length;
  for (let i = 0; i + n <= tokens.length && out.size < 20; i++) {
    if (tokens[i]![0] !== letters[0]) continue;
    const run = tokens.slice(i, i + n);
    if (run.every((t, k) => t[0] === letters[k])) out.add(run.join(' '));
  }
  return [...out];
}

/** The initials of a multi-word name, function words left out: "Republic of South Africa" -> "RSA". */
function initials(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]!).join('') : '';
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
