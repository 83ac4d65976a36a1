/**
 * The one Store implementation, over Kysely, shared by SQLite and PostgreSQL. A `SqlBackend`
 * supplies what differs: how booleans and timestamps are stored, how a write transaction starts,
 * and full-text search.
 *
 * Many writers, one database: this class keeps no state between calls (no caches, no counters,
 * no in-process locks). Versions, "current" flags and de-duplication rest on unique constraints
 * and transactions in the database, timestamps come from the database clock, so any number of
 * processes on any number of machines may write to one PostgreSQL database at once.
 */
import { createHash } from 'node:crypto';
import { Migrator, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Doc } from '../doc/types.js';
import type { EventSpan } from '../stages/events/event-span.js';
import { eventRowsOf, insertEventRows, UNDATED } from './event-rows.js';
import { storeMigrations } from './migrations/store-migrations.js';
import type { StoreDatabase } from './store-database.js';
import { describeCause, StoreError, StoreErrorCodes } from './store-error.js';
import {
  originKey,
  type DocSummary,
  type EventListOptions,
  type FailureRecord,
  type FetchState,
  type ListOptions,
  type Page,
  type PutResult,
  type SearchHit,
  type Store,
  type StoreStats,
  type StoredEvent,
} from './store.js';

/** What differs between the SQL backends; everything else is shared SQL. */
export interface SqlBackend {
  readonly kind: Store['kind'];
  readonly db: Kysely<StoreDatabase>;
  /** The statement that opens a write transaction (SQLite takes the write lock up front). */
  readonly begin: 'BEGIN' | 'BEGIN IMMEDIATE';
  /** Where Kysely keeps its migration tables (PostgreSQL schema), if not the default. */
  readonly migrationSchema?: string;
  /** The value this backend stores for a boolean. */
  bool(value: boolean): SqlBool;
  /** The database clock, with millisecond precision, as this backend stores timestamps. */
  now(): RawBuilder<string>;
  /** An ISO timestamp as a parameter comparable with stored timestamps. */
  timestampParam(iso: string): Expression<string>;
  /** Full-text search over current documents; `query` holds at least one word. */
  search(query: string, limit: number): Promise<SearchHit[]>;
}

/** Listing page size when none is asked for. */
export const DEFAULT_LIST_LIMIT = 50;
/** The largest listing page. */
export const MAX_LIST_LIMIT = 500;
/** Event listing page size when none is asked for. */
export const DEFAULT_EVENT_LIMIT = 100;
/** The largest event listing page. */
export const MAX_EVENT_LIMIT = 1000;
/** Search hits when no limit is asked for. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** The most search hits returned at once. */
export const MAX_SEARCH_LIMIT = 100;
/** Documents per query while exporting: bounds memory, however large the store. */
export const EXPORT_BATCH = 100;
/** How often putDocument retries after losing a race with another writer. */
const MAX_PUT_ATTEMPTS = 8;

/** The shared Store over a SqlBackend. */
export class SqlStore implements Store {
  readonly kind: Store['kind'];
  readonly #b: SqlBackend;
  readonly #db: Kysely<StoreDatabase>;

  constructor(backend: SqlBackend) {
    this.kind = backend.kind;
    this.#b = backend;
    this.#db = backend.db;
  }

  async migrate(): Promise<void> {
    await this.migrateTo(null);
  }

  /**
   * Runs the migrations up to and including `name` (null: all). Not part of the Store interface:
   * for tests of an upgrade from an older schema, with `database`.
   */
  async migrateTo(name: string | null): Promise<void> {
    const migrator = new Migrator({
      db: this.#db,
      provider: storeMigrations(this.kind),
      ...(this.#b.migrationSchema === undefined ? {} : { migrationTableSchema: this.#b.migrationSchema }),
    });
    const { error, results } = name === null ? await migrator.migrateToLatest() : await migrator.migrateTo(name);
    if (error !== undefined) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new StoreError(
        StoreErrorCodes.E_STORE_MIGRATE,
        `Cannot migrate the ${this.kind} store${failed ? ` (migration "${failed}")` : ''}: ${describeCause(error)}`,
        { cause: error },
      );
    }
  }

  /** The Kysely instance over the store's tables. Not part of the Store interface: for upgrade tests. */
  get database(): Kysely<StoreDatabase> {
    return this.#db;
  }

