/**
 * Places and entities aggregated across current documents, and the evidence behind one place.
 *
 * The Store has no per-layer tables yet, so every call walks `exportDocuments` (whole documents,
 * O(store) per request). That is fine for the sample corpus and a few thousand articles; once
 * stores are large, the store should keep a place/entity mention table filled at ingest, and these
 * functions should query it and keep their signatures.
 */
import { createHash } from 'node:crypto';
import type { Doc, Span } from '../doc/types.js';
import type { EntitySpan } from '../stages/entities/entities-stage.js';
import type { PlaceSpan } from '../stages/places/places-stage.js';
import type { Store } from '../store/store.js';

/** Which documents count: published within [since, until]; with either bound set, undated ones are left out. */
export interface PublishedWindow {
  readonly since?: string | undefined;
  readonly until?: string | undefined;
}

/** A located place and how many documents name it. */
export interface PlaceAggregate {
  /** Stable key for the place: a hash of its resolved name, country and coordinates. */
  readonly key: string;
  readonly name: string;
  readonly country: string | null;
  readonly lat: number;
  readonly lon: number;
  /** The finest (lowest) ACLED precision any mention resolved to. */
  readonly precision: number;
  readonly feature: string | null;
  /** Distinct documents naming it: the measure of independent reporting until stories de-duplicate copies. */
  readonly documents: number;
  /** Distinct outlets among those documents (unknown outlets count once). */
  readonly outlets: number;
  readonly mentions: number;
  /** Mentions where the sentence says something happened there. */
  readonly event_mentions: number;
  readonly first_published: string | null;
  readonly last_published: string | null;
}

/** An entity (actor) and how many documents name it. */
export interface EntityAggregate {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly country: string | null;
  readonly documents: number;
  readonly mentions: number;
  readonly first_published: string | null;
  readonly last_published: string | null;
}

/** One mention of a place inside a document, with the sentence around it. */
export interface PlaceMention {
  /** The mention, in UTF-16 code units of the document text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly role: string;
  /** Which part of the article it is in (title, body, comment, ...). */
  readonly segment: string | null;
  readonly sentence: { readonly start: number; readonly end: number; readonly text: string };
}

/** A document naming a place, and where. */
export interface PlaceEvidenceDocument {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly mentions: readonly PlaceMention[];
}

/** The evidence for one place: the aggregate and every document and sentence naming it. */
export interface PlaceEvidence {
  readonly place: PlaceAggregate;
  readonly documents: readonly PlaceEvidenceDocument[];
}

/** Characters either side of a mention when a document has no sentence layer. */
const CONTEXT_CHARS = 120;

