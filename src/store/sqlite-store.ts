/**
 * The embedded store: one SQLite file (or `:memory:`) through better-sqlite3, in WAL mode so
 * readers do not wait on the writer, with FTS5 for search.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqlBool } from 'kysely';
import { SqlStore, type SqlBackend } from './sql-store.js';
import type { StoreDatabase } from './store-database.js';
import { describeCause, StoreError, StoreErrorCodes } from './store-error.js';
import { sqliteFtsQuery } from './sqlite-fts-query.js';
import type { SearchHit, Store } from './store.js';

/** How long a writer waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/** Opens (creating if needed) a SQLite store at a file path or `:memory:`. */
export async function openSqliteStore(path: string, options: { readonly migrate?: boolean } = {}): Promise<Store> {
  let database: Database.Database;
  try {
    database = new Database(path);
    database.pragma('journal_mode = WAL');
    // WAL makes NORMAL durable across application crashes; only a power cut can lose the last commits.
    database.pragma('synchronous = NORMAL');
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw new StoreError(StoreErrorCodes.E_STORE_CONNECT, `Cannot open SQLite database "${path}": ${describeCause(error)}`, {
      cause: error,
    });
  }
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database }) });
  const store = new SqlStore(sqliteBackend(db));
  if (options.migrate ?? true) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

function sqliteBackend(db: Kysely<StoreDatabase>): SqlBackend {
  return {
    kind: 'sqlite',
    db,
    begin: 'BEGIN IMMEDIATE',
    bool: (value: boolean): SqlBool => (value ? 1 : 0),
    // Same shape as Date.prototype.toISOString, so stored text sorts and compares as time.
    now: () => sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    timestampParam: (iso: string) => sql<string>`${iso}`,
    search: (query, limit) => searchSqlite(db, query, limit),
  };
}

async function searchSqlite(db: Kysely<StoreDatabase>, query: string, limit: number): Promise<SearchHit[]> {
  const match = sqliteFtsQuery(query);
  if (match === null) return [];
  // bm25 is lower-is-better; the title column weighs ten times the text. Negated, so rank is
  // higher-is-better in both backends. The FTS table holds current versions only.
  const { rows } = await sql<{ id: string; title: string | null; snippet: string; rank: number }>`
    SELECT d.id, d.title,
           snippet(documents_fts, -1, '«', '»', '…', 24) AS snippet,
           -bm25(documents_fts, 10.0, 1.0) AS rank
    FROM documents_fts
    JOIN documents AS d ON d.seq = documents_fts.rowid
    WHERE documents_fts MATCH ${match} AND d.current = 1
    ORDER BY bm25(documents_fts, 10.0, 1.0), d.id
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, title: r.title, snippet: r.snippet ?? '', rank: Number(r.rank) }));
}