  async hasContent(sha256: string): Promise<boolean> {
    const row = await this.#db.selectFrom('documents').select('id').where('sha256', '=', sha256).executeTakeFirst();
    return row !== undefined;
  }

  async putDocument(doc: Doc): Promise<PutResult> {
    const json = serialiseDoc(doc);
    const key = originKey(doc);
    // Fast path without the write lock: the same bytes again is the common case on re-runs.
    const known = await this.#bySha(this.#db, doc.origin.sha256);
    if (known !== null) return known;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#write((trx) => this.#put(trx, doc, json, key));
      } catch (error) {
        if (!(error instanceof LostRace)) throw error;
        if (attempt >= MAX_PUT_ATTEMPTS) {
          throw new StoreError(
            StoreErrorCodes.E_STORE_CONFLICT,
            `Gave up storing document "${doc.id}" after ${attempt} attempts: other writers kept changing origin "${key}"`,
          );
        }
      }
    }
  }

  async getDocument(id: string): Promise<Doc | null> {
    const row = await this.#db.selectFrom('documents').select('doc').where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : decodeDoc(row.doc);
  }

  async listDocuments(options: ListOptions = {}): Promise<Page<DocSummary>> {
    const limit = clampLimit(options.limit, DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT);
    const after = options.cursor ? decodeCursor(options.cursor) : null;
    let query = this.#db
      .selectFrom('documents')
      .select(['id', 'title', 'outlet', 'published', 'origin_key', 'version', 'ingested'])
      .orderBy('ingested')
      .orderBy('id')
      .limit(limit + 1);
    if (!options.allVersions) query = query.where('current', '=', this.#b.bool(true));
    if (after !== null) query = query.where(this.#after(after));
    // Dates may carry a time after the day: compare the day. An undated document has no day and
    // so fails any range.
    if (options.since !== undefined) query = query.where(sql<string>`substr(published, 1, 10)`, '>=', options.since);
    if (options.until !== undefined) query = query.where(sql<string>`substr(published, 1, 10)`, '<=', options.until);
    if (options.outlet !== undefined) query = query.where('outlet_key', '=', options.outlet.toLowerCase());
    // Language codes are ASCII, which both backends' lower() folds alike.
    if (options.language !== undefined) query = query.where(sql<string>`lower(language)`, '=', options.language.toLowerCase());
    const rows = await query.execute();
    const items = rows.slice(0, limit).map(
      (r): DocSummary => ({
        id: r.id,
        title: r.title,
        outlet: r.outlet,
        published: r.published,
        origin: r.origin_key,
        version: Number(r.version),
        ingested: isoTimestamp(r.ingested),
      }),
    );
    const last = items.at(-1);
    const next = rows.length > limit && last !== undefined ? encodeCursor({ ingested: last.ingested, id: last.id }) : null;
    return { items, next };
  }

  async listEvents(options: EventListOptions = {}): Promise<Page<StoredEvent>> {
    const limit = clampLimit(options.limit, DEFAULT_EVENT_LIMIT, MAX_EVENT_LIMIT);
    const after = options.after ? decodeEventCursor(options.after) : null;
    let query = this.#db
      .selectFrom('events')
      .selectAll()
      .orderBy('day')
      .orderBy('document')
      .orderBy('event')
      .limit(limit + 1);
    if (after !== null) query = query.where(sql<SqlBool>`(day, document, event) > (${after.day}, ${after.document}, ${after.event})`);
    if (options.since !== undefined || options.until !== undefined) query = query.where('day', '<>', UNDATED);
    if (options.since !== undefined) query = query.where('day_end', '>=', options.since);
    if (options.until !== undefined) query = query.where('day', '<=', options.until);
    const list = (value: string | readonly string[] | undefined): readonly string[] | null =>
      value === undefined ? null : typeof value === 'string' ? [value] : value;
    const types = list(options.type);
    const certainties = list(options.certainty);
    const scopes = list(options.scope);
    // An empty list matches nothing, as an IN () would if SQL allowed one.
    if ([types, certainties, scopes].some((values) => values !== null && values.length === 0)) return { items: [], next: null };
    if (types !== null) query = query.where('type', 'in', types);
    if (certainties !== null) query = query.where('certainty', 'in', certainties);
    if (scopes !== null) query = query.where('scope', 'in', scopes);
    if (options.outlet !== undefined) query = query.where('outlet_key', '=', options.outlet.toLowerCase());
    if (options.bbox !== undefined) {
      const [west, south, east, north] = options.bbox;
      query = query.where('lat', '>=', south).where('lat', '<=', north);
      query =
        west <= east
          ? query.where('lon', '>=', west).where('lon', '<=', east)
          : query.where((eb) => eb.or([eb('lon', '>=', west), eb('lon', '<=', east)]));
    }
    const rows = await query.execute();
    const page = rows.slice(0, limit);
    const items = page.map(
      (r): StoredEvent => ({
        document: r.document,
        event: r.event,
        type: r.type,
        mode: r.mode,
        acled:
          r.disorder_type === null && r.event_type === null && r.sub_event_type === null
            ? null
            : { disorder_type: r.disorder_type ?? '', event_type: r.event_type ?? '', sub_event_type: r.sub_event_type ?? '' },
        certainty: r.certainty,
        attribution: r.attribution,
        scope: r.scope,
        place:
          r.place_name === null && r.lat === null && r.lon === null
            ? null
            : { name: r.place_name, country: r.country, lat: nullableNumber(r.lat), lon: nullableNumber(r.lon), precision: nullableNumber(r.place_precision) },
        date: r.date_start === null ? null : { start: r.date_start, end: r.date_end ?? r.date_start, precision: nullableNumber(r.date_precision) },
        outlet: r.outlet,
        published: r.published,
        trigger: { start: Number(r.trigger_start), end: Number(r.trigger_end) },
        span: (typeof r.event_json === 'string' ? JSON.parse(r.event_json) : r.event_json) as EventSpan,
      }),
    );
    const last = page.at(-1);
    const next = rows.length > limit && last !== undefined ? encodeEventCursor({ day: last.day, document: last.document, event: last.event }) : null;
    return { items, next };
  }

  async revision(): Promise<string> {
    const row = await this.#db.selectFrom('store_revision').select('n').where('id', '=', 1).executeTakeFirst();
    return String(row?.n ?? 0);
  }

  async *exportDocuments(options: { readonly allVersions?: boolean } = {}): AsyncGenerator<Doc> {
    // Keyset batches, not one streaming cursor: no connection (or SQLite's single connection) is
    // held while the consumer works, so it may write to the store between documents.
    let after: Cursor | null = null;
    for (;;) {
      let query = this.#db
        .selectFrom('documents')
        .select(['id', 'ingested', 'doc'])
        .orderBy('ingested')
        .orderBy('id')
        .limit(EXPORT_BATCH);
      if (!options.allVersions) query = query.where('current', '=', this.#b.bool(true));
      if (after !== null) query = query.where(this.#after(after));
      const rows = await query.execute();
      for (const row of rows) yield decodeDoc(row.doc);
      const last = rows.at(-1);
      if (rows.length < EXPORT_BATCH || last === undefined) return;
      after = { ingested: isoTimestamp(last.ingested), id: last.id };
    }
  }

  async search(query: string, options: { readonly limit?: number } = {}): Promise<readonly SearchHit[]> {
    if (!/[\p{L}\p{N}]/u.test(query)) return [];
    return this.#b.search(storableText(query), clampLimit(options.limit, DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT));
  }

  async recordFailure(failure: FailureRecord): Promise<void> {
    // Failure messages quote raw input, which may hold what PostgreSQL text cannot: replace it
    // rather than lose the record.
    const f = {
      input: storableText(failure.input),
      stage: storableText(failure.stage),
      code: storableText(failure.code),
      message: storableText(failure.message),
    };
    const key = createHash('sha256').update(JSON.stringify([f.input, f.stage, f.code, f.message])).digest('hex');
    await this.#db
      .insertInto('failures')
      .values({ key, ...f, first_seen: this.#b.now() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  async listFailures(): Promise<readonly FailureRecord[]> {
    return this.#db
      .selectFrom('failures')
      .select(['input', 'stage', 'code', 'message'])
      .orderBy('first_seen')
      .orderBy('seq')
      .execute();
  }

  async getFetchState(url: string): Promise<FetchState | null> {
    const row = await this.#db
      .selectFrom('fetch_state')
      .select(['url', 'etag', 'last_modified', 'fetched'])
      .where('url', '=', url)
      .executeTakeFirst();
    return row === undefined ? null : { url: row.url, etag: row.etag, lastModified: row.last_modified, fetched: row.fetched };
  }

  async setFetchState(state: FetchState): Promise<void> {
    await this.#db
      .insertInto('fetch_state')
      .values({ url: state.url, etag: state.etag, last_modified: state.lastModified, fetched: state.fetched })
      .onConflict((oc) =>
        oc.column('url').doUpdateSet((eb) => ({
          etag: eb.ref('excluded.etag'),
          last_modified: eb.ref('excluded.last_modified'),
          fetched: eb.ref('excluded.fetched'),
        })),
      )
      .execute();
  }

  async stats(): Promise<StoreStats> {
    const row = await this.#db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('documents')
          .select(eb.fn.countAll().as('n'))
          .where('current', '=', this.#b.bool(true))
          .as('documents'),
        eb.selectFrom('documents').select(eb.fn.countAll().as('n')).as('versions'),
        eb.selectFrom('failures').select(eb.fn.countAll().as('n')).as('failures'),
      ])
      .executeTakeFirstOrThrow();
    return { documents: Number(row.documents), versions: Number(row.versions), failures: Number(row.failures) };
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }

  /** One attempt at storing a document, inside a write transaction. */
  async #put(trx: Kysely<StoreDatabase>, doc: Doc, json: string, key: string): Promise<PutResult> {
    const sha256 = doc.origin.sha256;
    // 1. The same bytes may have been stored since the fast-path check.
    const known = await this.#bySha(trx, sha256);
    if (known !== null) return known;

    // 2. Retire the current version at this origin, if any. Zero rows updated means another
    //    writer retired it first: start again and see what it stored.
    const current = await trx
      .selectFrom('documents')
      .select(['id', 'version'])
      .where('origin_key', '=', key)
      .where('current', '=', this.#b.bool(true))
      .executeTakeFirst();
    if (current !== undefined) {
      const retired = await trx
        .updateTable('documents')
        .set({ current: this.#b.bool(false) })
        .where('id', '=', current.id)
        .where('current', '=', this.#b.bool(true))
        .executeTakeFirst();
      if (Number(retired.numUpdatedRows) !== 1) throw new LostRace();
    }

    // 3. Insert; a unique constraint (id, sha256, origin+version, one current per origin) that
    //    another writer got to first makes this insert nothing rather than throw.
    const version = current === undefined ? 1 : Number(current.version) + 1;
    const supersedes = current?.id ?? null;
    const inserted = await trx
      .insertInto('documents')
      .values({
        id: doc.id,
        sha256,
        origin_key: key,
        version,
        supersedes,
        current: this.#b.bool(true),
        title: doc.title,
        outlet: doc.outlet?.name ?? null,
        outlet_key: doc.outlet?.name?.toLowerCase() ?? null,
        published: doc.published?.date ?? null,
        language: doc.language,
        ingested: this.#b.now(),
        doc: json,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) {
      // 4. Either a broken invariant (this id already names other bytes) or a lost race.
      const clash = await trx.selectFrom('documents').select('sha256').where('id', '=', doc.id).executeTakeFirst();
      if (clash !== undefined && clash.sha256 !== sha256) {
        throw new StoreError(
          StoreErrorCodes.E_STORE_CONFLICT,
          `Document id "${doc.id}" is already stored for other input bytes (sha256 ${clash.sha256}, not ${sha256}): a document id must be derived from its input's sha256`,
        );
      }
      throw new LostRace();
    }

    // 5. The events table holds the current version's events only.
    if (current !== undefined) await trx.deleteFrom('events').where('document', '=', current.id).execute();
    await insertEventRows(trx, eventRowsOf(doc));

    // 6. Count the write, last: in PostgreSQL this row is locked until COMMIT, so concurrent
    //    writers queue on it for the commit only, not for their whole transaction.
    await trx
      .updateTable('store_revision')
      .set({ n: sql<number>`n + 1` })
      .where('id', '=', 1)
      .execute();
    return { outcome: current === undefined ? 'stored' : 'new-version', id: doc.id, version, supersedes };
  }

  async #bySha(db: Kysely<StoreDatabase>, sha256: string): Promise<PutResult | null> {
    const row = await db
      .selectFrom('documents')
      .select(['id', 'version', 'supersedes'])
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row === undefined
      ? null
      : { outcome: 'unchanged', id: row.id, version: Number(row.version), supersedes: row.supersedes };
  }

  /** Runs `body` in a write transaction on one connection: committed if it returns, rolled back if it throws. */
  async #write<T>(body: (trx: Kysely<StoreDatabase>) => Promise<T>): Promise<T> {
    // Kysely's transaction() always says BEGIN; SQLite needs BEGIN IMMEDIATE so that two
    // processes writing one file wait on busy_timeout instead of failing to upgrade a read lock.
    return this.#db.connection().execute(async (conn) => {
      await sql.raw(this.#b.begin).execute(conn);
      let result: T;
      try {
        result = await body(conn);
      } catch (error) {
        await sql.raw('ROLLBACK').execute(conn).catch(() => undefined);
        throw error;
      }
      await sql.raw('COMMIT').execute(conn);
      return result;
    });
  }

  /** Rows strictly after a keyset cursor in (ingested, id) order. */
  #after(cursor: Cursor): RawBuilder<SqlBool> {
    return sql<SqlBool>`(ingested, id) > (${this.#b.timestampParam(cursor.ingested)}, ${cursor.id})`;
  }
}

/** Thrown inside a write transaction when a concurrent writer changed the origin first; the put is retried. */
class LostRace extends Error {
  override readonly name = 'LostRace';
}

interface Cursor {
  readonly ingested: string;
  readonly id: string;
}

interface EventCursor {
  readonly day: string;
  readonly document: string;
  readonly event: string;
}

function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(JSON.stringify(['ev', cursor.day, cursor.document, cursor.event]), 'utf8').toString('base64url');
}

function decodeEventCursor(text: string): EventCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (Array.isArray(value) && value.length === 4 && value[0] === 'ev' && value.slice(1).every((part) => typeof part === 'string')) {
    return { day: value[1] as string, document: value[2] as string, event: value[3] as string };
  }
  throw new StoreError(StoreErrorCodes.E_STORE_CURSOR, `Not an event listing cursor from this store: "${text.slice(0, 80)}"`);
}

function nullableNumber(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.ingested, cursor.id]), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value[0])
  ) {
    return { ingested: value[0], id: value[1] };
  }
  throw new StoreError(StoreErrorCodes.E_STORE_CURSOR, `Not a listing cursor from this store: "${text.slice(0, 80)}"`);
}

