/**
 * The HTTP API as a Hono app: middleware for what every response needs (security headers, CORS
 * when asked for, a body limit, bearer-token auth, ETags, JSON errors), then groups of routes
 * mounted under /api, and an OpenAPI document generated from their schemas.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sitrepVersion, type Config } from '../config.js';
import { ErrorCodes, SitrepError } from '../pipeline/errors.js';
import type { Camp } from '../report/index.js';
import type { Store } from '../store/store.js';
import { analysisRoutes } from './analysis-routes.js';
import { ApiError, codeForStatus, errorBody } from './api-error.js';
import { createRouter, type ApiDeps, type ApiEnv } from './api-router.js';
import { DASHBOARD_CSP, dashboardRoutes } from './dashboard-routes.js';
import { documentRoutes } from './document-routes.js';
import { entityRoutes } from './entity-routes.js';
import { pictureRoutes } from './picture-routes.js';
import { placeRoutes } from './place-routes.js';
import { createRevisionCache } from './revision-cache.js';
import { systemRoutes } from './system-routes.js';

/** Options for createApp. */
export interface AppOptions {
  readonly store: Store;
  readonly config: Config;
  /** Bearer token that writes need; null disables writes (403 saying how to enable them). */
  readonly token: string | null;
  /** Reads need no token (default true); when false they need the same token as writes. */
  readonly readsOpen?: boolean;
  /** Origins allowed to call the API from a browser; none (the default) leaves CORS off. */
  readonly corsOrigins?: readonly string[];
  /** Largest request body accepted, in bytes (default 2 MiB). */
  readonly maxBodyBytes?: number;
  readonly now?: () => Date;
  /** Where unexpected errors are reported (default: stderr). */
  readonly log?: (line: string) => void;
  /** Folder of the built dashboard (dist/web), served at `/`; absent or null serves none. */
  readonly webRoot?: string | null;
  /**
   * Let POST /api/documents {url} fetch loopback, private and link-local addresses (default false:
   * refused with 422 private-address, so a client cannot make the server read its own network).
   */
  readonly allowPrivateUrls?: boolean;
  /** How long the store's revision (its counts) is trusted before derived data is checked again, in ms (default 1000). */
  readonly revisionTtlMs?: number;
  /** Camps for GET /api/camps and the report's camp stances; data/camps.example.json when absent. */
  readonly camps?: readonly Camp[];
}

/** Default largest request body. */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Said in every 403 for a write, so whoever meets it knows what to do. */
export const WRITES_DISABLED_MESSAGE =
  'Writes are disabled: this server was started without an API token. Start it with one ' +
  '(SITREP_API_TOKEN or `sitrep serve --token <token>`) and send it as `Authorization: Bearer <token>`.';

/** Paths anyone may read even when reads need a token: probes and the API description. */
const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/api/health', '/api/openapi.json']);

