/**
 * Place recognition and resolution over plain text: capitalised word sequences that match the
 * gazetteer (whole, inflected or transliterated), filtered for person and organisation names,
 * then resolved jointly (resolve-places.ts) and described for the places layer.
 */
import { foldName } from './fold-name.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import { placeLexicon, type PlaceLexicon } from './lexicon.js';
import { candidatesFor, resolveToponyms, type ResolvedToponym, type ToponymMention } from './resolve-places.js';

/** A place mention found in text, resolved or not. */
export interface FoundPlace {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly entry: GazetteerEntry | null;
  readonly confidence: number;
  readonly role: 'event' | 'mention';
  /** ACLED geo_precision: 1 the place itself, 2 near it or a district, 3 a province, country or larger. */
  readonly precision: 1 | 2 | 3;
  readonly cue: string | null;
  readonly near: boolean;
}

/** A stretch the caller knows is not a place name (an organisation, a person). */
export interface Blocked {
  readonly start: number;
  readonly end: number;
}

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
  readonly cap: boolean;
  /** First word of a sentence, where capitals say nothing. */
  readonly initial: boolean;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}’'.-]*[\p{L}\p{M}\p{N}.]|[\p{L}]/gu;
const CONNECTORS = new Set(['of', 'and', 'de', 'del', 'la', 'le', 'i', 'e', 'upon', 'on', 'the', 'du', 'des', 'am', 'an', 'der', '&']);
const MAX_WORDS = 5;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    // A full stop ends the word unless it is an abbreviation like "U.S." or "St.".
    if (word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(word) && !/^(?:St|Mt|Ft)\.$/.test(word)) word = word.slice(0, -1);
    const start = m.index;
    const between = text.slice(prevEnd, start);
    const initial = tokens.length === 0 || /[.!?:;"“”\n]\s*$|^\s*\n/.test(between) || /[.!?]$/.test(tokens[tokens.length - 1]!.text);
    tokens.push({ start, end: start + word.length, text: word, lower: word.toLowerCase(), cap: /^\p{Lu}/u.test(word), initial });
    prevEnd = start + word.length;
  }
  return tokens;
}

// The lower-cased words in the 60 characters before `start`, for cue look-ups ("village of",
// "near"). Cue lists are checked at every candidate, so each position is split once and every
// cue then compares against the joined last n words, memoised per n.
class CueReader {
  readonly #text: string;
  readonly #words = new Map<number, string[]>();
  readonly #joined = new Map<string, string>();
  constructor(text: string) {
    this.#text = text;
  }

