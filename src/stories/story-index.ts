/**
 * The incremental story index: each added Doc joins (or starts) a story and its events join (or
 * start) incidents, without re-clustering what is already there. Every look-up goes through an
 * inverted index (LSH bands, rare features, day buckets), so adding one document costs about the
 * same at a million stored documents as at ten thousand.
 */
import type { Doc } from '../doc/types.js';
import type { Certainty, EventDate, EventPlace, EventQuantities, EventSpan, PloverType } from '../stages/events/event-span.js';
import { articleEntities, articleEvents, articlePlaces, copyText, dayNumber, documentDay, leadEnd, titleWords } from './doc-facts.js';
import { AFFIRMING, eventFamily, type EventFamily } from './event-families.js';
import { bandKeys, defaultMinHashSettings, estimateContainment, minhash, type MinHashSettings, type Signature } from './minhash.js';
import { createPublisherFamilies, hostOf } from './publisher.js';

/** Tuning of the index; the defaults suit news about one conflict. */
export interface StoryIndexOptions {
  readonly minhash?: MinHashSettings;
  /** Share of the smaller text found in the larger one above which a document is a reprint. */
  readonly reprintContainment?: number;
  /** Share of a document's weighted features a story must hold for the document to join it. */
  readonly storyThreshold?: number;
  /** Days a document may lie outside a story's date range and still join it. */
  readonly storyWindowDays?: number;
  /** Days of slack on each side when comparing two events' dates. */
  readonly incidentSlackDays?: number;
  /** Kilometres within which two events' places are one place. */
  readonly incidentRadiusKm?: number;
  /** A feature held by more stories than this is too common to find candidates with. */
  readonly maxPostings?: number;
}

const DEFAULTS: Required<StoryIndexOptions> = {
  minhash: defaultMinHashSettings,
  reprintContainment: 0.7,
  storyThreshold: 0.4,
  storyWindowDays: 3,
  incidentSlackDays: 1,
  incidentRadiusKm: 25,
  maxPostings: 500,
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

/** An incremental index of stories and incidents. */
export interface StoryIndex {
  /** Adds a document; adding a document id again is a no-op that returns what it did the first time. */
  add(doc: Doc): AddResult;
  stories(): Story[];
  incidents(): Incident[];
  incident(id: string): Incident | undefined;
  document(id: string): IndexedDocument | undefined;
  documents(): IndexedDocument[];
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
  signature: Signature;
  result: AddResult;
}

interface StoryState {
  id: string;
  title: string | null;
  documents: string[];
  features: Map<string, number>;
  firstDay: number | null;
  lastDay: number | null;
  incidents: string[];
}

interface IncidentState {
  id: string;
  story: string;
  family: EventFamily;
  /** The first precise place and first date: the incident's anchor, so that matching cannot drift along a chain. */
  anchorPlace: EventPlace | null;
  anchorDays: readonly [number, number] | null;
  reports: Omit<IncidentReport, 'family' | 'reprintOf'>[];
}

/** Feature weights by kind: named entities and places tell developments apart better than title words. */
const KIND_WEIGHT: Readonly<Record<string, number>> = { e: 1, p: 1.2, w: 0.6 };

/** Widest date range (days) still used to bucket an event by day; vaguer dates match within a story only. */
const MAX_BUCKET_DAYS = 7;

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

function actorKeys(actors: EventSpan['actors']): string[] {
  return [...new Set(actors.map((a) => a.id ?? a.text.toLowerCase()))];
}

function disjoint(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));
}

/** Features of a document for same-development grouping: entities, places, title words. */
function documentFeatures(doc: Doc): Map<string, number> {
  const out = new Map<string, number>();
  const bump = (f: string): void => void out.set(f, (out.get(f) ?? 0) + 1);
  const end = leadEnd(doc);
  for (const e of articleEntities(doc)) if (e.id && e.start < end) bump(`e:${e.id}`);
  for (const p of articlePlaces(doc)) {
    // Countries and territories are the backdrop of every story about the conflict, not a development.
    if (p.start >= end || p.feature === 'country' || p.feature === 'territory' || (p.precision ?? 1) > 2) continue;
    bump(`p:${p.geonameid ?? p.name.toLowerCase()}`);
  }
  for (const w of titleWords(doc)) bump(`w:${w}`);
  return out;
}

