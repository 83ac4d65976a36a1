/**
 * Values derived from the whole store (the flattened events, the story index) built once per store
 * revision and shared by every request until the store changes.
 *
 * The revision is the Store's own (`Store.revision()`, a counter of document writes kept in the
 * writing transaction): one indexed row read, yet still a round trip, so it is memoised for a
 * short time; writes through this API drop the memo at once. A write by another process (a CLI
 * ingest into the same database) shows within `ttlMs`.
 */
import type { Store } from '../store/store.js';

/** Options for createRevisionCache. */
export interface RevisionCacheOptions {
  /** How long a revision read from the store is trusted, in ms (default 1000; 0 reads it every time). */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** A derived value and the revision it was built at. */
export interface Derived<T> {
  readonly value: T;
  readonly revision: string;
}

/** A cache of store-wide derived values, one per name, rebuilt when the store's revision changes. */
export interface RevisionCache {
  /** The store's current revision (opaque, e.g. `"60"`). */
  revision(): Promise<string>;
  /** The value for `name` at the current revision; concurrent callers share one build. */
  get<T>(name: string, build: (store: Store) => Promise<T>): Promise<Derived<T>>;
  /** Forgets the memoised revision (call after a write), so the next read sees the change. */
  invalidate(): void;
  /** How many builds ran, by name: for tests and the bench to show that requests reuse them. */
  builds(name: string): number;
}

/** Creates a revision cache over a store. */
export function createRevisionCache(store: Store, options: RevisionCacheOptions = {}): RevisionCache {
  const ttlMs = options.ttlMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  let memo: { readonly revision: Promise<string>; readonly at: number } | null = null;
  const entries = new Map<string, { readonly revision: string; readonly value: Promise<unknown> }>();
  const counts = new Map<string, number>();

  const revision = (): Promise<string> => {
    const at = now();
    if (memo === null || at - memo.at >= ttlMs) {
      const read = store.revision();
      memo = { revision: read, at };
      // A failed read is not memoised: the next request tries again.
      read.catch(() => {
        if (memo?.revision === read) memo = null;
      });
    }
    return memo.revision;
  };

  return {
    revision,
    async get<T>(name: string, build: (store: Store) => Promise<T>): Promise<Derived<T>> {
      const current = await revision();
      const entry = entries.get(name);
      if (entry !== undefined && entry.revision === current) return { value: (await entry.value) as T, revision: current };
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const value = build(store);
      entries.set(name, { revision: current, value });
      // A failed build is dropped, so one bad moment does not poison the revision.
      value.catch(() => {
        if (entries.get(name)?.value === value) entries.delete(name);
      });
      return { value: await value, revision: current };
    },
    invalidate() {
      memo = null;
    },
    builds(name) {
      return counts.get(name) ?? 0;
    },
  };
}
