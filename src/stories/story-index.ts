/**
 * The incremental story index: each added Doc joins (or starts) a story and its events join (or
 * start) incidents, without re-clustering what is already there.
 *
 * Stories: a document is compared with a bounded set of representatives (the first and the latest
 * members) of the candidate stories that share its rarest features, by tf-idf cosine of lead words
 * blended with that of entities and places, gated by time (a day outside the story's days, or a
 * yearless day of another season, rules a story out; an undated document needs a stronger match).
 * Incidents: one family of act, overlapping days, one place, compatible doers. Denials coded as
 * another act are linked to the report they answer (denial-links.ts).
 *
 * Cost per document is bounded whatever the index holds: features are interned, posting lists keep
 * the latest few stories, candidates and representatives are capped, and stories the news has moved
 * on from (by days behind the newest, or documents since they were joined) leave the hot set, with
 * their near-copy buckets dropped a generation at a time. Cold stories keep their documents and
 * incidents for reports; they are no longer searched.
 */
import type { Doc } from '../doc/types.js';
import type { Certainty, EventDate, EventPlace, EventQuantities, EventSpan, PloverType } from '../stages/events/event-span.js';
import { articleEntities, articleEvents, articlePlaces, copyText, dayNumber, dayOfYear, dayString, documentDay, leadEnd, leadWords, partialDayOfYear } from './doc-facts.js';
import { linkDenials } from './denial-links.js';
import { AFFIRMING, eventFamily, type EventFamily } from './event-families.js';
import { bandHashes, defaultMinHashSettings, estimateContainment, minhash, type MinHashSettings, type Signature } from './minhash.js';
import { createPublisherFamilies, hostOf } from './publisher.js';

/** Tuning of the index; the defaults suit news about one conflict. */
export interface StoryIndexOptions {
  readonly minhash?: MinHashSettings;
  /** Share of the smaller text found in the larger one above which a document is a reprint. */
  readonly reprintContainment?: number;
  /** Similarity to a story's closest representative above which a document joins it, when their days agree. */
  readonly storyThreshold?: number;
  /** The same, when the document's or the story's time is unknown: content alone must be stronger. */
  readonly undatedStoryThreshold?: number;
  /** Days a document may lie outside a story's date range and still join it. */
  readonly storyWindowDays?: number;
  /** Days of slack on each side when comparing two events' dates. */
  readonly incidentSlackDays?: number;
  /** Kilometres within which two events' places are one place. */
  readonly incidentRadiusKm?: number;
  /**
   * Days before its reference day an act dated only by publication (or comment, or date bounds)
   * may have happened: "police closed the crossing" in a paper of the 16th may tell of the 14th.
   */
  readonly reportLagDays?: number;
  /** Extra cost of joining an incident of another story (a recap of another development) over one of the same story. */
  readonly crossStoryCost?: number;
  /** Most stories a feature's posting list holds (the most recent); bounds the candidates per feature. */
  readonly maxPostings?: number;
  /** How many of a document's rarest shared features look up candidate stories. */
  readonly nominatingFeatures?: number;
  /** Most candidate stories compared in full per document. */
  readonly maxCandidates?: number;
  /** Documents kept per story as representatives (its first, and the latest). */
  readonly representatives?: number;
  /** A story not joined for this many days (behind the newest day seen) leaves the hot set. */
  readonly hotDays?: number;
  /** A story not joined in this many added documents leaves the hot set, whatever its dates. */
  readonly hotDocuments?: number;
  /** Most documents an LSH bucket holds (the latest). */
  readonly maxBucket?: number;
  /** Weight of named entities and places against lead words in the similarity of two documents. */
  readonly keyShare?: number;
  /** Share of a story's score taken from its average representative rather than its closest. */
  readonly spread?: number;
}

const DEFAULTS: Required<StoryIndexOptions> = {
  minhash: defaultMinHashSettings,
  reprintContainment: 0.7,
  storyThreshold: 0.3,
  undatedStoryThreshold: 0.4,
  storyWindowDays: 3,
  incidentSlackDays: 1,
  // About a municipality: a crossing and the town it belongs to, a dam and the road to it; not the
  // next town (neighbouring municipal seats in a borderland are often 20-25 km apart). 15-25 km
  // is the sensible range; on the examples 20 scores best on both precision and recall.
  incidentRadiusKm: 20,
  // Follow-up reports and weekly round-ups look back two days or so.
  reportLagDays: 2,
  // Kilometres a same-story candidate may be farther away and still win over a cross-story one.
  crossStoryCost: 10,
  maxPostings: 16,
  nominatingFeatures: 16,
  maxCandidates: 12,
  representatives: 6,
  hotDays: 10,
  hotDocuments: 200_000,
  maxBucket: 16,
  keyShare: 0.5,
  spread: 0.5,
};

/** Who asserts a report, as the events layer coded it. */
export interface ReportAttribution {
  readonly kind: string;
  readonly text: string | null;
  readonly entity: string | null;
}

/** One document's report of an incident: the event it coded, how firmly and on whose word. */
export interface IncidentReport {
  readonly document: string;
  readonly event: string;
  readonly type: PloverType;
  readonly certainty: Certainty;
  readonly attribution: ReportAttribution;
  readonly outlet: string | null;
  /** The publisher family the report counts for (a reprint counts for its original's family). */
  readonly family: string;
  /** The original this document copies, when it is a reprint. */
  readonly reprintOf: string | null;
  readonly date: EventDate | null;
  readonly place: EventPlace | null;
  /** Actor keys (entity id, else the actor's words lower-cased). */
  readonly actors: readonly string[];
  readonly quantities: EventQuantities;
  /** The evidence sentence, so the report can be read without opening the document. */
  readonly evidence: string;
  readonly evidenceSpan: { readonly start: number; readonly end: number };
}

/** A publisher family reporting an incident, with the documents it did so in. */
export interface IncidentSource {
  readonly family: string;
  readonly outlets: readonly string[];
  readonly documents: readonly string[];
  /** Documents of this family that are copies of another family's original. */
  readonly reprints: readonly string[];
}

/** One side of a contradiction: a claim and the reports and sources that make it. */
export interface ContradictionSide {
  readonly claim: string;
  readonly reports: readonly { readonly document: string; readonly event: string }[];
  readonly sources: readonly string[];
}

/** A disagreement between reports of one incident, kept side by side with its sources. */
export interface Contradiction {
  readonly kind: 'denial' | 'numbers' | 'actors';
  readonly summary: string;
  readonly sides: readonly ContradictionSide[];
}