function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}

/** A timestamp as read back (ISO text from SQLite, a Date from PostgreSQL) as an ISO string. */
function isoTimestamp(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

function decodeDoc(value: unknown): Doc {
  // SQLite hands back JSON text, PostgreSQL's jsonb arrives parsed.
  return (typeof value === 'string' ? JSON.parse(value) : value) as Doc;
}

/**
 * A JSON escape, after an even run of backslashes, of U+0000 or of a surrogate: JSON.stringify
 * writes paired surrogates as they are, so an escaped one is always lone.
 */
const UNSTORABLE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/;

/** The Doc's JSON, refusing what no backend can keep exactly (PostgreSQL's jsonb rejects both). */
function serialiseDoc(doc: Doc): string {
  if (typeof doc?.id !== 'string' || doc.id === '' || typeof doc.origin?.sha256 !== 'string' || doc.origin.sha256 === '') {
    throw new StoreError(StoreErrorCodes.E_STORE_VALUE, 'Cannot store a document without an id and origin.sha256');
  }
  const json = JSON.stringify(doc);
  const bad = UNSTORABLE_ESCAPE.exec(json);
  if (bad !== null) {
    const context = json.slice(Math.max(0, bad.index - 40), bad.index + bad[0].length + 20);
    throw new StoreError(
      StoreErrorCodes.E_STORE_VALUE,
      `Cannot store document "${doc.id}": it holds U+0000 or a lone surrogate, which PostgreSQL cannot keep, near …${context}…`,
    );
  }
  return json;
}

/** Text with U+0000 and lone surrogates replaced by U+FFFD, so every backend keeps it the same. */
function storableText(text: string): string {
  return text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
