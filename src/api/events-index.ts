/**
 * Every coded event of every current document, for GET /api/events: each item names its document
 * and carries its trigger and evidence spans (and their text), so a count of events can always be
 * walked back to the sentences behind it.
 *
 * The index keeps one small row per event (the fields filters and order need), built in one pass
 * over the store and kept per store revision (store-scan.ts, revision-cache.ts); a page's full
 * items are made from their documents when served, with the last few hundred documents' items
 * cached.
 *
 * The Store now keeps an events table filled at ingest (`Store.listEvents`), with the same order
 * and the day, type, certainty, scope, outlet and bbox filters as a WHERE clause. This route does
 * not use it yet: its `actor` filter (words of actor and recipient ids and texts) has no column
 * there, its items quote trigger and evidence text from the document (a document read per page
 * either way), and the scan that builds this index also builds the place and entity tallies
 * (store-scan.ts), so dropping it here saves no store walk. Moving over means an actors column
 * (or table) in the store and the tallies moving to tables of their own.
 */
import type { Doc } from '../doc/types.js';
import type { Certainty, EventActor, EventScope, EventSpan, PloverType } from '../stages/events/event-span.js';
import type { Store } from '../store/store.js';
import { keysetPage, type KeysetPage } from './keyset-page.js';

/** The 16 PLOVER types, for validating filters. */
export const PLOVER_TYPES: readonly PloverType[] = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];
/** Certainty values, for validating filters. */
export const CERTAINTIES: readonly Certainty[] = ['asserted', 'reported', 'alleged', 'expected', 'hypothetical', 'denied'];
/** Scopes, for validating filters. */
export const SCOPES: readonly EventScope[] = ['article', 'comment', 'embed', 'caption'];

/** A span of a document's text with the text itself. */
export interface QuotedSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** An actor of an event as the API shows it. */
export interface EventActorItem {
  readonly id: string | null;
  readonly text: string;
  readonly class: string | null;
}

/** One event of one document. */
export interface EventItem {
  /** `<document id>/<event id>`: unique across the store. */
  readonly id: string;
  readonly document: string;
  readonly event: string;
  readonly title: string | null;
  readonly outlet: string | null;
  /** The document's publication date (YYYY-MM-DD), when known. */
  readonly published: string | null;
  readonly type: PloverType;
  readonly mode: string | null;
  readonly certainty: Certainty;
  readonly scope: EventScope;
  readonly scope_index: number | null;
  readonly date: { readonly start: string; readonly end: string; readonly precision: number; readonly basis: string } | null;
  readonly place: {
    readonly name: string;
    readonly country: string | null;
    readonly lat: number | null;
    readonly lon: number | null;
    readonly precision: number;
    readonly basis: string;
    readonly start: number;
    readonly end: number;
  } | null;
  readonly actors: readonly EventActorItem[];
  readonly recipients: readonly EventActorItem[];
  readonly attribution: { readonly kind: string; readonly entity: string | null; readonly text: string | null };
  readonly quantities: { readonly participants: number | null; readonly fatalities: number | null; readonly injured: number | null };
  readonly acled: { readonly disorder_type: string; readonly event_type: string; readonly sub_event_type: string } | null;
  /** The words that triggered the coding. */
  readonly trigger: QuotedSpan;
  /** The sentence the event was read from. */
  readonly evidence: QuotedSpan;
  readonly rank: number;
}

/** What GET /api/events may be restricted to; fields combine with AND, list values with OR. */
export interface EventFilter {
  /** Event days (or the publication day when the event has none) overlapping [since, until]; undated events are left out when either is set. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly types?: readonly string[] | undefined;
  /** Words of an actor's or recipient's entity id or text (case-insensitive). */
  readonly actor?: string | undefined;
  /** Outlet name, case-insensitive. */
  readonly outlet?: string | undefined;
  readonly certainties?: readonly string[] | undefined;
  readonly scopes?: readonly string[] | undefined;
  /** [west, south, east, north] in degrees; only events placed at coordinates inside it. */
  readonly bbox?: readonly [number, number, number, number] | undefined;
}

/**
 * One event as the index keeps it: the fields the filters and the order need, nothing else. The
 * full item is made again from the document when a page is served (see queryEvents), so the index
 * costs tens of bytes per event, not the kilobyte of its JSON: a store of 100k articles holds
 * over a million events.
 */