/** Builds the API app. */
export function createApp(options: AppOptions): OpenAPIHono<ApiEnv> {
  const deps: ApiDeps = {
    store: options.store,
    config: options.config,
    now: options.now ?? (() => new Date()),
    writes: options.token !== null,
    allowPrivateUrls: options.allowPrivateUrls ?? false,
    derived: createRevisionCache(options.store, options.revisionTtlMs === undefined ? {} : { ttlMs: options.revisionTtlMs }),
  };
  if (options.readsOpen === false && options.token === null) {
    throw new SitrepError(ErrorCodes.E_CONFIG, 'Reads need a token (readsOpen false) but no API token is set: nothing could be read');
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = createRouter();

  // 1. Security headers on every response, errors and 304s included. The API only ever sends
  //    JSON, so its CSP allows nothing at all; the dashboard may load its own scripts, styles and
  //    API, and nothing inline. HSTS is left off: the server speaks plain HTTP on localhost, and a
  //    proxy that adds TLS is the one to send it.
  const common = {
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: options.corsOrigins?.length ? 'cross-origin' : 'same-origin',
  } as const;
  const apiHeaders = secureHeaders({ ...common, contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } });
  const dashboardHeaders = secureHeaders({
    ...common,
    contentSecurityPolicy: Object.fromEntries(Object.entries(DASHBOARD_CSP).map(([key, value]) => [key, [...value]])),
  });
  app.use('*', (c, next) => (c.req.path === '/api' || c.req.path.startsWith('/api/') ? apiHeaders(c, next) : dashboardHeaders(c, next)));

  // 2. CORS only for origins named; without any, browsers keep other sites out.
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: [...options.corsOrigins],
        allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
        exposeHeaders: ['ETag'],
        maxAge: 600,
      }),
    );
  }

  // 3. Refuse large bodies before anything reads them.
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => c.json(errorBody('too-large', `The request body is larger than the ${maxBodyBytes} bytes this server accepts`), 413),
    }),
  );

  // 4. Authentication, before routing reaches validation: a stranger learns nothing from a 422.
  app.use('/api/*', authenticate({ token: options.token, readsOpen: options.readsOpen ?? true }));

  // 5. Weak ETags from a hash of each GET body; clients revalidate (no-cache) and get 304s.
  app.use('/api/*', async (c, next) => {
    await next();
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.res.ok) c.header('Cache-Control', 'no-cache');
  });
  app.use('/api/*', etag({ weak: true }));

  // 6. The route groups; later issues add theirs here.
  app.route('/api', systemRoutes(deps));
  app.route('/api', documentRoutes(deps));
  app.route('/api', placeRoutes(deps));
  app.route('/api', entityRoutes(deps));
  app.route('/api', analysisRoutes(deps));
  app.route('/api', pictureRoutes(deps, { camps: options.camps }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token the server was started with; required for writes, and for reads when the server says so',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'sitrep API',
      version: sitrepVersion(),
      description: 'Documents ingested into a sitrep store. Every error is `{error: {code, message}}`.',
    },
  });

  // 7. The dashboard, after the API so no file can shadow a route.
  app.route('/', dashboardRoutes(options.webRoot ?? null));

  app.notFound((c) => c.json(errorBody('not-found', `No route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => errorResponse(error, c, log));
  return app;
}

/** Bearer-token checks for writes always, and for reads unless they are open. */
function authenticate(options: { readonly token: string | null; readonly readsOpen: boolean }): MiddlewareHandler<ApiEnv> {
  // Compare digests, not the strings: timingSafeEqual needs equal lengths, and a digest's length
  // gives nothing away about the token's.
  const expected = options.token === null ? null : digest(options.token);
  return async (c, next) => {
    const read = c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS';
    if (read && (options.readsOpen || PUBLIC_PATHS.has(c.req.path))) return next();
    if (expected === null) throw new ApiError(403, 'writes-disabled', WRITES_DISABLED_MESSAGE);
    // Hono's bearerAuth answers a malformed header with 400; any wrong credential is a 401 here.
    const match = /^Bearer +(\S+) *$/i.exec(c.req.header('Authorization') ?? '');
    if (match === null) {
      throw new ApiError(401, 'unauthorized', 'This needs `Authorization: Bearer <token>`', {
        headers: { 'WWW-Authenticate': 'Bearer realm="sitrep"' },
      });
    }
    if (!timingSafeEqual(digest(match[1] ?? ''), expected)) {
      throw new ApiError(401, 'unauthorized', 'The bearer token is not the one this server was started with', {
        headers: { 'WWW-Authenticate': 'Bearer realm="sitrep", error="invalid_token"' },
      });
    }
    return next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Every thrown error as `{error: {code, message}}`; unexpected ones are logged and told apart from the client's. */
function errorResponse(error: Error, c: Context<ApiEnv>, log: (line: string) => void): Response {
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), error.status, { ...error.headers });
  if (error instanceof HTTPException) {
    // Hono's own: malformed JSON (400), an unsupported media type (415), ...
    const status = error.status as ContentfulStatusCode;
    return c.json(errorBody(codeForStatus(status), error.message || 'Request refused'), status);
  }
  log(`sitrep api: ${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
  return c.json(errorBody('internal', 'The server failed to answer this request; its log says why'), 500);
}