/** The same act reported in one or more documents, with all its reports. */
export interface Incident {
  readonly id: string;
  readonly story: string;
  readonly type: PloverType;
  readonly family: EventFamily;
  readonly date: { readonly start: string; readonly end: string } | null;
  readonly place: EventPlace | null;
  readonly reports: readonly IncidentReport[];
  readonly sources: readonly IncidentSource[];
  /** Publisher families that report the act happened (reprints and denials excluded). */
  readonly independentConfirmations: number;
  readonly contradictions: readonly Contradiction[];
}

/** A document as the index knows it. */
export interface IndexedDocument {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly family: string;
  readonly day: string | null;
  readonly story: string;
  readonly reprintOf: string | null;
  readonly origin: string | null;
}

/** Documents about the same development. */
export interface Story {
  readonly id: string;
  readonly title: string | null;
  readonly documents: readonly string[];
  readonly firstDay: string | null;
  readonly lastDay: string | null;
  readonly incidents: readonly string[];
}

/** What adding one document did. */
export interface AddResult {
  readonly document: string;
  readonly story: string;
  readonly newStory: boolean;
  readonly reprintOf: string | null;
  readonly incidents: readonly string[];
}

/** One event as the index reads it: the events layer's span narrowed to what incidents need. */
export interface FactEvent {
  readonly id: string;
  readonly type: PloverType;
  readonly certainty: Certainty;
  readonly attribution: ReportAttribution;
  readonly date: EventDate | null;
  readonly place: EventPlace | null;
  /** Actor keys (entity id, else the actor's words lower-cased). */
  readonly actors: readonly string[];
  readonly recipients: readonly string[];
  readonly quantities: EventQuantities;
  readonly evidence: string;
  readonly evidenceSpan: { readonly start: number; readonly end: number };
}

/**
 * What the index keeps of a document: enough to group it and to report its events. `add(doc)`
 * derives it with {@link documentFacts}; a caller that has it already (a benchmark, a store that
 * cached it) can hand it to `addFacts` directly.
 */
export interface DocFacts {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly origin: string | null;
  /** The day the document speaks about (YYYY-MM-DD), or null. */
  readonly day: string | null;
  /** When only a day without its year is known: its day of the year (0-364). */
  readonly dayOfYear: number | null;
  /** Grouping features with counts: `e:` entity ids, `p:` precise places, `w:` lead words. */
  readonly features: ReadonlyMap<string, number>;
  /** MinHash signature of the article text, for near-copies; null to skip reprint detection. */
  readonly signature: Signature | null;
  readonly events: readonly FactEvent[];
}

/** An incremental index of stories and incidents. */
export interface StoryIndex {
  /** Adds a document; adding a document id again is a no-op that returns what it did the first time. */
  add(doc: Doc): AddResult;
  /** Adds a document already reduced to its facts (see {@link documentFacts}). */
  addFacts(facts: DocFacts): AddResult;
  stories(): Story[];
  incidents(): Incident[];
  incident(id: string): Incident | undefined;
  document(id: string): IndexedDocument | undefined;
  documents(): IndexedDocument[];
  /** Sizes of the structures a new document is compared against (they stay bounded however many are stored). */
  stats(): IndexStats;
}

/** How big the index is, and how much of it is hot (searched when a document arrives). */
export interface IndexStats {
  readonly documents: number;
  readonly stories: number;
  readonly incidents: number;
  readonly hotStories: number;
  readonly hotDocuments: number;
  readonly postings: number;
  readonly buckets: number;
}

interface DocState {
  id: string;
  title: string | null;
  outlet: string | null;
  ownFamily: string;
  day: string | null;
  story: string;
  reprintOf: string | null;
  origin: string | null;
  /** Dropped when the document's story leaves the hot set. */
  signature: Signature | null;
  result: AddResult;
}

/** A document kept to compare newcomers with: its features and its day. */
interface Representative {
  readonly doc: string;
  readonly features: Interned;
  /** Its tf-idf weights, and the index size they were computed at (refreshed as the index grows by a tenth). */
  weights: Weights | null;
  at: number;
}

/** An LSH bucket: one document id (most buckets), or the latest few. */
type Bucket = string | string[];

/** tf-idf weights of a document's features another document also has: lead words, and keys (entities, places). */
interface Weights {
  readonly wordIds: Int32Array;
  readonly words: Float64Array;
  readonly keyIds: Int32Array;
  readonly keys: Float64Array;
  readonly wn: number;
  readonly kn: number;
}

/** A document's features as interned ids (ascending) with their counts. */
interface Interned {
  readonly ids: Int32Array;
  readonly counts: Float64Array;
}

/** Dot product of two sparse vectors given as ascending ids with weights. */
function sparseDot(aIds: Int32Array, a: Float64Array, bIds: Int32Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < aIds.length && j < bIds.length) {
    const x = aIds[i]!;
    const y = bIds[j]!;
    if (x === y) sum += a[i++]! * b[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

interface StoryState {
  id: string;
  title: string | null;
  documents: string[];
  firstDay: number | null;
  lastDay: number | null;
  /** Days of the year of undated members that named a day without its year. */
  partialDays: number[];
  incidents: string[];
  /** Null once the story is cold: it keeps its documents and incidents but is no longer searched. */
  reps: Representative[] | null;
  /** Documents still in the reprint buckets. */
  hotDocs: string[];
  lastSeq: number;
}

interface IncidentState {
  id: string;
  story: string;
  family: EventFamily;
  /**
   * The first firmly placed place and the first firmly dated days: the incident's anchor, so that
   * matching cannot drift along a chain. A report placed or dated only loosely (a document's
   * place, a publication day) anchors until a firm one arrives.
   */
  anchorPlace: EventPlace | null;
  anchorDays: readonly [number, number] | null;
  /** Whether the anchor days come from a date in the text (rather than a publication day). */
  anchorFirmDays: boolean;
  /** The first dated report's days however wide ("in August"): too vague to bucket, enough to rule out another month. */
  span: readonly [number, number] | null;
  reports: (Omit<IncidentReport, 'family' | 'reprintOf'> & { readonly recipients: readonly string[] })[];
  /** Every report's recipients, kept as reports arrive (an incident may gather thousands of reports). */
  recipients: Set<string>;
  /** Every report's doers, likewise (capped). */
  actors: Set<string>;
}

/** Widest date range (days) still used to bucket an event by day; vaguer dates match within a story only. */
const MAX_BUCKET_DAYS = 7;

/** Grid cell (about 0.2 degrees) for finding incidents near a place across stories. */
const CELL_DEGREES = 0.2;

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A place precise enough to compare by distance (a town or a spot, not a region or country). */
function precisePlace(p: EventPlace | null): p is EventPlace & { lat: number; lon: number } {
  return p !== null && p.lat !== null && p.lon !== null && p.precision <= 2;
}

/**
 * The place an event's act is matched by. A place that names a doer's, target's or speaker's seat
 * ("the police of Pristina", "Belgrade says") is where they sit, not where the act was: it counts
 * as loose, like a document's place.
 */
function actPlace(event: FactEvent): EventPlace | null {
  const p = event.place;
  if (p === null || p.basis !== 'sentence') return p;
  const name = p.name.toLowerCase();
  const text = p.text.toLowerCase();
  const seat = (w: string | null): boolean => w !== null && (w.toLowerCase().includes(name) || (text.length > 3 && w.toLowerCase().includes(text)));
  if (event.actors.some(seat) || event.recipients.some(seat) || seat(event.attribution.text)) return { ...p, basis: 'paragraph' };
  return p;
}

/** A precise place named in the event's own sentence: where the act was, not where the document or a speaker was. */
function firmPlace(p: EventPlace | null): p is EventPlace & { lat: number; lon: number } {
  return precisePlace(p) && p.basis === 'sentence';
}

function actorKeys(actors: EventSpan['actors']): string[] {
  return [...new Set(actors.map((a) => a.id ?? a.text.toLowerCase()))];
}

function disjoint(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));
}