  /** The last `n` words before `start`, joined by single spaces. */
  before(start: number, n: number): string {
    const id = `${start}:${n}`;
    let hit = this.#joined.get(id);
    if (hit === undefined) {
      let parts = this.#words.get(start);
      if (!parts) {
        parts = asciiWordsBefore(this.#text, start) ?? this.#text.slice(Math.max(0, start - 60), start).toLowerCase().split(NON_WORD).filter(Boolean);
        this.#words.set(start, parts);
      }
      hit = parts.slice(-n).join(' ');
      this.#joined.set(id, hit);
    }
    return hit;
  }

  /** The first cue (in list order) that the words before `start` spell, else null. */
  cue(start: number, cues: readonly Cue[]): string | null {
    for (const c of cues) if (this.before(start, c.words) === c.text) return c.text;
    return null;
  }
}

const NON_WORD = /[^\p{L}\p{N}]+/u;
const MAX_CUE_WORDS = 4;

// The same words as the Unicode split when the window is plain ASCII (nearly always), without a
// Unicode regex per candidate: the last MAX_CUE_WORDS runs of letters and digits, lower-cased.
// Null when the window holds anything else, so that the general path decides.
function asciiWordsBefore(text: string, start: number): string[] | null {
  const lo = Math.max(0, start - 60);
  for (let i = lo; i < start; i++) if (text.charCodeAt(i) > 127) return null;
  const words: string[] = [];
  let i = start;
  while (i > lo && words.length < MAX_CUE_WORDS) {
    while (i > lo && !isAsciiWordChar(text.charCodeAt(i - 1))) i--;
    const end = i;
    while (i > lo && isAsciiWordChar(text.charCodeAt(i - 1))) i--;
    if (end > i) words.push(text.slice(i, end).toLowerCase());
  }
  return words.reverse();
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

interface Cue {
  readonly text: string;
  readonly words: number;
}

/** The lexicon's cue lists with their word counts, derived once per lexicon. */
interface CueLists {
  readonly featureOf: readonly Cue[];
  readonly featurePhrases: readonly Cue[];
  readonly near: readonly Cue[];
  readonly locative: readonly Cue[];
  readonly singleEventVerbs: ReadonlySet<string>;
  readonly phraseEventVerbs: readonly string[];
}

const cueLists = new WeakMap<PlaceLexicon, CueLists>();

function cuesOf(lex: PlaceLexicon): CueLists {
  let c = cueLists.get(lex);
  if (!c) {
    const cues = (list: readonly string[]): Cue[] => list.map((text) => {
      const words = text.split(' ').length;
      if (words > MAX_CUE_WORDS) throw new RangeError(`Place cue "${text}" has ${words} words: cues have at most ${MAX_CUE_WORDS}`);
      return { text, words };
    });
    const feature = [...lex.featureCues.keys()];
    const verbs = [...lex.eventVerbs];
    c = {
      featureOf: cues(feature.filter((k) => k.endsWith(' of'))),
      featurePhrases: cues(feature.filter((k) => k.includes(' '))),
      near: cues(lex.nearCues),
      locative: cues(lex.locativePrepositions),
      singleEventVerbs: new Set(verbs.filter((v) => !v.includes(' '))),
      phraseEventVerbs: verbs.filter((v) => v.includes(' ')),
    };
    cueLists.set(lex, c);
  }
  return c;
}

// Sentence bounds as sentenceAround drew them: . ! ? and line breaks.
function isStop(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 10;
}

function sentenceBounds(text: string, start: number, end: number): readonly [number, number] {
  let s = start;
  while (s > 0 && !isStop(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < text.length && !isStop(text.charCodeAt(e))) e++;
  return [s, e];
}

/** Recognises candidate toponyms: the longest capitalised sequence the gazetteer knows at each point. */
export function findMentions(gazetteer: Gazetteer, text: string, blocked: readonly Blocked[] = []): ToponymMention[] {
  const lex = placeLexicon();
  const cues = cuesOf(lex);
  const reader = new CueReader(text);
  const tokens = tokenize(text);
  const mentions: ToponymMention[] = [];
  // Inside or overlapping a non-place entity ("Nis Corps", "NATO's"): not a place.
  const isBlocked = (s: number, e: number): boolean => blocked.some((b) => s < b.end && b.start < e);
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    // "The United States": the article is not part of the name.
    if (!first.cap || first.lower === 'the') continue;
    let matched = -1;
    for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1; n--) {
      const last = tokens[i + n - 1]!;
      if (!last.cap) continue;
      let ok = true;
      for (let k = i + 1; k < i + n; k++) {
        const t = tokens[k]!;
        const gap = text.slice(tokens[k - 1]!.end, t.start);
        if (!/^[ \t-]*$/.test(gap) || t.initial || (!t.cap && !CONNECTORS.has(t.lower))) { ok = false; break; }
      }
      if (!ok) continue;
      const surface = text.slice(first.start, last.end);
      if (n === 1 && (lex.notPlaces.has(first.lower.replace(/\.$/, '')) || first.text.length < 2)) break;
      const c = candidatesFor(gazetteer, surface);
      if (c.entries.length === 0) continue;
      matched = n;
      break;
    }
    if (matched < 0) {
      // "the village of Srbovica": the cue makes it a place even when no gazetteer knows it.
      const cue = reader.cue(first.start, cues.featureOf);
      if (cue && !first.initial && !lex.notPlaces.has(first.lower) && !isBlocked(first.start, first.end)) {
        mentions.push({ start: first.start, end: first.end, text: first.text, cue: lex.featureCues.get(cue) ?? null });
      }
      continue;
    }
    const last = tokens[i + matched - 1]!;
    const prev = tokens[i - 1];
    const next = tokens[i + matched];
    const start = first.start;
    const end = last.end;
    const surface = text.slice(start, end);
    i += matched - 1;
    if (isBlocked(start, end)) continue;
    const cands = candidatesFor(gazetteer, surface).entries;
    const strong = isStrong(cands);
    // Adjectives ("American") and acronyms ("ROSU") name places only when they are countries or states.
    if (gazetteer.lookupDemonym(foldName(surface)).length > 0) continue;
    if (/^\p{Lu}{2,}$/u.test(surface) && !cands.some(isArea)) continue;
    // A capitalised word opening a sentence ("Well", "Post") is a place only when a notable one.
    if (matched === 1 && first.initial && !strong) continue;
    const adjacent = (t: Token | undefined, side: 'prev' | 'next'): boolean => {
      if (!t || !t.cap) return false;
      const gap = side === 'prev' ? text.slice(t.end, start) : text.slice(end, t.start);
      return /^[ \t]+$/.test(gap) && !(side === 'next' && t.initial) && !(side === 'prev' && first.initial);
    };
    // 1. A title or another capitalised name before it: a person ("President Jordan", "Ana Washington").
    if (prev && adjacent(prev, 'prev')) {
      const p = prev.lower.replace(/\.$/, '');
      if (lex.titles.has(p)) continue;
      // Two capitalised words that are not one known place are a name ("Albin Kurti",
      // "Vladimir Zelensky"), unless both are notable places ("Pristina, Kosovo" without comma).
      if (!lex.notPlaces.has(p) && !lex.placeHeads.has(p) && !(strong && isStrong(candidatesFor(gazetteer, prev.text).entries))) continue;
    } else if (prev && lex.titles.has(prev.lower.replace(/\.$/, '')) && /^\s+$/.test(text.slice(prev.end, start)) && prev.cap) continue;
    // 2. A capitalised word after it: part of an organisation or a person's name, unless it is a
    //    place word ("County", "crossing") or a country naming its institution ("Kosovo Police").
    let cue: string | null = null;
    if (next && adjacent(next, 'next')) {
      const w = next.lower;
      if (lex.placeHeads.has(w)) cue = w === 'crossing' || w === 'pass' ? 'crossing' : 'region';
      else if (lex.orgHeads.has(w)) {
        const c = candidatesFor(gazetteer, surface).entries;
        if (!c.some((e) => e.feature === 'country' || e.feature === 'territory' || e.feature === 'admin1')) continue;
      } else if (!lex.notPlaces.has(w) && !(strong && isStrong(candidatesFor(gazetteer, next.text).entries))) continue;
    }
    // 3. Cues in the words around it.
    const after = text.slice(end, end + 30).toLowerCase();
    if (/^\s+(border\s+)?crossing\b/.test(after) || /^\s+checkpoint\b/.test(after)) cue = 'crossing';
    const cueBefore = reader.cue(start, cues.featurePhrases);
    if (cueBefore) cue = lex.featureCues.get(cueBefore) ?? cue;
    mentions.push({ start, end, text: surface, cue });
  }
  return mentions;
}

const isArea = (e: GazetteerEntry): boolean => ['country', 'territory', 'continent', 'admin1', 'region'].includes(e.feature);

/** A name notable enough to be a place on its own: an area, a curated place or a city of 100,000. */
function isStrong(entries: readonly GazetteerEntry[]): boolean {
  return entries.some((e) => isArea(e) || e.origin === 'supplement' || e.population >= 100_000 || e.featureCode === 'PPLC');
}

function precisionOf(entry: GazetteerEntry | null, near: boolean): 1 | 2 | 3 {
  if (!entry) return near ? 2 : 1;
  if (['country', 'territory', 'continent', 'admin1', 'sea'].includes(entry.feature)) return 3;
  if (['region', 'admin2', 'river', 'lake', 'mountain', 'island'].includes(entry.feature) || near) return 2;
  return 1;
}

/** Finds and resolves the places of a text: the pure core of the places stage. */
export function findPlaces(gazetteer: Gazetteer, text: string, blocked: readonly Blocked[] = []): FoundPlace[] {
  const cues = cuesOf(placeLexicon());
  const mentions = findMentions(gazetteer, text, blocked);
  const resolved: ResolvedToponym[] = resolveToponyms(gazetteer, mentions, { text });
  const reader = new CueReader(text);
  // Mentions share sentences: whether a sentence reports an event is decided once per sentence.
  const eventful = new Map<number, boolean>();
  return resolved.map((r) => {
    const m = r.mention;
    // An empty mention has no words before it to read cues from.
    const near = m.text !== '' && reader.cue(m.start, cues.near) !== null;
    const loc = reader.cue(m.start, cues.locative) !== null;
    const [s, e] = sentenceBounds(text, m.start, m.end);
    let event = eventful.get(s * 4_294_967_296 + e);
    if (event === undefined) {
      const sentence = text.slice(s, e).toLowerCase();
      event = cues.phraseEventVerbs.some((v) => sentence.includes(v)) || sentence.split(/[^\p{L}]+/u).some((w) => cues.singleEventVerbs.has(w));
      eventful.set(s * 4_294_967_296 + e, event);
    }
    return {
      start: m.start, end: m.end, text: m.text, entry: r.entry, confidence: r.confidence,
      role: loc && event ? 'event' : 'mention', precision: precisionOf(r.entry, near), cue: m.cue ?? null, near,
    };
  });
}
