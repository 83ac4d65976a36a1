/**
 * What every group of routes shares: the dependencies handed to it, a router that answers failed
 * validation with the API's error shape, and the error responses to declare in OpenAPI. A new
 * group (entities, places, events, stories, ...) is a function `(deps) => router` in a file of its
 * own, mounted under /api in `createApp`.
 */
import { OpenAPIHono, z, type Hook } from '@hono/zod-openapi';
import type { Context, Env } from 'hono';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import { errorBody } from './api-error.js';
import type { RevisionCache } from './revision-cache.js';
import { ErrorSchema } from './schemas.js';

/** What route handlers may use: I/O comes in here, never from globals. */
export interface ApiDeps {
  readonly store: Store;
  readonly config: Config;
  readonly now: () => Date;
  /** Whether POST routes are enabled (a token is configured). */
  readonly writes: boolean;
  /** Whether POST /api/documents {url} may fetch loopback, private and link-local addresses. */
  readonly allowPrivateUrls: boolean;
  /** Store-wide derived data (events, place and entity tallies, stories), built once per store revision. */
  readonly derived: RevisionCache;
}

/** The Hono environment of every router. */
export type ApiEnv = Env;

/** A router whose request validation fails with `{error: {code, message}}`. */
export function createRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}

/**
 * A body that parses but says the wrong thing is unprocessable (422); a bad query or path
 * parameter is a bad request (400). The message is zod's, with the field named.
 */
function validationHook(
  result: Parameters<Hook<unknown, ApiEnv, string, Response | undefined>>[0],
  c: Context<ApiEnv>,
): Response | undefined {
  if (result.success) return undefined;
  const message = result.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : result.target}: ${issue.message}`)
    .join('; ');
  return result.target === 'json'
    ? c.json(errorBody('invalid-input', message), 422)
    : c.json(errorBody('bad-request', message), 400);
}

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'A query or path parameter is not valid',
  401: 'No bearer token, or the wrong one',
  403: 'Writes are disabled: the server has no token configured',
  404: 'No such resource',
  413: 'The request body is larger than the server accepts',
  415: 'The request body is not JSON',
  422: 'The request body is not a valid input',
  502: 'A page the request named could not be fetched',
};

/** OpenAPI `responses` entries for the error statuses a route may answer with. */
export function errorResponses<S extends number>(
  ...statuses: readonly S[]
): Record<S, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;
}

/** A JSON response entry for OpenAPI. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string): {
  description: string;
  content: { 'application/json': { schema: T } };
} {
  return { description, content: { 'application/json': { schema } } };
}