/** Circular distance in days between two days of the year. */
function yearDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 365;
  return Math.min(d, 365 - d);
}

/** Features of a document for same-development grouping: entities and places in the lead, lead words. */
function documentFeatures(doc: Doc): Map<string, number> {
  const out = new Map<string, number>();
  const bump = (f: string, n = 1): void => void out.set(f, (out.get(f) ?? 0) + n);
  const end = leadEnd(doc);
  for (const e of articleEntities(doc)) if (e.id && e.start < end) bump(`e:${e.id}`);
  for (const p of articlePlaces(doc)) {
    // Countries and territories are the backdrop of every story about the conflict, not a development.
    if (p.start >= end || p.feature === 'country' || p.feature === 'territory' || (p.precision ?? 1) > 2) continue;
    bump(`p:${p.geonameid ?? p.name.toLowerCase()}`);
  }
  for (const [w, n] of leadWords(doc)) bump(`w:${w}`, n);
  return out;
}

/** Reduces a Doc to what the index keeps of it. */
export function documentFacts(doc: Doc, settings: MinHashSettings = defaultMinHashSettings): DocFacts {
  const day = documentDay(doc);
  return {
    id: doc.id,
    title: doc.title,
    outlet: doc.outlet?.name ?? hostOf(doc.origin.url) ?? null,
    origin: doc.origin.url ?? doc.origin.path ?? null,
    day,
    dayOfYear: day === null ? partialDayOfYear(doc) : null,
    features: documentFeatures(doc),
    signature: minhash(copyText(doc), settings),
    events: articleEvents(doc)
      .filter((e) => e.certainty !== 'hypothetical')
      .map((event) => ({
        id: event.id,
        type: event.type,
        certainty: event.certainty,
        attribution: { kind: event.attribution.kind, text: event.attribution.text, entity: event.attribution.entity },
        date: event.date,
        place: event.place,
        actors: actorKeys(event.actors),
        recipients: actorKeys(event.recipients),
        quantities: event.quantities,
        evidence: doc.text.slice(event.evidence.start, event.evidence.end),
        evidenceSpan: { start: event.evidence.start, end: event.evidence.end },
      })),
  };
}

