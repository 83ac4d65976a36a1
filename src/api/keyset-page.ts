/**
 * Cursor pagination over an in-memory list sorted by a string key: the cursor names the last key
 * handed out, so a page boundary holds when the list is rebuilt for a newer store revision (items
 * added since land in their place by key; none is repeated or skipped among those that stay).
 */
import { ApiError } from './api-error.js';

/** A page of items and the cursor of the next, null at the end. */
export interface KeysetPage<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/**
 * The items after `cursor` that pass `keep`, at most `limit` of them. `sorted` must be in ascending
 * order of `keyOf`, keys unique.
 */
export function keysetPage<T>(
  sorted: readonly T[],
  keyOf: (item: T) => string,
  keep: (item: T) => boolean,
  cursor: string | undefined,
  limit: number,
): KeysetPage<T> {
  let index = cursor === undefined ? 0 : firstAfter(sorted, keyOf, decodeKey(cursor));
  const items: T[] = [];
  for (; index < sorted.length; index += 1) {
    const item = sorted[index] as T;
    if (!keep(item)) continue;
    if (items.length === limit) {
      // One more matches: there is a next page, starting after the last item returned.
      return { items, next: encodeKey(keyOf(items[items.length - 1] as T)) };
    }
    items.push(item);
  }
  return { items, next: null };
}

/** Sorts a copy by key (code-unit order, the order the cursor compares in). */
export function sortByKey<T>(items: Iterable<T>, keyOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** A sequence id like `i12` or `s3` as a key that sorts numerically. */
export function sequenceKey(id: string): string {
  const match = /^([a-z]*)(\d+)$/.exec(id);
  return match === null ? id : `${match[1]}${(match[2] ?? '').padStart(12, '0')}`;
}

function firstAfter<T>(sorted: readonly T[], keyOf: (item: T) => string, key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(sorted[middle] as T) <= key) low = middle + 1;
    else high = middle;
  }
  return low;
}

function encodeKey(key: string): string {
  return Buffer.from(JSON.stringify(['k', key]), 'utf8').toString('base64url');
}

function decodeKey(cursor: string): string {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value[0] === 'k' && typeof value[1] === 'string') return value[1];
  } catch {
    // fall through
  }
  throw new ApiError(400, 'bad-cursor', 'Not a cursor this API handed out: pass the `next` value of the previous page as it is');
}
