/**
 * The tables as Kysely sees them, shared by both backends. Where the backends store a column
 * differently (booleans, timestamps, JSON), the type admits both and `SqlStore` converts.
 */
import type { ColumnType, SqlBool } from 'kysely';

/** One stored version of a document. */
export interface DocumentsTable {
  readonly id: string;
  readonly sha256: string;
  readonly origin_key: string;
  readonly version: number;
  readonly supersedes: string | null;
  /** SQLite: 0/1; PostgreSQL: boolean. */
  readonly current: SqlBool;
  readonly title: string | null;
  readonly outlet: string | null;
  /** The outlet lower-cased in JavaScript (migration 0002), for case-insensitive filters alike in both backends. */
  readonly outlet_key: string | null;
  readonly published: string | null;
  readonly language: string | null;
  /** SQLite: ISO text; PostgreSQL: timestamptz(3), read as a Date. Always set from the database clock. */
  readonly ingested: ColumnType<string | Date, string, never>;
  /** SQLite: JSON text; PostgreSQL: jsonb, read as an object. Written as JSON text in both. */
  readonly doc: ColumnType<unknown, string, never>;
}

/** Recorded failures, one row per distinct (input, stage, code, message). */
export interface FailuresTable {
  /** Insertion order, the tie-break after first_seen. */
  readonly seq: ColumnType<number | string, never, never>;
  /** sha256 of the four fields: a fixed-size unique key (a btree cannot index long messages). */
  readonly key: string;
  readonly input: string;
  readonly stage: string;
  readonly code: string;
  readonly message: string;
  readonly first_seen: ColumnType<string | Date, string, never>;
}

/** Conditional-GET state per URL. */
export interface FetchStateTable {
  readonly url: string;
  readonly etag: string | null;
  readonly last_modified: string | null;
  readonly fetched: string;
}

/** One coded event of a current document (migration 0002); see event-rows.ts for the fields. */
export interface EventsTable {
  readonly document: string;
  readonly event: string;
  readonly type: string;
  readonly mode: string | null;
  readonly disorder_type: string | null;
  readonly event_type: string | null;
  readonly sub_event_type: string | null;
  readonly certainty: string | null;
  readonly attribution: string | null;
  readonly scope: string | null;
  readonly place_name: string | null;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly place_precision: number | null;
  readonly date_start: string | null;
  readonly date_end: string | null;
  readonly date_precision: number | null;
  /** Sort and window key: the event's first day, else the publication day, else UNDATED. */
  readonly day: string;
  /** The event's last day, else the publication day, else UNDATED. */
  readonly day_end: string;
  readonly outlet: string | null;
  /** The outlet lower-cased (JavaScript's Unicode folding, so both backends compare alike). */
  readonly outlet_key: string | null;
  readonly published: string | null;
  readonly trigger_start: number;
  readonly trigger_end: number;
  /** SQLite: JSON text; PostgreSQL: jsonb, read as an object. Written as JSON text in both. */
  readonly event_json: ColumnType<unknown, string, never>;
}

/** One row (id 1) counting document writes: the store's revision (migration 0002). */
export interface StoreRevisionTable {
  readonly id: number;
  /** PostgreSQL bigint reads as a string. */
  readonly n: ColumnType<number | string, number, number>;
}

/** The store's schema, for Kysely. */
export interface StoreDatabase {
  readonly documents: DocumentsTable;
  readonly events: EventsTable;
  readonly store_revision: StoreRevisionTable;
  readonly failures: FailuresTable;
  readonly fetch_state: FetchStateTable;
}