/** Creates an empty index. */
export function createStoryIndex(options: StoryIndexOptions = {}): StoryIndex {
  const o: Required<StoryIndexOptions> = { ...DEFAULTS, ...options };
  const docs = new Map<string, DocState>();
  const stories = new Map<string, StoryState>();
  const incidents = new Map<string, IncidentState>();
  const families = createPublisherFamilies();
  /**
   * Near-copy buckets in two generations: documents of the current stretch of days (or of
   * documents) and of the one before. A new generation drops the oldest whole, so the buckets
   * never hold more than about two hot windows of documents.
   */
  let bands = new Map<number, Bucket>();
  let olderBands = new Map<number, Bucket>();
  let generationDay: number | null = null;
  let generationSeq = 0;
  const reprints = new Map<string, Set<string>>();
  /** Features are interned to ids: document frequency, idf and postings are arrays indexed by them. */
  const featureIds = new Map<string, number>();
  let df = new Int32Array(1024);
  let isWord = new Uint8Array(1024);
  let idfValue = new Float64Array(1024);
  let idfStamp = new Int32Array(1024).fill(-1);
  const postings: (string[] | undefined)[] = [];
  /** Incidents by anchor day, then by family and grid cell: where an act reported in another story may be found. */
  const byDay = new Map<number, Map<string, string[]>>();
  const byStory = new Map<string, string[]>();
  /** Hot stories by their last day, for evicting those the news has moved on from. */
  const byLastDay = new Map<number, Set<string>>();
  /** Stories in the order they were last joined (stale entries skipped), for the document-count bound. */
  const touchQueue: { story: string; seq: number }[] = [];
  let touchHead = 0;
  let hotStories = 0;
  let hotDocuments = 0;
  let newestDay: number | null = null;
  let evictedBefore: number | null = null;
  let seq = 0;
  let storySeq = 0;
  let incidentSeq = 0;

  function intern(features: ReadonlyMap<string, number>): Interned {
    const pairs: [number, number][] = [];
    for (const [f, n] of features) {
      let id = featureIds.get(f);
      if (id === undefined) {
        id = featureIds.size;
        featureIds.set(f, id);
        if (id >= df.length) {
          const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T, fill = 0): T => {
            const b = new (a.constructor as new (n: number) => T)(a.length * 2);
            b.fill(fill as never);
            b.set(a as never);
            return b;
          };
          df = grow(df);
          isWord = grow(isWord);
          idfValue = grow(idfValue);
          idfStamp = grow(idfStamp, -1);
        }
        isWord[id] = f.startsWith('w:') ? 1 : 0;
      }
      pairs.push([id, n]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    return { ids: Int32Array.from(pairs, (p) => p[0]), counts: Float64Array.from(pairs, (p) => p[1]) };
  }

  /** idf of a feature, computed once per added document (df does not change meanwhile). */
  function idf(id: number): number {
    if (idfStamp[id] !== seq) {
      idfStamp[id] = seq;
      idfValue[id] = Math.max(0, Math.log((docs.size + 1) / (df[id]! + 0.5)));
    }
    return idfValue[id]!;
  }

  function pushCapped<K, T>(map: Map<K, T[]>, key: K, value: T, cap: number): void {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    if (list.includes(value)) return;
    list.push(value);
    if (list.length > cap) list.shift();
  }

  // 1. Near-copies: LSH candidates, verified by estimated containment; the earliest is the original.
  function findOriginal(id: string, signature: Signature, keys: readonly number[], day: string | null): string | null {
    const seen = new Set<string>();
    let best: { id: string; score: number } | null = null;
    for (const generation of [bands, olderBands]) {
      // The previous generation is searched only when the current one holds no original.
      if (generation === olderBands && best !== null) break;
      for (const key of keys) {
        const bucket = generation.get(key);
        if (bucket === undefined) continue;
        for (const other of typeof bucket === 'string' ? [bucket] : bucket) {
          if (seen.has(other) || other === id) continue;
          seen.add(other);
          const theirs = docs.get(other)?.signature;
          if (!theirs) continue;
          const score = estimateContainment(signature, theirs);
          if (score >= o.reprintContainment && (!best || score > best.score)) best = { id: other, score };
        }
      }
    }
    if (!best) return null;
    const root = docs.get(best.id)!.reprintOf ?? best.id;
    const rootDay = docs.get(root)!.day;
    // The new document is older than the one it matches: it becomes the original of the group.
    if (day !== null && rootDay !== null && day < rootDay) return `<${root}`;
    return root;
  }

  function attachReprint(id: string, original: string): string {
    if (original.startsWith('<')) {
      const old = original.slice(1);
      const group = reprints.get(old) ?? new Set<string>();
      reprints.delete(old);
      group.add(old);
      for (const member of group) docs.get(member)!.reprintOf = id;
      reprints.set(id, group);
      return old;
    }
    let group = reprints.get(original);
    if (!group) reprints.set(original, (group = new Set()));
    group.add(id);
    return original;
  }

  /** tf-idf weights of the features another document also has, split into lead words and keys (entities, places). */
  function weigh(features: Interned): Weights {
    const wordIds: number[] = [];
    const words: number[] = [];
    const keyIds: number[] = [];
    const keys: number[] = [];
    let wn = 0;
    let kn = 0;
    for (let i = 0; i < features.ids.length; i++) {
      const f = features.ids[i]!;
      // A feature no other document has cannot link this one to anything; leaving it out of the
      // norm keeps a headline's unique words from drowning what the document shares.
      if (df[f]! < 2) continue;
      const w = idf(f) * Math.sqrt(features.counts[i]!);
      if (w === 0) continue;
      if (isWord[f]) {
        wordIds.push(f);
        words.push(w);
        wn += w * w;
      } else {
        keyIds.push(f);
        keys.push(w);
        kn += w * w;
      }
    }
    return { wordIds: Int32Array.from(wordIds), words: Float64Array.from(words), keyIds: Int32Array.from(keyIds), keys: Float64Array.from(keys), wn, kn };
  }

  function repWeights(r: Representative): Weights {
    // idf drifts slowly once the index is large: past a thousand documents, weights are recomputed
    // when it has grown by a tenth.
    if (r.weights === null || (docs.size !== r.at && (r.at < 1000 || docs.size > r.at * 1.1))) {
      r.weights = weigh(r.features);
      r.at = docs.size;
    }
    return r.weights;
  }

  /** Similarity of a document with one representative: cosine of lead words, blended with that of entities and places when both have some. */
  function similarity(mine: Weights, rep: Representative): number {
    const theirs = repWeights(rep);
    const wd = sparseDot(mine.wordIds, mine.words, theirs.wordIds, theirs.words);
    const kd = sparseDot(mine.keyIds, mine.keys, theirs.keyIds, theirs.keys);
    const words = theirs.wn === 0 || mine.wn === 0 ? 0 : wd / Math.sqrt(theirs.wn * mine.wn);
    if (theirs.kn === 0 || mine.kn === 0) return words;
    return (1 - o.keyShare) * words + o.keyShare * (kd / Math.sqrt(theirs.kn * mine.kn));
  }

  /**
   * Whether a story's time fits a document's: 'known' when both are dated and close (or a yearless
   * day matches the story's days of the year), 'unknown' when either cannot be placed in time,
   * 'apart' when they are further apart than the window.
   */
  function timeFit(s: StoryState, day: number | null, partial: number | null): 'known' | 'unknown' | 'apart' {
    const w = o.storyWindowDays;
    if (day !== null && s.firstDay !== null && s.lastDay !== null) {
      return day < s.firstDay - w || day > s.lastDay + w ? 'apart' : 'known';
    }
    const mine = day !== null ? dayOfYearOf(day) : partial;
    if (mine === null) return 'unknown';
    const theirs = [...s.partialDays];
    if (s.firstDay !== null && s.lastDay !== null) {
      // A long story is compared at its ends and middle; days of the year repeat, so this is only a season check.
      theirs.push(dayOfYearOf(s.firstDay), dayOfYearOf(s.lastDay), dayOfYearOf(Math.round((s.firstDay + s.lastDay) / 2)));
    }
    if (theirs.length === 0) return 'unknown';
    const span = s.firstDay !== null && s.lastDay !== null ? (s.lastDay - s.firstDay) / 2 : 0;
    return theirs.some((t) => yearDistance(t, mine) <= w + span) ? 'known' : 'apart';
  }

  // 2. Same development: candidate stories share this document's rarer features (posting lists of
  // hot stories, capped); each is scored by the closest of its representatives, not by a merged
  // vocabulary, so that a long story does not drift into a catch-all.
  function findStory(features: Interned, day: number | null, partial: number | null): string | null {
    const mine = weigh(features);
    if (mine.wn === 0 && mine.kn === 0) return null;
    const hits = new Map<string, number>();
    // Features in more than one document in twenty find everything and tell nothing apart: they
    // count in the similarity but do not nominate candidates.
    const common = Math.max(100, docs.size / 20);
    const nominate = (f: number, w: number): void => {
      if (df[f]! > common) return;
      const list = postings[f];
      if (!list) return;
      let kept = 0;
      for (const s of list) {
        // Cold stories leave the lists as they are met, so a list holds hot stories only.
        if (stories.get(s)!.reps === null) continue;
        list[kept++] = s;
        hits.set(s, (hits.get(s) ?? 0) + w);
      }
      if (kept === 0) postings[f] = undefined;
      else list.length = kept;
    };
    // The rarest features nominate: a story that shares none of them is not the best match.
    const all: [number, number][] = [];
    mine.wordIds.forEach((f, i) => all.push([f, mine.words[i]!]));
    mine.keyIds.forEach((f, i) => all.push([f, mine.keys[i]!]));
    all.sort((a, b) => df[a[0]]! - df[b[0]]!);
    // Ties with the last nominating feature nominate too, so the choice does not hang on feature order.
    const cutoff = all.length > o.nominatingFeatures ? df[all[o.nominatingFeatures - 1]![0]]! : Infinity;
    for (const [f, w] of all) {
      if (df[f]! > cutoff) break;
      nominate(f, w);
    }
    // Stories sharing much less than the best-sharing one cannot beat it; the rest are compared in full.
    const ranked = topEntries(hits, o.maxCandidates);
    const floor = (ranked[0]?.[1] ?? 0) * 0.25;
    let best: { id: string; score: number } | null = null;
    for (const [id, shared] of ranked) {
      if (shared < floor) break;
      const s = stories.get(id)!;
      if (s.reps === null) continue;
      const fit = timeFit(s, day, partial);
      if (fit === 'apart') continue;
      const threshold = fit === 'known' ? o.storyThreshold : o.undatedStoryThreshold;
      // The closest representative decides, tempered by the others: a document that touches one
      // member of a long story but none of the rest is a recap, not a new report of it.
      let top = 0;
      let sum = 0;
      for (const r of s.reps) {
        const sim = similarity(mine, r);
        top = Math.max(top, sim);
        sum += sim;
      }
      const score = (1 - o.spread) * top + o.spread * (sum / s.reps.length);
      if (score >= threshold && (!best || score > best.score)) best = { id, score };
    }
    return best?.id ?? null;
  }

  function setLastDay(s: StoryState, day: number | null): void {
    if (day === null) return;
    const before = s.lastDay;
    s.firstDay = s.firstDay === null ? day : Math.min(s.firstDay, day);
    s.lastDay = before === null ? day : Math.max(before, day);
    if (s.lastDay !== before && s.reps !== null) {
      if (before !== null) byLastDay.get(before)?.delete(s.id);
      let set = byLastDay.get(s.lastDay);
      if (!set) byLastDay.set(s.lastDay, (set = new Set()));
      set.add(s.id);
    }
  }

  function joinStory(storyId: string, facts: DocFacts, features: Interned, day: number | null): void {
    const s = stories.get(storyId)!;
    s.documents.push(facts.id);
    s.lastSeq = seq;
    touchQueue.push({ story: storyId, seq });
    setLastDay(s, day);
    if (day === null && facts.dayOfYear !== null && s.partialDays.length < 8) s.partialDays.push(facts.dayOfYear);
    if (s.reps !== null) {
      // The first document and the latest ones represent the story.
      s.reps.push({ doc: facts.id, features, weights: null, at: 0 });
      if (s.reps.length > o.representatives) s.reps.splice(1, 1);
      for (const f of features.ids) {
        let list = postings[f];
        if (!list) postings[f] = list = [];
        if (list.includes(storyId)) continue;
        list.push(storyId);
        if (list.length > o.maxPostings) list.shift();
      }
    }
  }

  /** Takes a story out of the hot set: no more candidates, representatives or reprint buckets. */
  function cool(s: StoryState): void {
    if (s.reps === null) return;
    s.reps = null;
    hotStories--;
    if (s.lastDay !== null) byLastDay.get(s.lastDay)?.delete(s.id);
    // Its documents' signatures go; the bucket generations they sit in are dropped whole later.
    for (const id of s.hotDocs) {
      docs.get(id)!.signature = null;
      hotDocuments--;
    }
    s.hotDocs = [];
    for (const family of ['assault', 'coerce', 'mobilize', 'protest', 'verbal', 'sanction', 'cooperate']) byStory.delete(`${s.id}|${family}`);
  }

  /** Evicts stories the news has moved on from: by days behind the newest, and by documents since last joined. */
  function evict(day: number | null): void {
    if (day !== null && (newestDay === null || day > newestDay)) {
      newestDay = day;
      const limit = newestDay - o.hotDays;
      if (evictedBefore === null) evictedBefore = limit;
      if (limit > evictedBefore) {
        const days = limit - evictedBefore <= 4096 ? Array.from({ length: limit - evictedBefore }, (_, i) => evictedBefore! + i) : [...byLastDay.keys()].filter((d) => d < limit);
        for (const d of days) {
          for (const id of byLastDay.get(d) ?? []) cool(stories.get(id)!);
          byLastDay.delete(d);
          byDay.delete(d);
        }
        evictedBefore = limit;
      }
    }
    while (touchHead < touchQueue.length && touchQueue[touchHead]!.seq < seq - o.hotDocuments) {
      const { story, seq: at } = touchQueue[touchHead++]!;
      const s = stories.get(story)!;
      if (s.lastSeq === at) cool(s);
    }
    if (touchHead > 4096 && touchHead * 2 > touchQueue.length) {
      touchQueue.splice(0, touchHead);
      touchHead = 0;
    }
  }

  /**
   * The days an act may lie on: a date in the text as it is; a publication (or comment, or bounds)
   * day as the stretch of `reportLagDays` before it, since reports follow acts. Null when undated
   * or vaguer than a week.
   */
  function eventDays(date: EventDate | null): readonly [number, number] | null {
    if (!date) return null;
    let s = dayNumber(date.start);
    const e = dayNumber(date.end);
    if (Number.isNaN(s) || Number.isNaN(e) || e - s > MAX_BUCKET_DAYS) return null;
    if (date.basis !== 'text') s = Math.min(s, e - o.reportLagDays);
    return [s, e];
  }

  /** An event's days however wide the range, or null when undated. */
  function eventSpan(date: EventDate | null): readonly [number, number] | null {
    if (!date) return null;
    const s = dayNumber(date.start);
    const e = dayNumber(date.end);
    if (Number.isNaN(s) || Number.isNaN(e)) return null;
    return [date.basis === 'text' ? s : Math.min(s, e - o.reportLagDays), e];
  }

  function firmDate(date: EventDate | null): boolean {
    return date !== null && date.basis === 'text' && eventDays(date) !== null;
  }

  /**
   * Days apart of two day ranges (0 when they overlap), or null when they cannot be one act: two
   * dates in the text may differ by the slack (a night act is told as of either day); a
   * publication-based range already holds its slack.
   */
  function daysApart(a: readonly [number, number], b: readonly [number, number], bothFirm: boolean): number | null {
    const slack = bothFirm ? o.incidentSlackDays : 0;
    const gap = Math.max(a[0] - b[1], b[0] - a[1], 0);
    return gap > slack ? null : gap;
  }

  /**
   * How far apart two events' places are, in kilometres, or null when they cannot be one place.
   * Two firm places (a town or a spot named in the event's own sentence) must lie within the radius
   * or share a district. A loose place (a region, a country, the document's or paragraph's place)
   * cannot contradict a firm one in the same country: "in northern Kosovo" and "at the Brnjak
   * crossing" may be one act. Across stories only two firm, close places link reports.
   */
  function placesAgree(a: EventPlace | null, b: EventPlace | null, sameStory: boolean): number | null {
    const firmA = firmPlace(a);
    const firmB = firmPlace(b);
    if (precisePlace(a) && precisePlace(b)) {
      const km = haversineKm(a, b);
      const sameDistrict = a.admin2 !== null && a.admin2 === b.admin2 && a.country === b.country;
      if (km <= o.incidentRadiusKm || sameDistrict) {
        const d = Math.min(km, o.incidentRadiusKm);
        if (firmA && firmB) return d;
        return sameStory ? d + o.incidentRadiusKm / 2 : null;
      }
      if (firmA && firmB) return null;
      // A town taken from the paragraph or the document (a dateline, the story's main place) is
      // only where the report is about: within one story it may stand for an act in the same area.
      return sameStory && a.country === b.country && km <= o.incidentRadiusKm * 2 ? km : null;
    }
    if (!sameStory) return null;
    if (a?.country && b?.country && a.country !== b.country) return null;
    return o.incidentRadiusKm;
  }

  function cellsNear(p: EventPlace | null): string[] {
    if (!precisePlace(p)) return [];
    const x = Math.floor(p.lon / CELL_DEGREES);
    const y = Math.floor(p.lat / CELL_DEGREES);
    const out: string[] = [];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) out.push(`${x + dx},${y + dy}`);
    return out;
  }

  function cellOf(p: EventPlace | null): string | null {
    return precisePlace(p) ? `${Math.floor(p.lon / CELL_DEGREES)},${Math.floor(p.lat / CELL_DEGREES)}` : null;
  }

  // 3. Incidents: same family, overlapping days (with slack), one place, compatible actors. The
  // candidate that agrees best (nearest, closest in days, same story) wins.
  function findIncident(event: FactEvent, story: string): string | null {
    const family = eventFamily(event.type);
    const days = eventDays(event.date);
    const firm = firmDate(event.date);
    const place = actPlace(event);
    const candidates = new Set<string>(byStory.get(`${story}|${family}`) ?? []);
    if (days) {
      const cells = cellsNear(place);
      for (let d = days[0] - o.incidentSlackDays; d <= days[1] + o.incidentSlackDays; d++) {
        const day = byDay.get(d);
        if (day) for (const cell of cells) for (const id of day.get(`${family}|${cell}`) ?? []) candidates.add(id);
      }
    }
    let best: { id: string; cost: number } | null = null;
    for (const id of candidates) {
      const inc = incidents.get(id)!;
      if (inc.family !== family) continue;
      const sameStory = inc.story === story;
      let dayCost: number;
      if (days && inc.anchorDays) {
        const gap = daysApart(days, inc.anchorDays, firm && inc.anchorFirmDays);
        if (gap === null) continue;
        dayCost = gap * 5;
      } else if (sameStory) {
        // A vaguely dated report ("in August") cannot be of an act dated outside its range.
        const span = eventSpan(event.date);
        if (span && inc.span && daysApart(span, inc.span, false) === null) continue;
        // An undated report joins an act of its story when everything else agrees: a firm place.
        if (!firmPlace(place) || !firmPlace(inc.anchorPlace)) continue;
        dayCost = 5;
      } else continue;
      const km = placesAgree(place, inc.anchorPlace, sameStory);
      if (km === null) continue;
      // Different doers of an act against different targets are different acts; different doers of
      // one act against the same target are a contradiction, kept inside the incident.
      // Actors are compared with every doer the incident has gathered, since outlets name one doer
      // in many ways ("local Serbs", "residents", "protesters").
      const otherDoers = event.actors.length > 0 && inc.actors.size > 0 && !event.actors.some((x) => inc.actors.has(x));
      if (otherDoers && event.recipients.length > 0 && inc.recipients.size > 0 && !event.recipients.some((x) => inc.recipients.has(x))) continue;
      const cost = km + dayCost + (otherDoers ? 2 : 0) + (sameStory ? 0 : o.crossStoryCost);
      if (!best || cost < best.cost) best = { id, cost };
    }
    return best?.id ?? null;
  }

  function indexIncident(inc: IncidentState): void {
    pushCapped(byStory, `${inc.story}|${inc.family}`, inc.id, 256);
    const cell = cellOf(inc.anchorPlace);
    if (inc.anchorDays && cell !== null) {
      for (let d = inc.anchorDays[0]; d <= inc.anchorDays[1]; d++) {
        // Acts long before the hot window are not searched again.
        if (evictedBefore !== null && d < evictedBefore) continue;
        let day = byDay.get(d);
        if (!day) byDay.set(d, (day = new Map()));
        pushCapped(day, `${inc.family}|${cell}`, inc.id, 64);
      }
    }
  }

  function addFacts(facts: DocFacts): AddResult {
    const known = docs.get(facts.id);
    if (known) return known.result;
    seq++;
    const day = facts.day;
    const dayN = day === null ? null : dayNumber(day);
    evict(dayN);
    const outlet = facts.outlet;
    // An unnamed publisher is its own family: it cannot be shown to share an owner with anyone.
    const ownFamily = families.resolve(outlet) ?? `unknown:${facts.id}`;
    const signature = facts.signature;
    if ((dayN !== null && generationDay !== null && dayN >= generationDay + o.hotDays) || seq - generationSeq >= o.hotDocuments / 2) {
      olderBands = bands;
      bands = new Map();
      generationDay = dayN;
      generationSeq = seq;
    } else if (generationDay === null) generationDay = dayN;
    const bandList = signature ? bandHashes(signature, o.minhash) : [];
    const original = signature ? findOriginal(facts.id, signature, bandList, day) : null;
    const state: DocState = {
      id: facts.id,
      title: facts.title,
      outlet,
      ownFamily,
      day,
      story: '',
      reprintOf: null,
      origin: facts.origin,
      signature,
      result: undefined as unknown as AddResult,
    };
    docs.set(facts.id, state);
    const features = intern(facts.features);
    for (const f of features.ids) df[f]!++;
    if (original !== null) {
      const root = attachReprint(facts.id, original);
      if (!original.startsWith('<')) state.reprintOf = root;
    }

    let storyId: string | null = original !== null ? docs.get(original.replace(/^</, ''))!.story : findStory(features, dayN, facts.dayOfYear);
    if (storyId !== null && stories.get(storyId)!.reps === null) storyId = null;
    const newStory = storyId === null;
    if (storyId === null) {
      storyId = `s${++storySeq}`;
      stories.set(storyId, { id: storyId, title: facts.title, documents: [], firstDay: null, lastDay: null, partialDays: [], incidents: [], reps: [], hotDocs: [], lastSeq: seq });
      hotStories++;
    }
    state.story = storyId;
    joinStory(storyId, facts, features, dayN);
    const story = stories.get(storyId)!;
    if (signature && story.reps !== null) {
      story.hotDocs.push(facts.id);
      hotDocuments++;
      for (const key of bandList) {
        const bucket = bands.get(key);
        if (bucket === undefined) bands.set(key, facts.id);
        else if (typeof bucket === 'string') bands.set(key, [bucket, facts.id]);
        else {
          bucket.push(facts.id);
          if (bucket.length > o.maxBucket) bucket.shift();
        }
      }
    } else state.signature = null;

    const touched: string[] = [];
    for (const event of facts.events) {
      const report = {
        document: facts.id,
        event: event.id,
        type: event.type,
        certainty: event.certainty,
        attribution: event.attribution,
        outlet,
        date: event.date,
        place: event.place,
        actors: event.actors,
        recipients: event.recipients,
        quantities: event.quantities,
        evidence: event.evidence,
        evidenceSpan: event.evidenceSpan,
      };
      let id = findIncident(event, storyId);
      if (id === null) {
        id = `i${++incidentSeq}`;
        const inc: IncidentState = {
          id,
          story: storyId,
          family: eventFamily(event.type),
          anchorPlace: actPlace(event),
          anchorDays: eventDays(event.date),
          anchorFirmDays: firmDate(event.date),
          span: eventSpan(event.date),
          reports: [report],
          recipients: new Set(report.recipients),
          actors: new Set(report.actors),
        };
        incidents.set(id, inc);
        story.incidents.push(id);
        indexIncident(inc);
      } else {
        const inc = incidents.get(id)!;
        inc.reports.push(report);
        for (const x of report.recipients) inc.recipients.add(x);
        if (inc.actors.size < 64) for (const x of report.actors) inc.actors.add(x);
        // A later report may be the first to place or date the act firmly: it becomes the anchor.
        let moved = false;
        const place = actPlace(event);
        if ((!precisePlace(inc.anchorPlace) && precisePlace(place)) || (!firmPlace(inc.anchorPlace) && firmPlace(place))) {
          inc.anchorPlace = place;
          moved = true;
        }
        if (!inc.anchorFirmDays && (firmDate(event.date) || (inc.anchorDays === null && eventDays(event.date) !== null))) {
          inc.anchorDays = eventDays(event.date);
          inc.anchorFirmDays = firmDate(event.date);
          moved = true;
        }
        if (inc.span === null) inc.span = eventSpan(event.date);
        if (moved) indexIncident(inc);
      }
      if (!touched.includes(id)) touched.push(id);
    }
    state.result = { document: facts.id, story: storyId, newStory, reprintOf: state.reprintOf, incidents: touched };
    return state.result;
  }

  function familyOf(docId: string): string {
    const d = docs.get(docId)!;
    return d.reprintOf ? docs.get(d.reprintOf)!.ownFamily : d.ownFamily;
  }

  function reportsOf(inc: IncidentState): IncidentReport[] {
    return inc.reports.map((r) => {
      const { recipients: _recipients, ...rest } = r;
      return { ...rest, family: familyOf(r.document), reprintOf: docs.get(r.document)!.reprintOf };
    });
  }

  function snapshotIncident(inc: IncidentState, linked: ReadonlyMap<string, Contradiction[]>): Incident {
    const reports = reportsOf(inc);
    return {
      id: inc.id,
      story: inc.story,
      type: modalType(reports),
      family: inc.family,
      date: incidentDate(reports),
      place: incidentPlace(reports),
      reports,
      sources: incidentSources(reports, docs),
      independentConfirmations: new Set(reports.filter((r) => AFFIRMING.has(r.certainty)).map((r) => r.family)).size,
      contradictions: [...findContradictions(reports), ...(linked.get(inc.id) ?? [])],
    };
  }

  /** Denials of one incident that outlets coded as another act, linked across the story's incidents. */
  function storyLinks(storyId: string): Map<string, Contradiction[]> {
    const list = stories.get(storyId)!.incidents.map((id) => ({ id, family: incidents.get(id)!.family, days: incidents.get(id)!.anchorDays, place: incidents.get(id)!.anchorPlace, reports: reportsOf(incidents.get(id)!) }));
    // A denial answers a claim about a territory as often as about a town ("has not entered the
    // territory"): within one development, one country is place enough.
    return linkDenials(list, (a, b) => !(a?.country && b?.country && a.country !== b.country), o.incidentSlackDays);
  }

  return {
    add(doc) {
      const known = docs.get(doc.id);
      return known ? known.result : addFacts(documentFacts(doc, o.minhash));
    },
    addFacts,
    stories() {
      return [...stories.values()].map((s) => ({
        id: s.id,
        title: s.title,
        documents: [...s.documents],
        firstDay: s.firstDay === null ? null : dayString(s.firstDay),
        lastDay: s.lastDay === null ? null : dayString(s.lastDay),
        incidents: [...s.incidents],
      }));
    },
    incidents() {
      const out: Incident[] = [];
      for (const s of stories.values()) {
        const linked = storyLinks(s.id);
        for (const id of s.incidents) out.push(snapshotIncident(incidents.get(id)!, linked));
      }
      return out;
    },
    incident(id) {
      const inc = incidents.get(id);
      return inc ? snapshotIncident(inc, storyLinks(inc.story)) : undefined;
    },
    document(id) {
      const d = docs.get(id);
      return d ? publicDoc(d, familyOf(id)) : undefined;
    },
    documents() {
      return [...docs.values()].map((d) => publicDoc(d, familyOf(d.id)));
    },
    stats() {
      let postingEntries = 0;
      for (const l of postings) postingEntries += l?.length ?? 0;
      let bucketEntries = 0;
      for (const generation of [bands, olderBands]) for (const l of generation.values()) bucketEntries += typeof l === 'string' ? 1 : l.length;
      return { documents: docs.size, stories: stories.size, incidents: incidents.size, hotStories, hotDocuments, postings: postingEntries, buckets: bucketEntries };
    },
  };
}

