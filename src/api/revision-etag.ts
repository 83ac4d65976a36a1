/** ETags for responses derived from the whole store: one per store revision and request. */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ApiEnv } from './api-router.js';
import type { RevisionCache } from './revision-cache.js';

/** A weak ETag naming the store revision and the request (path and query), so it changes with either. */
export function tagFor(revision: string, c: Context<ApiEnv>): string {
  const url = new URL(c.req.url);
  const hash = createHash('sha256').update(`${revision}\u0000${url.pathname}\u0000${url.search}`).digest('base64url').slice(0, 22);
  return `W/"r${hash}"`;
}

/**
 * True (and the 304's headers set) when the client's If-None-Match names the current revision's tag.
 * `salt` names whatever else the response depends on (e.g. the alert rules in force).
 */
export async function unchanged(c: Context<ApiEnv>, cache: RevisionCache, salt = ''): Promise<boolean> {
  const sent = c.req.header('If-None-Match');
  if (sent === undefined) return false;
  const tag = tagFor(`${await cache.revision()}${salt}`, c);
  const bare = tag.replace(/^W\//, '');
  if (!(sent.trim() === '*' || (sent.match(/"[^"]*"/g) ?? ([] as string[])).includes(bare))) return false;
  c.header('ETag', tag);
  c.header('Cache-Control', 'no-cache');
  return true;
}
