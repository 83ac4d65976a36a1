/**
 * Per-document tallies of places and entities, built in one pass over the store and kept per store
 * revision (revision-cache.ts), so GET /api/places and /api/entities answer from memory instead of
 * reading every document on every request. The answers are the same as aggregatePlaces' and
 * aggregateEntities' over the store (aggregate-layers.ts), which the evidence route still uses
 * because it needs the text.
 */
import type { Doc } from '../doc/types.js';
import type { EntitySpan } from '../stages/entities/entities-stage.js';
import type { PlaceSpan } from '../stages/places/places-stage.js';
import type { Store } from '../store/store.js';
import { placeKey, type EntityAggregate, type PlaceAggregate, type PublishedWindow } from './aggregate-layers.js';

/** What one document contributes, packed: a million small arrays would make garbage collection crawl. */
interface DocFacts {
  /** Publication date, YYYY-MM-DD, or null. */
  readonly date: string | null;
  /** The outlet as places count it (lower-cased; unknown outlets are one). */
  readonly outlet: string;
  /** (place index, mentions, event mentions, finest precision) per place named, flattened. */
  readonly places: Int32Array;
  /** (entity index, mentions) per entity named, flattened. */
  readonly entities: Int32Array;
}

interface PlaceInfo {
  readonly key: string;
  readonly name: string;
  readonly country: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly feature: string | null;
}

interface EntityInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly country: string | null;
}

/** The tallies of a store revision. */
export interface LayerFacts {
  readonly docs: readonly DocFacts[];
  readonly places: readonly PlaceInfo[];
  readonly entities: readonly EntityInfo[];
}

/** Reads every current document once. */
export async function buildLayerFacts(store: Store): Promise<LayerFacts> {
  const facts = createLayerFacts();
  for await (const doc of store.exportDocuments()) facts.add(doc);
  return facts.done();
}

/** Builds the tallies a document at a time (so one pass over the store can feed other indexes too). */
export function createLayerFacts(): { add(doc: Doc): void; done(): LayerFacts } {
  const docs: DocFacts[] = [];
  const places: PlaceInfo[] = [];
  const entities: EntityInfo[] = [];
  const placeIndex = new Map<string, number>();
  const entityIndex = new Map<string, number>();
  const strings = new Map<string, string>();
  const shared = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  return {
    add(doc) {
      const byPlace = new Map<number, [number, number, number]>();
      for (const span of (doc.layers.places ?? []) as readonly PlaceSpan[]) {
        if (typeof span.lat !== 'number' || typeof span.lon !== 'number' || typeof span.name !== 'string') continue;
        const key = placeKey(span);
        let index = placeIndex.get(key);
        if (index === undefined) {
          // The first span seen names the place, as aggregatePlaces does.
          index = places.length;
          places.push({ key, name: span.name, country: span.country, lat: span.lat, lon: span.lon, feature: span.feature });
          placeIndex.set(key, index);
        }
        const tally = byPlace.get(index) ?? [0, 0, span.precision];
        tally[0] += 1;
        if (span.role === 'event') tally[1] += 1;
        tally[2] = Math.min(tally[2], span.precision);
        byPlace.set(index, tally);
      }
      const byEntity = new Map<number, number>();
      for (const span of (doc.layers.entities ?? []) as readonly EntitySpan[]) {
        if (typeof span.id !== 'string') continue;
        let index = entityIndex.get(span.id);
        if (index === undefined) {
          index = entities.length;
          entities.push({ id: span.id, name: span.name, kind: span.kind, country: span.country ?? null });
          entityIndex.set(span.id, index);
        }
        byEntity.set(index, (byEntity.get(index) ?? 0) + 1);
      }
      docs.push({
        date: doc.published.date === null ? null : shared(doc.published.date),
        outlet: shared(doc.outlet?.name.toLowerCase() ?? '\u0000unknown'),
        places: Int32Array.from([...byPlace].flatMap(([index, [mentions, events, precision]]) => [index, mentions, events, precision])),
        entities: Int32Array.from([...byEntity].flatMap(([index, mentions]) => [index, mentions])),
      });
    },
    done() {
      return { docs, places, entities };
    },
  };
}

/** Answers already computed from one revision's tallies, by route and window (a few, most recent kept). */
const answers = new WeakMap<LayerFacts, Map<string, readonly unknown[]>>();
const ANSWERS_KEPT = 32;

