/**
 * The store's migrations, given in code (no directory scan, so they bundle and work from `dist/`),
 * each chosen for its dialect. Names sort in the order they run; never rename or reorder one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import type { Store } from '../store.js';
import { eventsTable } from './events-table.js';
import { initialSchema } from './initial-schema.js';

/** The migrations for one backend, by name. */
export function storeMigrations(kind: Store['kind']): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-initial-schema': initialSchema(kind),
    '0002-events-table': eventsTable(kind),
  };
  return { getMigrations: async () => migrations };
}
