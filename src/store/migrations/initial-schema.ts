/**
 * Migration 0001: documents (versioned per origin, unique per input bytes), failures, fetch state,
 * and full-text search (FTS5 in SQLite, a generated tsvector with a GIN index in PostgreSQL).
 *
 * Written as SQL per dialect rather than with the schema builder: the two differ in exactly the
 * parts that matter (row ids, booleans, timestamps, JSON, full-text search), and plain DDL is
 * easier to review than builder calls.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Store } from '../store.js';

/** Characters of text indexed for search in PostgreSQL: a tsvector holds at most 1 MB, far beyond a news article. */
export const PG_SEARCH_TEXT_CHARS = 250_000;

/** The initial schema for one backend. */
export function initialSchema(kind: Store['kind']): Migration {
  return kind === 'sqlite' ? sqliteInitial : postgresInitial;
}

const sqliteInitial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // `seq` aliases the rowid so the FTS5 rows can point at documents by a stable integer
    // (an implicit rowid may be renumbered by VACUUM).
    await sql`
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL UNIQUE,
        origin_key TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        supersedes TEXT REFERENCES documents (id),
        current INTEGER NOT NULL CHECK (current IN (0, 1)),
        title TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        ingested TEXT NOT NULL,
        doc TEXT NOT NULL,
        UNIQUE (origin_key, version)
      )`.execute(db);
    // At most one current version per origin, whatever the writers do.
    await sql`CREATE UNIQUE INDEX documents_one_current ON documents (origin_key) WHERE current = 1`.execute(db);
    await sql`CREATE INDEX documents_ingested ON documents (ingested, id)`.execute(db);
    await sql`CREATE INDEX documents_current_ingested ON documents (ingested, id) WHERE current = 1`.execute(db);

    // The index holds current versions only, so search needs no filter and stays small.
    // Triggers keep it in step inside the writing transaction.
    await sql`
      CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title, text, tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
    const add = sql.raw(
      `INSERT INTO documents_fts (rowid, title, text)
       VALUES (new.seq, coalesce(new.title, ''), coalesce(json_extract(new.doc, '$.text'), ''));`,
    );
    const remove = sql.raw(`DELETE FROM documents_fts WHERE rowid = old.seq;`);
    await sql`CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents WHEN new.current = 1
      BEGIN ${add} END`.execute(db);
    await sql`CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents WHEN old.current = 1
      BEGIN ${remove} END`.execute(db);
    await sql`CREATE TRIGGER documents_fts_update AFTER UPDATE OF current, title, doc ON documents
      BEGIN ${remove} INSERT INTO documents_fts (rowid, title, text)
        SELECT new.seq, coalesce(new.title, ''), coalesce(json_extract(new.doc, '$.text'), '')
        WHERE new.current = 1; END`.execute(db);

    await sql`
      CREATE TABLE failures (
        seq INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        input TEXT NOT NULL,
        stage TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        first_seen TEXT NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX failures_first_seen ON failures (first_seen, seq)`.execute(db);

    await sql`
      CREATE TABLE fetch_state (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        fetched TEXT NOT NULL
      )`.execute(db);
  },
};

const postgresInitial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // Title weighs A and text B, so ts_rank puts title matches first. The tsvector is generated,
    // so no writer (in any process, on any machine) can forget to maintain it.
    await sql`
      CREATE TABLE documents (
        id text PRIMARY KEY,
        sha256 text NOT NULL UNIQUE,
        origin_key text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        supersedes text REFERENCES documents (id),
        current boolean NOT NULL,
        title text,
        outlet text,
        published text,
        language text,
        ingested timestamptz(3) NOT NULL DEFAULT now(),
        doc jsonb NOT NULL,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
          setweight(to_tsvector('simple'::regconfig, left(coalesce(doc ->> 'text', ''), ${sql.lit(PG_SEARCH_TEXT_CHARS)})), 'B')
        ) STORED,
        UNIQUE (origin_key, version)
      )`.execute(db);
    await sql`CREATE UNIQUE INDEX documents_one_current ON documents (origin_key) WHERE current`.execute(db);
    await sql`CREATE INDEX documents_ingested ON documents (ingested, id)`.execute(db);
    await sql`CREATE INDEX documents_current_ingested ON documents (ingested, id) WHERE current`.execute(db);
    await sql`CREATE INDEX documents_search ON documents USING gin (search) WHERE current`.execute(db);

    await sql`
      CREATE TABLE failures (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key text NOT NULL UNIQUE,
        input text NOT NULL,
        stage text NOT NULL,
        code text NOT NULL,
        message text NOT NULL,
        first_seen timestamptz(3) NOT NULL DEFAULT now()
      )`.execute(db);
    await sql`CREATE INDEX failures_first_seen ON failures (first_seen, seq)`.execute(db);

    await sql`
      CREATE TABLE fetch_state (
        url text PRIMARY KEY,
        etag text,
        last_modified text,
        fetched text NOT NULL
      )`.execute(db);
  },
};