function remembered<T>(facts: LayerFacts, key: string, compute: () => readonly T[]): readonly T[] {
  let byKey = answers.get(facts);
  if (byKey === undefined) answers.set(facts, (byKey = new Map()));
  const known = byKey.get(key);
  if (known !== undefined) return known as readonly T[];
  const value = compute();
  if (byKey.size >= ANSWERS_KEPT) byKey.delete(byKey.keys().next().value as string);
  byKey.set(key, value);
  return value;
}

/** Places across the documents in the window, most documents first: aggregatePlaces from the tallies. */
export function placesFromFacts(facts: LayerFacts, window: PublishedWindow = {}): readonly PlaceAggregate[] {
  return remembered(facts, `places|${window.since ?? ''}|${window.until ?? ''}`, () => computePlaces(facts, window));
}

/** Entities across the documents in the window, most documents first: aggregateEntities from the tallies. */
export function entitiesFromFacts(facts: LayerFacts, window: PublishedWindow = {}): readonly EntityAggregate[] {
  return remembered(facts, `entities|${window.since ?? ''}|${window.until ?? ''}`, () => computeEntities(facts, window));
}

function computePlaces(facts: LayerFacts, window: PublishedWindow): PlaceAggregate[] {
  const byIndex = new Map<number, { docs: number; outlets: Set<string>; mentions: number; events: number; precision: number; first: string | null; last: string | null }>();
  for (const doc of inWindow(facts.docs, window)) {
    const packed = doc.places;
    for (let i = 0; i < packed.length; i += 4) {
      const index = packed[i] as number;
      let tally = byIndex.get(index);
      if (tally === undefined) {
        tally = { docs: 0, outlets: new Set(), mentions: 0, events: 0, precision: packed[i + 3] as number, first: null, last: null };
        byIndex.set(index, tally);
      }
      tally.docs += 1;
      tally.outlets.add(doc.outlet);
      tally.mentions += packed[i + 1] as number;
      tally.events += packed[i + 2] as number;
      tally.precision = Math.min(tally.precision, packed[i + 3] as number);
      [tally.first, tally.last] = widen(tally.first, tally.last, doc.date);
    }
  }
  return [...byIndex.entries()]
    .map(([index, tally]) => {
      const info = facts.places[index] as PlaceInfo;
      return {
        key: info.key,
        name: info.name,
        country: info.country,
        lat: info.lat,
        lon: info.lon,
        precision: tally.precision,
        feature: info.feature,
        documents: tally.docs,
        outlets: tally.outlets.size,
        mentions: tally.mentions,
        event_mentions: tally.events,
        first_published: tally.first,
        last_published: tally.last,
      };
    })
    .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function computeEntities(facts: LayerFacts, window: PublishedWindow): EntityAggregate[] {
  const byIndex = new Map<number, { docs: number; mentions: number; first: string | null; last: string | null }>();
  for (const doc of inWindow(facts.docs, window)) {
    const packed = doc.entities;
    for (let i = 0; i < packed.length; i += 2) {
      const index = packed[i] as number;
      let tally = byIndex.get(index);
      if (tally === undefined) {
        tally = { docs: 0, mentions: 0, first: null, last: null };
        byIndex.set(index, tally);
      }
      tally.docs += 1;
      tally.mentions += packed[i + 1] as number;
      [tally.first, tally.last] = widen(tally.first, tally.last, doc.date);
    }
  }
  return [...byIndex.entries()]
    .map(([index, tally]) => {
      const info = facts.entities[index] as EntityInfo;
      return { id: info.id, name: info.name, kind: info.kind, country: info.country, documents: tally.docs, mentions: tally.mentions, first_published: tally.first, last_published: tally.last };
    })
    .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function* inWindow(docs: readonly DocFacts[], window: PublishedWindow): Iterable<DocFacts> {
  const bounded = window.since !== undefined || window.until !== undefined;
  for (const doc of docs) {
    if (bounded) {
      if (doc.date === null) continue;
      if (window.since !== undefined && doc.date < window.since) continue;
      if (window.until !== undefined && doc.date > window.until) continue;
    }
    yield doc;
  }
}

function widen(first: string | null, last: string | null, date: string | null): [string | null, string | null] {
  if (date === null) return [first, last];
  return [first === null || date < first ? date : first, last === null || date > last ? date : last];
}