/** Places with coordinates across current documents in the window, most documents first. */
export async function aggregatePlaces(store: Store, window: PublishedWindow = {}): Promise<readonly PlaceAggregate[]> {
  const byKey = new Map<string, PlaceTally>();
  for await (const doc of documentsIn(store, window)) {
    for (const span of locatedPlaces(doc)) {
      const key = placeKey(span);
      let tally = byKey.get(key);
      if (tally === undefined) {
        tally = newPlaceTally(key, span);
        byKey.set(key, tally);
      }
      addMention(tally, doc, span);
    }
  }
  return [...byKey.values()]
    .map(finishPlace)
    .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** Every document in the window naming the place with this key, with the sentences; null when no document does. */
export async function placeEvidence(store: Store, key: string, window: PublishedWindow = {}): Promise<PlaceEvidence | null> {
  let tally: PlaceTally | null = null;
  const documents: PlaceEvidenceDocument[] = [];
  for await (const doc of documentsIn(store, window)) {
    const spans = locatedPlaces(doc).filter((span) => placeKey(span) === key);
    if (spans.length === 0) continue;
    for (const span of spans) {
      tally ??= newPlaceTally(key, spans[0] ?? span);
      addMention(tally, doc, span);
    }
    documents.push({
      id: doc.id,
      title: doc.title,
      outlet: doc.outlet?.name ?? null,
      published: doc.published.date,
      mentions: spans.map((span) => mentionIn(doc, span)),
    });
  }
  if (tally === null) return null;
  // Dated documents in publication order, then undated ones: the order an analyst reads a story in.
  documents.sort(
    (a, b) =>
      Number(a.published === null) - Number(b.published === null) ||
      (a.published ?? '').localeCompare(b.published ?? '') ||
      a.id.localeCompare(b.id),
  );
  return { place: finishPlace(tally), documents };
}

/** Entities across current documents in the window, most documents first. */
export async function aggregateEntities(store: Store, window: PublishedWindow = {}): Promise<readonly EntityAggregate[]> {
  const byId = new Map<string, { entity: EntitySpan; docs: Set<string>; mentions: number; first: string | null; last: string | null }>();
  for await (const doc of documentsIn(store, window)) {
    for (const span of (doc.layers.entities ?? []) as readonly EntitySpan[]) {
      if (typeof span.id !== 'string') continue;
      let tally = byId.get(span.id);
      if (tally === undefined) {
        tally = { entity: span, docs: new Set(), mentions: 0, first: null, last: null };
        byId.set(span.id, tally);
      }
      tally.mentions += 1;
      tally.docs.add(doc.id);
      [tally.first, tally.last] = widen(tally.first, tally.last, doc.published.date);
    }
  }
  return [...byId.values()]
    .map(({ entity, docs, mentions, first, last }) => ({
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      country: entity.country ?? null,
      documents: docs.size,
      mentions,
      first_published: first,
      last_published: last,
    }))
    .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** The key a place is aggregated and addressed by. */
export function placeKey(span: Pick<PlaceSpan, 'name' | 'country' | 'lat' | 'lon'>): string {
  // Coordinates are part of the key so two places sharing a name (two villages called Banje) stay apart.
  const basis = `${span.name}|${span.country ?? ''}|${span.lat ?? ''}|${span.lon ?? ''}`;
  return createHash('sha256').update(basis, 'utf8').digest('hex').slice(0, 16);
}

interface PlaceTally {
  readonly key: string;
  readonly span: PlaceSpan;
  precision: number;
  readonly docs: Set<string>;
  readonly outlets: Set<string>;
  mentions: number;
  events: number;
  first: string | null;
  last: string | null;
}

function newPlaceTally(key: string, span: PlaceSpan): PlaceTally {
  return { key, span, precision: span.precision, docs: new Set(), outlets: new Set(), mentions: 0, events: 0, first: null, last: null };
}

function addMention(tally: PlaceTally, doc: Doc, span: PlaceSpan): void {
  tally.mentions += 1;
  if (span.role === 'event') tally.events += 1;
  tally.precision = Math.min(tally.precision, span.precision);
  tally.docs.add(doc.id);
  tally.outlets.add(doc.outlet?.name.toLowerCase() ?? '\u0000unknown');
  [tally.first, tally.last] = widen(tally.first, tally.last, doc.published.date);
}

function finishPlace(tally: PlaceTally): PlaceAggregate {
  const { span } = tally;
  return {
    key: tally.key,
    name: span.name,
    country: span.country,
    lat: span.lat ?? 0,
    lon: span.lon ?? 0,
    precision: tally.precision,
    feature: span.feature,
    documents: tally.docs.size,
    outlets: tally.outlets.size,
    mentions: tally.mentions,
    event_mentions: tally.events,
    first_published: tally.first,
    last_published: tally.last,
  };
}

function widen(first: string | null, last: string | null, date: string | null): [string | null, string | null] {
  if (date === null) return [first, last];
  return [first === null || date < first ? date : first, last === null || date > last ? date : last];
}

/** Place spans that resolved to coordinates: only those can be mapped. */
function locatedPlaces(doc: Doc): readonly PlaceSpan[] {
  return ((doc.layers.places ?? []) as readonly PlaceSpan[]).filter(
    (span) => typeof span.lat === 'number' && typeof span.lon === 'number' && typeof span.name === 'string',
  );
}

async function* documentsIn(store: Store, window: PublishedWindow): AsyncIterable<Doc> {
  const bounded = window.since !== undefined || window.until !== undefined;
  for await (const doc of store.exportDocuments()) {
    const date = doc.published.date;
    if (bounded) {
      if (date === null) continue;
      if (window.since !== undefined && date < window.since) continue;
      if (window.until !== undefined && date > window.until) continue;
    }
    yield doc;
  }
}

function mentionIn(doc: Doc, span: PlaceSpan): PlaceMention {
  const sentence = containing(doc.layers.sentences ?? [], span) ?? {
    start: Math.max(0, span.start - CONTEXT_CHARS),
    end: Math.min(doc.text.length, span.end + CONTEXT_CHARS),
  };
  const segment = containing(doc.layers.segments ?? [], span);
  return {
    start: span.start,
    end: span.end,
    text: doc.text.slice(span.start, span.end),
    role: span.role,
    segment: segment?.label ?? null,
    sentence: { start: sentence.start, end: sentence.end, text: doc.text.slice(sentence.start, sentence.end) },
  };
}

function containing(spans: readonly Span[], inner: Span): Span | null {
  return spans.find((span) => span.start <= inner.start && span.end >= inner.end) ?? null;
}
