/**
 * Migration 0002: the `events` table (one row per coded event of each current document, kept by
 * putDocument in the same transaction as the document), `documents.outlet_key` for
 * case-insensitive outlet filters, and `store_revision`, a one-row counter of document writes.
 *
 * An existing store is upgraded here, not lazily: the events of its current documents are read
 * from their stored layers and written in this migration (in batches, inside the migration's one
 * transaction), so after `migrate()` the table is complete and `listEvents` never has to ask
 * whether it is. That reads every current document once: about as long as one API store scan.
 *
 * The backfill uses today's `eventRowsOf`; should the row's shape change later, that change
 * comes with a migration of its own that rebuilds the rows, and this one must still run first on
 * an old store (so keep `eventRowsOf`'s columns a superset of the ones created here).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Doc } from '../../doc/types.js';
import { eventRowsOf, insertEventRows } from '../event-rows.js';
import type { StoreDatabase } from '../store-database.js';
import type { Store } from '../store.js';

/** Documents read at a time while backfilling. */
const BACKFILL_BATCH = 100;

/** The events migration for one backend. */
export function eventsTable(kind: Store['kind']): Migration {
  return kind === 'sqlite' ? sqliteEvents : postgresEvents;
}

const sqliteEvents: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // Kysely runs SQLite migrations outside a transaction (no transactional DDL flag): take the
    // write lock for the whole upgrade, so it happens entirely or not at all.
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      // Done already (committed, then the process stopped before Kysely recorded it, or another
      // process migrated this file while this one waited for the lock): nothing to do.
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'store_revision'`.execute(db);
      if (Number(rows[0]?.n ?? 0) > 0) {
        await sql`COMMIT`.execute(db);
        return;
      }
      await sql`ALTER TABLE documents ADD COLUMN outlet_key TEXT`.execute(db);
      await sql`CREATE INDEX documents_current_outlet ON documents (outlet_key, ingested, id) WHERE current = 1`.execute(db);
      await sql`
        CREATE TABLE events (
          document TEXT NOT NULL REFERENCES documents (id),
          event TEXT NOT NULL,
          type TEXT NOT NULL,
          mode TEXT,
          disorder_type TEXT,
          event_type TEXT,
          sub_event_type TEXT,
          certainty TEXT,
          attribution TEXT,
          scope TEXT,
          place_name TEXT,
          country TEXT,
          lat REAL,
          lon REAL,
          place_precision INTEGER,
          date_start TEXT,
          date_end TEXT,
          date_precision INTEGER,
          day TEXT NOT NULL,
          day_end TEXT NOT NULL,
          outlet TEXT,
          outlet_key TEXT,
          published TEXT,
          trigger_start INTEGER NOT NULL,
          trigger_end INTEGER NOT NULL,
          event_json TEXT NOT NULL,
          PRIMARY KEY (document, event)
        )`.execute(db);
      await eventIndexes(db);
      await sql`CREATE TABLE store_revision (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)`.execute(db);
      await backfill(db as Kysely<StoreDatabase>, 1);
      await sql`COMMIT`.execute(db);
    } catch (error) {
      await sql`ROLLBACK`.execute(db).catch(() => undefined);
      throw error;
    }
  },
};

const postgresEvents: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // Already inside the migrator's transaction. The sort keys compare in code-point order
    // (COLLATE "C"), as the cursor and the API's in-memory order do, whatever the server's locale.
    await sql`ALTER TABLE documents ADD COLUMN outlet_key text`.execute(db);
    await sql`CREATE INDEX documents_current_outlet ON documents (outlet_key, ingested, id) WHERE current`.execute(db);
    await sql`
      CREATE TABLE events (
        document text COLLATE "C" NOT NULL REFERENCES documents (id),
        event text COLLATE "C" NOT NULL,
        type text NOT NULL,
        mode text,
        disorder_type text,
        event_type text,
        sub_event_type text,
        certainty text,
        attribution text,
        scope text,
        place_name text,
        country text,
        lat double precision,
        lon double precision,
        place_precision integer,
        date_start text,
        date_end text,
        date_precision integer,
        day text COLLATE "C" NOT NULL,
        day_end text COLLATE "C" NOT NULL,
        outlet text,
        outlet_key text,
        published text,
        trigger_start integer NOT NULL,
        trigger_end integer NOT NULL,
        event_json jsonb NOT NULL,
        PRIMARY KEY (document, event)
      )`.execute(db);
    await eventIndexes(db);
    await sql`CREATE TABLE store_revision (id integer PRIMARY KEY CHECK (id = 1), n bigint NOT NULL)`.execute(db);
    await backfill(db as Kysely<StoreDatabase>, true);
  },
};

/** Indexes for listEvents' order and its selective filters (certainty and scope have a handful of values: no index). */
async function eventIndexes(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX events_order ON events (day, document, event)`.execute(db);
  await sql`CREATE INDEX events_type ON events (type, day, document, event)`.execute(db);
  await sql`CREATE INDEX events_outlet ON events (outlet_key, day, document, event)`.execute(db);
  await sql`CREATE INDEX events_day_end ON events (day_end)`.execute(db);
  await sql`CREATE INDEX events_place ON events (lat, lon) WHERE lat IS NOT NULL`.execute(db);
}

/** Fills outlet_key, the events of every current document, and the revision counter. */
async function backfill(db: Kysely<StoreDatabase>, current: 1 | true): Promise<void> {
  // A store holds few outlets: one UPDATE per distinct name.
  const outlets = await db.selectFrom('documents').select('outlet').distinct().where('outlet', 'is not', null).execute();
  for (const { outlet } of outlets) {
    if (outlet === null) continue;
    await db.updateTable('documents').set({ outlet_key: outlet.toLowerCase() }).where('outlet', '=', outlet).execute();
  }

  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('documents')
      .select(['id', 'doc'])
      .where('current', '=', current)
      .orderBy('id')
      .limit(BACKFILL_BATCH);
    if (after !== null) query = query.where('id', '>', after);
    const rows = await query.execute();
    for (const row of rows) {
      const doc = (typeof row.doc === 'string' ? JSON.parse(row.doc) : row.doc) as Doc;
      await insertEventRows(db, eventRowsOf(doc));
    }
    const last = rows.at(-1);
    if (rows.length < BACKFILL_BATCH || last === undefined) break;
    after = last.id;
  }

  // Any start value does: the revision only has to change. Starting at the number of stored
  // versions keeps it growing with the store's history.
  await sql`INSERT INTO store_revision (id, n) SELECT 1, count(*) FROM documents`.execute(db);
}
