/**
 * Outlets with their document counts. The Store has no aggregate for this yet, so it walks the
 * listing (summaries only, never whole documents); a `GROUP BY outlet` in the store should
 * replace it once stores are large.
 */
import type { Store } from '../store/store.js';

/** One outlet and its current documents. */
export interface SourceCount {
  /** The outlet's name as documents record it; null for documents with no known outlet. */
  readonly outlet: string | null;
  readonly documents: number;
  /** Earliest and latest known publication dates (YYYY-MM-DD) among them. */
  readonly first_published: string | null;
  readonly last_published: string | null;
}

/** Rows read from the store at a time. */
const PAGE = 500;

/** Counts current documents per outlet, most documents first, then by name (unknown outlet last). */
export async function countSources(store: Store): Promise<readonly SourceCount[]> {
  const counts = new Map<string | null, { documents: number; first: string | null; last: string | null }>();
  let cursor: string | null = null;
  do {
    const page = await store.listDocuments({ cursor, limit: PAGE });
    for (const row of page.items) {
      const entry = counts.get(row.outlet) ?? { documents: 0, first: null, last: null };
      entry.documents += 1;
      const date = row.published?.slice(0, 10) ?? null;
      if (date !== null) {
        if (entry.first === null || date < entry.first) entry.first = date;
        if (entry.last === null || date > entry.last) entry.last = date;
      }
      counts.set(row.outlet, entry);
    }
    cursor = page.next;
  } while (cursor !== null);
  return [...counts.entries()]
    .map(([outlet, c]) => ({ outlet, documents: c.documents, first_published: c.first, last_published: c.last }))
    .sort(
      (a, b) =>
        Number(a.outlet === null) - Number(b.outlet === null) ||
        b.documents - a.documents ||
        (a.outlet ?? '').localeCompare(b.outlet ?? ''),
    );
}
