/**
 * A document's coded events (its `events` layer) as rows of the store's `events` table: the
 * fields listings filter and sort on, next to the event's own JSON. The write path
 * (SqlStore.putDocument) and the migration that backfills an older store both use this, so a row
 * is the same whichever wrote it.
 */
import type { Kysely } from 'kysely';
import type { Doc } from '../doc/types.js';
import type { EventSpan } from '../stages/events/event-span.js';
import type { EventsTable, StoreDatabase } from './store-database.js';

/** The sort day of an event with no day of its own and an undated document: after every date. */
export const UNDATED = '~';

/** One row of the events table, as written (numbers, text, JSON text). */
export type EventRowValues = Omit<EventsTable, 'event_json'> & { readonly event_json: string };

/**
 * The rows of a document's events. Events without a string id and type are left out (as the API
 * does), and so is a repeated id after its first event: the table's key is (document, event).
 * Every field is read defensively: documents stored by older stage versions may lack some.
 */
export function eventRowsOf(doc: Doc): EventRowValues[] {
  const events = (doc.layers?.events ?? []) as readonly Partial<EventSpan>[];
  if (!Array.isArray(events) || events.length === 0) return [];
  const published = typeof doc.published?.date === 'string' ? doc.published.date : null;
  const publishedDay = published?.slice(0, 10) ?? null;
  const outlet = typeof doc.outlet?.name === 'string' ? doc.outlet.name : null;
  const seen = new Set<string>();
  const rows: EventRowValues[] = [];
  for (const event of events) {
    if (event === null || typeof event !== 'object' || typeof event.id !== 'string' || typeof event.type !== 'string') continue;
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const date = event.date ?? null;
    const place = event.place ?? null;
    const dateStart = text(date?.start);
    const dateEnd = text(date?.end) ?? dateStart;
    rows.push({
      document: doc.id,
      event: event.id,
      type: event.type,
      mode: text(event.mode),
      disorder_type: text(event.acled?.disorder_type),
      event_type: text(event.acled?.event_type),
      sub_event_type: text(event.acled?.sub_event_type),
      certainty: text(event.certainty),
      attribution: text(event.attribution?.kind),
      scope: text(event.scope),
      place_name: text(place?.name),
      country: text(place?.country),
      lat: finite(place?.lat),
      lon: finite(place?.lon),
      place_precision: finite(place?.precision),
      date_start: dateStart,
      date_end: dateEnd,
      date_precision: finite(date?.precision),
      day: dateStart ?? publishedDay ?? UNDATED,
      day_end: dateEnd ?? publishedDay ?? UNDATED,
      outlet,
      outlet_key: outlet?.toLowerCase() ?? null,
      published,
      trigger_start: finite(event.start) ?? 0,
      trigger_end: finite(event.end) ?? 0,
      event_json: JSON.stringify(event),
    });
  }
  return rows;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Rows per INSERT: 27 parameters a row stays far below both backends' parameter limits. */
const INSERT_CHUNK = 200;

/** Inserts event rows (in the caller's transaction); rows already there are left as they are. */
export async function insertEventRows(db: Kysely<StoreDatabase>, rows: readonly EventRowValues[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insertInto('events')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(['document', 'event']).doNothing())
      .execute();
  }
}
