/**
 * Filtered, paginated document listings over the Store interface.
 *
 * The Store lists current documents in (ingested, id) order with opaque keyset cursors and filters
 * them by publication day, outlet and language itself, so a listing without a full-text query is
 * one store page. A full-text query (`q`) narrows the listing to the store's best matches, which
 * the Store cannot join to a listing: for that case only, walk the store's (already filtered)
 * pages, keep the matching rows, and stop at a page's worth or at a scan budget.
 */
import type { DocSummary, ListOptions, Page, Store } from '../store/store.js';
import { ApiError } from './api-error.js';

/** What a listing may be restricted to; every field is optional and they combine with AND. */
export interface DocumentFilter {
  /** Published on or after this date (YYYY-MM-DD); undated documents are left out. */
  readonly since?: string | undefined;
  /** Published on or before this date (YYYY-MM-DD); undated documents are left out. */
  readonly until?: string | undefined;
  /** Outlet name, compared case-insensitively. */
  readonly outlet?: string | undefined;
  /** Language code as the document records it. */
  readonly language?: string | undefined;
  /** Full-text query: only documents among the store's best matches for it. */
  readonly q?: string | undefined;
}

/** Options for queryDocuments. */
export interface QueryDocumentsOptions {
  readonly cursor?: string | null | undefined;
  /** Page size (default 50). */
  readonly limit?: number | undefined;
  /**
   * With `q`: most store rows one call looks at before it returns what it has with a cursor to go
   * on, so a query that matches little must not turn one request into a scan of the whole store.
   */
  readonly scanBudget?: number | undefined;
}

/** Default page size. */
export const DEFAULT_PAGE_SIZE = 50;
/** Default scan budget per call. */
export const DEFAULT_SCAN_BUDGET = 5_000;
/** Full-text matches considered for `q` (the store's own cap on one search). */
export const MAX_QUERY_MATCHES = 100;
/** Rows fetched from the store at a time while filtering. */
const SCAN_PAGE = 200;

/** Lists current documents matching `filter`, a page at a time; `next` is null at the end. */
export async function queryDocuments(
  store: Store,
  filter: DocumentFilter,
  options: QueryDocumentsOptions = {},
): Promise<Page<DocSummary>> {
  const limit = options.limit ?? DEFAULT_PAGE_SIZE;
  const budget = options.scanBudget ?? DEFAULT_SCAN_BUDGET;
  const start = options.cursor ? decodeCursor(options.cursor) : { page: null, after: null };

  const where: StoreFilter = {
    ...(filter.since === undefined ? {} : { since: filter.since }),
    ...(filter.until === undefined ? {} : { until: filter.until }),
    ...(filter.outlet === undefined ? {} : { outlet: filter.outlet }),
    ...(filter.language === undefined ? {} : { language: filter.language }),
  };

  // 1. No full-text query: the store's own (filtered) pages, as they are.
  if (filter.q === undefined && start.after === null) {
    const page = await storePage(store, start.page, limit, where);
    return { items: page.items, next: page.next === null ? null : encodeCursor({ page: page.next, after: null }) };
  }

  // 2. The candidates a full-text query allows, once per call.
  const matching = filter.q === undefined ? null : await matchingIds(store, filter.q);
  const items: DocSummary[] = [];
  let pageCursor = start.page;
  let after = start.after;
  let scanned = 0;
  for (;;) {
    const page = await storePage(store, pageCursor, SCAN_PAGE, where);
    // 3. Resume inside the page after the last row returned. Rows are in (ingested, id) order, so
    //    a row retired since (a new version arrived) cannot make this skip or repeat another.
    const rows = after === null ? page.items : page.items.filter((row) => isAfter(row, after as Position));
    for (const [index, row] of rows.entries()) {
      scanned += 1;
      if (matching === null || matching.has(row.id)) items.push(row);
      const more = index < rows.length - 1 || page.next !== null;
      if (!more) return { items, next: null };
      // 4. A full page, or out of budget: hand back what there is, and where to go on from.
      if (items.length === limit || scanned >= budget) {
        return { items, next: encodeCursor({ page: pageCursor, after: { ingested: row.ingested, id: row.id } }) };
      }
    }
    if (page.next === null) return { items, next: null };
    pageCursor = page.next;
    after = null;
  }
}

/** True when any filter field is set. */
export function hasFilter(filter: DocumentFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined);
}

interface Position {
  readonly ingested: string;
  readonly id: string;
}

interface Cursor {
  /** The store cursor of the page to read (null: the first). */
  readonly page: string | null;
  /** The last row returned, inside that page. */
  readonly after: Position | null;
}

function isAfter(row: DocSummary, position: Position): boolean {
  return row.ingested > position.ingested || (row.ingested === position.ingested && row.id > position.id);
}

/** The filters the Store applies itself. */
type StoreFilter = Pick<ListOptions, 'since' | 'until' | 'outlet' | 'language'>;

async function storePage(store: Store, cursor: string | null, limit: number, where: StoreFilter): Promise<Page<DocSummary>> {
  try {
    return await store.listDocuments({ ...where, cursor, limit });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'E_STORE_CURSOR') throw badCursor(error);
    throw error;
  }
}

async function matchingIds(store: Store, q: string): Promise<ReadonlySet<string>> {
  const hits = await store.search(q, { limit: MAX_QUERY_MATCHES });
  return new Set(hits.map((hit) => hit.id));
}

function encodeCursor(cursor: Cursor): string {
  const after = cursor.after === null ? null : [cursor.after.ingested, cursor.after.id];
  return Buffer.from(JSON.stringify([cursor.page, after]), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 2) {
    const [page, after] = value as [unknown, unknown];
    const pageOk = page === null || typeof page === 'string';
    if (pageOk && after === null) return { page: page as string | null, after: null };
    if (pageOk && Array.isArray(after) && after.length === 2 && after.every((part) => typeof part === 'string')) {
      return { page: page as string | null, after: { ingested: after[0] as string, id: after[1] as string } };
    }
  }
  throw badCursor();
}

function badCursor(cause?: unknown): ApiError {
  return new ApiError(400, 'bad-cursor', 'Not a cursor this API handed out: pass the `next` value of the previous page as it is', {
    cause,
  });
}
