/**
 * Opens the store a URL names: `postgres://` or `postgresql://` is PostgreSQL, any other string
 * a SQLite file path (`:memory:` for a throw-away store).
 */
import { openPostgresStore, redactUrl } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import { StoreError, StoreErrorCodes } from './store-error.js';
import type { Store } from './store.js';

/** Options for openStore. */
export interface OpenStoreOptions {
  /** Create or upgrade the schema on open (default true). */
  readonly migrate?: boolean;
  /** PostgreSQL only: keep every table in this schema (lower-case identifier), created if missing. */
  readonly schema?: string;
  /** PostgreSQL only: connections in this process's pool (default 10). */
  readonly maxConnections?: number;
}

/** Opens (and by default migrates) the store at a postgres:// URL or a SQLite path. */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    if (!URL.canParse(url)) {
      throw new StoreError(StoreErrorCodes.E_STORE_URL, `Not a valid PostgreSQL URL: "${redactUrl(url)}"`);
    }
    return openPostgresStore(url, options);
  }
  // Any other scheme is a mistake, not a file name: "mysql://x" would otherwise quietly become
  // a SQLite file in a folder called "mysql:".
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (scheme !== undefined) {
    throw new StoreError(
      StoreErrorCodes.E_STORE_URL,
      `Unsupported store URL scheme "${scheme}:" in "${redactUrl(url)}": use postgres://… or a SQLite file path`,
    );
  }
  if (url === '') throw new StoreError(StoreErrorCodes.E_STORE_URL, 'No store given: use postgres://… or a SQLite file path');
  return openSqliteStore(url, options);
}
