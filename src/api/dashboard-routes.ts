/**
 * The built dashboard (a static Vite bundle) served at `/`, beside the API. Files come from one
 * folder through @hono/node-server's serveStatic, which refuses `..`, backslashes and encoded
 * separators; the dashboard's own Content-Security-Policy is set in `createApp`.
 */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { errorBody } from './api-error.js';

/** The dashboard's CSP: its own scripts, styles and API only; no inline code, eval, plug-ins, framing or form posts. */
export const DASHBOARD_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'none'"],
} as const;

/** Said when the server has no built dashboard to serve. */
export const NO_DASHBOARD_MESSAGE = 'The dashboard is not built: run `npm run build:web`, then restart `sitrep serve`';

/** Routes serving the dashboard bundle from `webRoot` (an absolute folder); null answers 404 saying how to build it. */
export function dashboardRoutes(webRoot: string | null): Hono {
  const app = new Hono();
  if (webRoot === null) {
    app.get('/', (c) => c.json(errorBody('no-dashboard', NO_DASHBOARD_MESSAGE), 404));
    return app;
  }
  // Vite names assets by content hash, so they never change; index.html must be revalidated.
  // Set after the file is served: serveStatic has built its response by the time onFound runs.
  app.use('/*', async (c, next) => {
    await next();
    if (c.res.ok) c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  app.use('/*', serveStatic({ root: webRoot }));
  return app;
}