interface EventRow {
  /** First day (the event's, else the publication day), or '~' (undated, sorts last). */
  readonly d: string;
  /** Last day, or '~'. */
  readonly e: string;
  readonly doc: string;
  readonly ev: string;
  readonly type: string;
  readonly certainty: string;
  readonly scope: string;
  /** Outlet, lower-cased; '' when unknown. */
  readonly outlet: string;
  readonly lat: number;
  readonly lon: number;
  /** Actor and recipient ids and texts, lower-cased, each followed by \u0001. */
  readonly actors: string;
}

/** The events of a store revision, in (day, document, event) order; undated last. */
export interface EventIndex {
  readonly rows: readonly EventRow[];
  /** Documents read to build it. */
  readonly documents: number;
  /** Serves the full items of one document's events (a small cache in front of the store). */
  readonly itemsOf: (doc: string) => Promise<ReadonlyMap<string, EventItem>>;
}

/** Documents whose full event items are kept between requests. */
const ITEMS_CACHED = 512;

/** Reads every current document once and indexes its events. */
export async function buildEventIndex(store: Store): Promise<EventIndex> {
  const builder = createEventIndex(store);
  for await (const doc of store.exportDocuments()) builder.add(doc);
  return builder.done();
}

/** Builds the index a document at a time (so one pass over the store can feed other indexes too). */
export function createEventIndex(store: Store): { add(doc: Doc): void; done(): EventIndex } {
  const rows: EventRow[] = [];
  let documents = 0;
  const intern = new Map<string, string>();
  const shared = (text: string): string => {
    const known = intern.get(text);
    if (known !== undefined) return known;
    intern.set(text, text);
    return text;
  };
  return {
    add(doc) {
      documents += 1;
      for (const row of eventRows(doc, shared)) rows.push(row);
    },
    done() {
      rows.sort(compareRows);
      return { rows, documents, itemsOf: cachedItems(store) };
    },
  };
}

/** The index rows of one document's events. */
export function eventRows(doc: Doc, shared: (text: string) => string = (text) => text): EventRow[] {
  const published = doc.published.date?.slice(0, 10) ?? null;
  const outlet = shared(doc.outlet?.name.toLowerCase() ?? '');
  return ((doc.layers.events ?? []) as readonly EventSpan[])
    .filter((event) => typeof event.id === 'string' && typeof event.type === 'string')
    .map((event) => {
      const d = event.date?.start ?? published ?? '~';
      const e = event.date?.end ?? published ?? '~';
      const names = [...(event.actors ?? []), ...(event.recipients ?? [])].map((a) => `${a.id === null ? '' : `${a.id.toLowerCase()}\u0001`}${a.text.toLowerCase()}\u0001`).join('');
      return {
        d: shared(d),
        e: shared(e),
        doc: doc.id,
        ev: shared(event.id),
        type: shared(event.type),
        certainty: shared(event.certainty),
        scope: shared(event.scope),
        outlet,
        lat: event.place?.lat ?? Number.NaN,
        lon: event.place?.lon ?? Number.NaN,
        actors: shared(names),
      };
    });
}

function compareRows(a: EventRow, b: EventRow): number {
  // Field by field, the same order as comparing eventKey strings.
  return a.d < b.d ? -1 : a.d > b.d ? 1 : a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.ev < b.ev ? -1 : a.ev > b.ev ? 1 : 0;
}

/** Full items per document, read from the store on a miss; the most recently used are kept. */
function cachedItems(store: Store): (doc: string) => Promise<ReadonlyMap<string, EventItem>> {
  const cache = new Map<string, Promise<ReadonlyMap<string, EventItem>>>();
  return (id) => {
    const known = cache.get(id);
    if (known !== undefined) {
      cache.delete(id);
      cache.set(id, known);
      return known;
    }
    const loading = store.getDocument(id).then((doc) => new Map((doc === null ? [] : documentEvents(doc)).map((item) => [item.event, item])));
    loading.catch(() => cache.delete(id));
    cache.set(id, loading);
    if (cache.size > ITEMS_CACHED) cache.delete(cache.keys().next().value as string);
    return loading;
  };
}