/** Creates an empty index. */
export function createStoryIndex(options: StoryIndexOptions = {}): StoryIndex {
  const o: Required<StoryIndexOptions> = { ...DEFAULTS, ...options };
  const docs = new Map<string, DocState>();
  const stories = new Map<string, StoryState>();
  const incidents = new Map<string, IncidentState>();
  const families = createPublisherFamilies();
  const bands = new Map<string, string[]>();
  const reprints = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  const postings = new Map<string, Set<string>>();
  const byDay = new Map<string, string[]>();
  const byStory = new Map<string, string[]>();
  let storySeq = 0;
  let incidentSeq = 0;

  function idf(feature: string): number {
    return Math.log((docs.size + 1) / ((df.get(feature) ?? 0) + 0.5)) * (KIND_WEIGHT[feature[0]!] ?? 1);
  }

  // 1. Near-copies: LSH candidates, verified by estimated containment; the earliest is the original.
  function findOriginal(id: string, signature: Signature, day: string | null): string | null {
    const seen = new Set<string>();
    let best: { id: string; score: number } | null = null;
    for (const key of bandKeys(signature, o.minhash)) {
      for (const other of bands.get(key) ?? []) {
        if (seen.has(other) || other === id) continue;
        seen.add(other);
        const score = estimateContainment(signature, docs.get(other)!.signature);
        if (score >= o.reprintContainment && (!best || score > best.score)) best = { id: other, score };
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

  // 2. Same development: stories holding this document's rarer features, scored by weighted overlap.
  function findStory(features: ReadonlyMap<string, number>, day: number | null): string | null {
    const candidates = new Set<string>();
    for (const f of features.keys()) {
      const list = postings.get(f);
      if (list && list.size <= o.maxPostings) for (const s of list) candidates.add(s);
    }
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [f, n] of features) {
      // A feature no other document has cannot link this one to anything; leaving it out of the
      // norm keeps a headline's unique words from drowning what the document shares.
      if ((df.get(f) ?? 0) < 2) continue;
      const w = Math.max(0, idf(f)) * Math.sqrt(n);
      weights.set(f, w);
      norm += w * w;
    }
    if (norm === 0) return null;
    let best: { id: string; score: number } | null = null;
    for (const id of candidates) {
      const s = stories.get(id)!;
      if (day !== null && s.firstDay !== null && s.lastDay !== null) {
        if (day < s.firstDay - o.storyWindowDays || day > s.lastDay + o.storyWindowDays) continue;
      }
      // Cosine between the document's tf-idf vector and the story's centroid (summed document counts).
      let dot = 0;
      let storyNorm = 0;
      for (const [f, n] of s.features) {
        if ((df.get(f) ?? 0) < 2) continue;
        const w = Math.max(0, idf(f)) * Math.sqrt(n);
        storyNorm += w * w;
        const mine = weights.get(f);
        if (mine) dot += mine * w;
      }
      const score = storyNorm === 0 ? 0 : dot / Math.sqrt(norm * storyNorm);
      if (score >= o.storyThreshold && (!best || score > best.score)) best = { id, score };
    }
    return best?.id ?? null;
  }

  function joinStory(storyId: string, docId: string, features: ReadonlyMap<string, number>, day: number | null): void {
    const s = stories.get(storyId)!;
    s.documents.push(docId);
    for (const [f, n] of features) {
      s.features.set(f, (s.features.get(f) ?? 0) + n);
      let list = postings.get(f);
      if (!list) postings.set(f, (list = new Set()));
      list.add(storyId);
    }
    if (day !== null) {
      s.firstDay = s.firstDay === null ? day : Math.min(s.firstDay, day);
      s.lastDay = s.lastDay === null ? day : Math.max(s.lastDay, day);
    }
  }

  function eventDays(date: EventDate | null): readonly [number, number] | null {
    if (!date) return null;
    const s = dayNumber(date.start);
    const e = dayNumber(date.end);
    if (Number.isNaN(s) || Number.isNaN(e) || e - s > MAX_BUCKET_DAYS) return null;
    return [s, e];
  }

  function placesAgree(a: EventPlace | null, b: EventPlace | null, sameStory: boolean): number | null {
    if (precisePlace(a) && precisePlace(b)) {
      const km = haversineKm(a, b);
      if (km <= o.incidentRadiusKm) return km;
      if (a.admin2 !== null && a.admin2 === b.admin2 && a.country === b.country) return o.incidentRadiusKm;
      return null;
    }
    // A vague or missing place cannot place the act; within one story, a matching country is enough.
    if (!sameStory) return null;
    if (a?.country && b?.country && a.country !== b.country) return null;
    return o.incidentRadiusKm * 2;
  }

  // 3. Incidents: same family, overlapping days (with slack), one place, compatible actors.
  function findIncident(event: EventSpan, story: string): string | null {
    const family = eventFamily(event.type);
    const days = eventDays(event.date);
    const candidates = new Set<string>(byStory.get(`${story}|${family}`) ?? []);
    if (days) for (let d = days[0] - o.incidentSlackDays; d <= days[1] + o.incidentSlackDays; d++) for (const id of byDay.get(`${family}|${d}`) ?? []) candidates.add(id);
    const actors = actorKeys(event.actors);
    const recipients = actorKeys(event.recipients);
    let best: { id: string; cost: number } | null = null;
    for (const id of candidates) {
      const inc = incidents.get(id)!;
      if (inc.family !== family) continue;
      const sameStory = inc.story === story;
      if (days && inc.anchorDays) {
        if (days[1] + o.incidentSlackDays < inc.anchorDays[0] || days[0] - o.incidentSlackDays > inc.anchorDays[1]) continue;
      } else if (!sameStory) continue;
      const km = placesAgree(event.place, inc.anchorPlace, sameStory);
      // Across stories (a recap of another development) only a close place links the reports.
      if (km === null || (!sameStory && km > o.incidentRadiusKm / 2)) continue;
      // Different doers of an act against different targets are different acts; different doers of
      // one act against the same target are a contradiction, kept inside the incident.
      const first = inc.reports[0]!;
      const theirRecipients = inc.reports.flatMap((r) => (r as { recipients?: readonly string[] }).recipients ?? []);
      if (disjoint(actors, first.actors) && disjoint(recipients, theirRecipients)) continue;
      const cost = km + (sameStory ? 0 : 10);
      if (!best || cost < best.cost) best = { id, cost };
    }
    return best?.id ?? null;
  }

  function indexIncident(inc: IncidentState): void {
    const storyKey = `${inc.story}|${inc.family}`;
    let list = byStory.get(storyKey);
    if (!list) byStory.set(storyKey, (list = []));
    list.push(inc.id);
    if (inc.anchorDays) {
      for (let d = inc.anchorDays[0]; d <= inc.anchorDays[1]; d++) {
        const key = `${inc.family}|${d}`;
        let l = byDay.get(key);
        if (!l) byDay.set(key, (l = []));
        l.push(inc.id);
      }
    }
  }

  function add(doc: Doc): AddResult {
    const known = docs.get(doc.id);
    if (known) return known.result;
    const day = documentDay(doc);
    const dayN = day === null ? null : dayNumber(day);
    const outlet = doc.outlet?.name ?? hostOf(doc.origin.url) ?? null;
    // An unnamed publisher is its own family: it cannot be shown to share an owner with anyone.
    const ownFamily = families.resolve(outlet) ?? `unknown:${doc.id}`;
    const signature = minhash(copyText(doc), o.minhash);
    const features = documentFeatures(doc);

    const original = findOriginal(doc.id, signature, day);
    const state: DocState = {
      id: doc.id,
      title: doc.title,
      outlet,
      ownFamily,
      day,
      story: '',
      reprintOf: null,
      origin: doc.origin.url ?? doc.origin.path ?? null,
      signature,
      result: undefined as unknown as AddResult,
    };
    docs.set(doc.id, state);
    for (const f of features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    if (original !== null) {
      const root = attachReprint(doc.id, original);
      if (!original.startsWith('<')) state.reprintOf = root;
    }

    let storyId: string | null = original !== null ? docs.get(original.replace(/^</, ''))!.story : findStory(features, dayN);
    const newStory = storyId === null;
    if (storyId === null) {
      storyId = `s${++storySeq}`;
      stories.set(storyId, { id: storyId, title: doc.title, documents: [], features: new Map(), firstDay: null, lastDay: null, incidents: [] });
    }
    state.story = storyId;
    joinStory(storyId, doc.id, features, dayN);
    for (const key of bandKeys(signature, o.minhash)) {
      let list = bands.get(key);
      if (!list) bands.set(key, (list = []));
      list.push(doc.id);
    }

    const touched: string[] = [];
    for (const event of articleEvents(doc)) {
      if (event.certainty === 'hypothetical') continue;
      const report = {
        document: doc.id,
        event: event.id,
        type: event.type,
        certainty: event.certainty,
        attribution: { kind: event.attribution.kind, text: event.attribution.text, entity: event.attribution.entity },
        outlet,
        date: event.date,
        place: event.place,
        actors: actorKeys(event.actors),
        recipients: actorKeys(event.recipients),
        quantities: event.quantities,
        evidence: doc.text.slice(event.evidence.start, event.evidence.end),
        evidenceSpan: { start: event.evidence.start, end: event.evidence.end },
      };
      let id = findIncident(event, storyId);
      if (id === null) {
        id = `i${++incidentSeq}`;
        const inc: IncidentState = {
          id,
          story: storyId,
          family: eventFamily(event.type),
          anchorPlace: event.place,
          anchorDays: eventDays(event.date),
          reports: [report],
        };
        incidents.set(id, inc);
        stories.get(storyId)!.incidents.push(id);
        indexIncident(inc);
      } else {
        const inc = incidents.get(id)!;
        inc.reports.push(report);
        // A later report may be the first to place the act precisely: it becomes the anchor.
        if (!precisePlace(inc.anchorPlace) && precisePlace(event.place)) inc.anchorPlace = event.place;
      }
      if (!touched.includes(id)) touched.push(id);
    }
    state.result = { document: doc.id, story: storyId, newStory, reprintOf: state.reprintOf, incidents: touched };
    return state.result;
  }

  function familyOf(docId: string): string {
    const d = docs.get(docId)!;
    return d.reprintOf ? docs.get(d.reprintOf)!.ownFamily : d.ownFamily;
  }

  function snapshotIncident(inc: IncidentState): Incident {
    const reports: IncidentReport[] = inc.reports.map((r) => {
      const { recipients: _recipients, ...rest } = r as typeof r & { recipients?: unknown };
      return { ...rest, family: familyOf(r.document), reprintOf: docs.get(r.document)!.reprintOf };
    });
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
      contradictions: findContradictions(reports),
    };
  }

  return {
    add,
    stories() {
      return [...stories.values()].map((s) => ({
        id: s.id,
        title: s.title,
        documents: [...s.documents],
        firstDay: s.firstDay === null ? null : new Date(s.firstDay * 86_400_000).toISOString().slice(0, 10),
        lastDay: s.lastDay === null ? null : new Date(s.lastDay * 86_400_000).toISOString().slice(0, 10),
        incidents: [...s.incidents],
      }));
    },
    incidents() {
      return [...incidents.values()].map(snapshotIncident);
    },
    incident(id) {
      const inc = incidents.get(id);
      return inc ? snapshotIncident(inc) : undefined;
    },
    document(id) {
      const d = docs.get(id);
      return d ? publicDoc(d, familyOf(id)) : undefined;
    },
    documents() {
      return [...docs.values()].map((d) => publicDoc(d, familyOf(d.id)));
    },
  };
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