/** The n entries with the largest values, largest first, without sorting them all. */
function topEntries(map: ReadonlyMap<string, number>, n: number): [string, number][] {
  const top: [string, number][] = [];
  for (const [k, v] of map) {
    if (top.length === n && v <= top[n - 1]![1]) continue;
    if (top.length === n) top.pop();
    let i = top.length;
    top.push([k, v]);
    while (i > 0 && top[i - 1]![1] < v) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = [k, v];
  }
  return top;
}

function dayOfYearOf(day: number): number {
  return dayOfYear(dayString(day));
}

function publicDoc(d: DocState, family: string): IndexedDocument {
  return { id: d.id, title: d.title, outlet: d.outlet, family, day: d.day, story: d.story, reprintOf: d.reprintOf, origin: d.origin };
}

function modalType(reports: readonly IncidentReport[]): PloverType {
  const counts = new Map<PloverType, number>();
  for (const r of reports) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The incident's days: from dates found in the text when any report has one, else from all reports. */
function incidentDate(reports: readonly IncidentReport[]): { start: string; end: string } | null {
  const dated = reports.filter((r) => r.date !== null);
  const fromText = dated.filter((r) => r.date!.basis === 'text');
  const use = fromText.length > 0 ? fromText : dated;
  if (use.length === 0) return null;
  // The narrowest range is the best-informed report's; wider ones (publication-day guesses) contain it.
  const best = [...use].sort((a, b) => dayNumber(a.date!.end) - dayNumber(a.date!.start) - (dayNumber(b.date!.end) - dayNumber(b.date!.start)) || a.date!.precision - b.date!.precision)[0]!;
  return { start: best.date!.start, end: best.date!.end };
}

/** The most precise place, the most often reported among equals. */
function incidentPlace(reports: readonly IncidentReport[]): EventPlace | null {
  const places = reports.map((r) => r.place).filter((p): p is EventPlace => p !== null);
  if (places.length === 0) return null;
  const counts = new Map<string, number>();
  for (const p of places) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  return [...places].sort((a, b) => a.precision - b.precision || (counts.get(b.name) ?? 0) - (counts.get(a.name) ?? 0))[0]!;
}

function incidentSources(reports: readonly IncidentReport[], docs: ReadonlyMap<string, DocState>): IncidentSource[] {
  const byFamily = new Map<string, { outlets: Set<string>; documents: Set<string>; reprints: Set<string> }>();
  for (const r of reports) {
    let s = byFamily.get(r.family);
    if (!s) byFamily.set(r.family, (s = { outlets: new Set(), documents: new Set(), reprints: new Set() }));
    const d = docs.get(r.document)!;
    if (d.outlet) s.outlets.add(d.outlet);
    s.documents.add(r.document);
    if (r.reprintOf) s.reprints.add(r.document);
  }
  return [...byFamily].map(([family, s]) => ({ family, outlets: [...s.outlets], documents: [...s.documents], reprints: [...s.reprints] }));
}

function side(claim: string, reports: readonly IncidentReport[]): ContradictionSide {
  return {
    claim,
    reports: reports.map((r) => ({ document: r.document, event: r.event })),
    sources: [...new Set(reports.map((r) => r.family))],
  };
}

/** The contradiction ledger of one incident: denials, differing numbers, differing doers. */
export function findContradictions(reports: readonly IncidentReport[]): Contradiction[] {
  const out: Contradiction[] = [];
  const affirming = reports.filter((r) => AFFIRMING.has(r.certainty));
  const denying = reports.filter((r) => r.certainty === 'denied');
  if (affirming.length > 0 && denying.length > 0) {
    out.push({
      kind: 'denial',
      summary: `${affirming.length} report(s) that it happened against ${denying.length} denial(s)`,
      sides: [side('happened', affirming), side('denied', denying)],
    });
  }
  for (const field of ['participants', 'fatalities', 'injured'] as const) {
    const byValue = new Map<number, IncidentReport[]>();
    for (const r of affirming) {
      const v = r.quantities[field];
      if (v === null) continue;
      let list = byValue.get(v);
      if (!list) byValue.set(v, (list = []));
      list.push(r);
    }
    if (byValue.size < 2) continue;
    const values = [...byValue.keys()].sort((a, b) => a - b);
    const lo = values[0]!;
    const hi = values[values.length - 1]!;
    // Counts that differ by a rounding ("about 300" and "350") are not a dispute.
    if (hi - lo < 2 || hi < lo * 1.5) continue;
    out.push({
      kind: 'numbers',
      summary: `${field}: ${values.join(' vs ')}`,
      sides: values.map((v) => side(`${field} ${v}`, byValue.get(v)!)),
    });
  }
  const byActors = new Map<string, IncidentReport[]>();
  for (const r of affirming) {
    if (r.actors.length === 0) continue;
    const key = [...r.actors].sort().join(' + ');
    let list = byActors.get(key);
    if (!list) byActors.set(key, (list = []));
    list.push(r);
  }
  const keys = [...byActors.keys()];
  const clash = keys.some((a, i) => keys.slice(i + 1).some((b) => disjoint(a.split(' + '), b.split(' + '))));
  if (clash) {
    out.push({
      kind: 'actors',
      summary: `different actors for the same act: ${keys.join(' / ')}`,
      sides: keys.map((k) => side(`by ${k}`, byActors.get(k)!)),
    });
  }
  return out;
}