/** The events of one document as API items. */
export function documentEvents(doc: Doc): EventItem[] {
  const events = (doc.layers.events ?? []) as readonly EventSpan[];
  const quote = (start: number, end: number): QuotedSpan => ({ start, end, text: doc.text.slice(start, end) });
  return events
    .filter((event) => typeof event.id === 'string' && typeof event.type === 'string')
    .map((event) => ({
      id: `${doc.id}/${event.id}`,
      document: doc.id,
      event: event.id,
      title: doc.title,
      outlet: doc.outlet?.name ?? null,
      published: doc.published.date,
      type: event.type,
      mode: event.mode ?? null,
      certainty: event.certainty,
      scope: event.scope,
      scope_index: event.scopeIndex ?? null,
      date: event.date === null || event.date === undefined ? null : { start: event.date.start, end: event.date.end, precision: event.date.precision, basis: event.date.basis },
      place:
        event.place === null || event.place === undefined
          ? null
          : {
              name: event.place.name,
              country: event.place.country,
              lat: event.place.lat,
              lon: event.place.lon,
              precision: event.place.precision,
              basis: event.place.basis,
              start: event.place.start,
              end: event.place.end,
            },
      actors: (event.actors ?? []).map(actorItem),
      recipients: (event.recipients ?? []).map(actorItem),
      attribution: { kind: event.attribution.kind, entity: event.attribution.entity, text: event.attribution.text },
      quantities: { participants: event.quantities.participants, fatalities: event.quantities.fatalities, injured: event.quantities.injured },
      acled: event.acled ?? null,
      trigger: quote(event.start, event.end),
      evidence: quote(event.evidence.start, event.evidence.end),
      rank: event.rank,
    }));
}

/** One page of the events matching `filter`, the full items made from their documents. */
export async function queryEvents(index: EventIndex, filter: EventFilter, cursor: string | undefined, limit: number): Promise<KeysetPage<EventItem>> {
  const page = keysetPage(index.rows, eventKey, eventMatcher(filter), cursor, limit);
  const byDoc = new Map<string, Promise<ReadonlyMap<string, EventItem>>>();
  for (const row of page.items) if (!byDoc.has(row.doc)) byDoc.set(row.doc, index.itemsOf(row.doc));
  const items: EventItem[] = [];
  for (const row of page.items) {
    // A document replaced since the index was built is skipped, not invented.
    const item = (await byDoc.get(row.doc))?.get(row.ev);
    if (item !== undefined) items.push(item);
  }
  return { items, next: page.next };
}

/** The sort and cursor key: day (undated last), then document and event id. */
export function eventKey(row: EventRow): string {
  return `${row.d}\u0001${row.doc}\u0001${row.ev}`;
}

/** A predicate for the filter, with the list values prepared once. */
export function eventMatcher(filter: EventFilter): (row: EventRow) => boolean {
  const types = filter.types === undefined ? null : new Set(filter.types.map((type) => type.toUpperCase()));
  const certainties = filter.certainties === undefined ? null : new Set(filter.certainties.map((value) => value.toLowerCase()));
  const scopes = filter.scopes === undefined ? null : new Set(filter.scopes.map((value) => value.toLowerCase()));
  const outlet = filter.outlet?.toLowerCase();
  const actor = filter.actor?.toLowerCase();
  const bounded = filter.since !== undefined || filter.until !== undefined;
  return (row) => {
    if (types !== null && !types.has(row.type)) return false;
    if (certainties !== null && !certainties.has(row.certainty)) return false;
    if (scopes !== null && !scopes.has(row.scope)) return false;
    if (outlet !== undefined && row.outlet !== outlet) return false;
    if (bounded) {
      if (row.d === '~') return false;
      if (filter.since !== undefined && row.e < filter.since) return false;
      if (filter.until !== undefined && row.d > filter.until) return false;
    }
    if (filter.bbox !== undefined && !inBbox(Number.isNaN(row.lat) ? null : { lat: row.lat, lon: row.lon }, filter.bbox)) return false;
    if (actor !== undefined && !actorMatches(row.actors, actor)) return false;
    return true;
  };
}

/** True when a point lies in [west, south, east, north]; a box with west > east crosses the antimeridian. */
export function inBbox(place: { readonly lat: number | null; readonly lon: number | null } | null, bbox: readonly [number, number, number, number]): boolean {
  if (place === null || place.lat === null || place.lon === null) return false;
  const [west, south, east, north] = bbox;
  if (place.lat < south || place.lat > north) return false;
  return west <= east ? place.lon >= west && place.lon <= east : place.lon >= west || place.lon <= east;
}

/** Words inside an actor's or recipient's entity id or text (an exact id is such words too). */
function actorMatches(names: string, query: string): boolean {
  return names.split('\u0001').some((name) => name.includes(query));
}

function actorItem(actor: EventActor): EventActorItem {
  return { id: actor.id, text: actor.text, class: actor.class };
}
