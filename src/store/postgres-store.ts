/**
 * The shared store: PostgreSQL through a pg Pool, with a generated tsvector and a GIN index for
 * search.
 *
 * Ready for many worker processes on many machines writing to one database: nothing here (or in
 * SqlStore) is process-local state. De-duplication and versioning rest on unique constraints and
 * per-call transactions, timestamps come from the server clock (`now()`), the search vector is a
 * generated column, and Kysely's migrator takes a PostgreSQL advisory lock so concurrent
 * `migrate()` calls run the migrations once.
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type SqlBool } from 'kysely';
import { PG_SEARCH_TEXT_CHARS } from './migrations/initial-schema.js';
import { SqlStore, type SqlBackend } from './sql-store.js';
import type { StoreDatabase } from './store-database.js';
import { describeCause, StoreError, StoreErrorCodes } from './store-error.js';
import type { SearchHit, Store } from './store.js';

/** Options for a PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Create or upgrade the schema on open (default true). */
  readonly migrate?: boolean;
  /** Keep every table in this schema (created if missing) instead of the connection's default. */
  readonly schema?: string;
  /** Connections in this process's pool (default 10). */
  readonly maxConnections?: number;
}

/** How long to wait for a connection before reporting the server unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

/** Opens a PostgreSQL store at a postgres:// URL. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const shown = redactUrl(url);
  const schema = options.schema;
  // Lower case only: search_path folds unquoted names to lower case, CREATE SCHEMA "x" does not.
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreError(
      StoreErrorCodes.E_STORE_URL,
      `Not a usable PostgreSQL schema name: "${schema}" (lower-case letters, digits and _ only)`,
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'sitrep',
    // A startup parameter rather than a SET after connecting: every pooled connection has it
    // before its first query, with no extra round trip.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, that would
  // crash the process. The pool discards the connection and the next query reports the problem.
  pool.on('error', () => undefined);

  let tablesSchema: string;
  try {
    if (schema !== undefined) await ensureSchema(pool, schema);
    // Kysely's migrator must be told where the tables live: by default it would accept its
    // bookkeeping table from any schema in the database.
    const { rows } = await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    tablesSchema = rows[0]?.schema ?? 'public';
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreError(
      StoreErrorCodes.E_STORE_CONNECT,
      `Cannot connect to PostgreSQL at ${shown}: ${describeCause(error)}`,
      { cause: error },
    );
  }

  const db = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
  const store = new SqlStore(postgresBackend(db, tablesSchema));
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

/** The URL with any password replaced by ***, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}

async function ensureSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two processes creating the schema at once: IF NOT EXISTS can still lose the race.
    const { rowCount } = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (rowCount !== 1) throw error;
  }
}

function postgresBackend(db: Kysely<StoreDatabase>, schema: string): SqlBackend {
  return {
    kind: 'postgres',
    db,
    begin: 'BEGIN',
    migrationSchema: schema,
    bool: (value: boolean): SqlBool => value,
    now: () => sql<string>`now()`,
    timestampParam: (iso: string) => sql<string>`cast(${iso} as timestamptz)`,
    search: (query, limit) => searchPostgres(db, query, limit),
  };
}

async function searchPostgres(db: Kysely<StoreDatabase>, query: string, limit: number): Promise<SearchHit[]> {
  // websearch_to_tsquery never raises a syntax error, whatever the input. Headlines are made
  // for the page of hits only: ts_headline re-parses the whole text.
  const { rows } = await sql<{ id: string; title: string | null; snippet: string | null; rank: number }>`
    WITH q AS (SELECT websearch_to_tsquery('simple', ${query}) AS q),
    hits AS (
      SELECT d.id, d.title, d.doc, ts_rank(d.search, q.q) AS rank
      FROM documents AS d, q
      WHERE d.current AND d.search @@ q.q
      ORDER BY rank DESC, d.id
      LIMIT ${limit}
    )
    SELECT hits.id, hits.title, hits.rank,
           ts_headline('simple', left(coalesce(hits.doc ->> 'text', ''), ${sql.lit(PG_SEARCH_TEXT_CHARS)}), q.q,
             'StartSel=«, StopSel=», MinWords=12, MaxWords=30, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
    FROM hits, q
    ORDER BY hits.rank DESC, hits.id`.execute(db);
  return rows.map((r) => ({ id: r.id, title: r.title, snippet: r.snippet ?? '', rank: Number(r.rank) }));
}
