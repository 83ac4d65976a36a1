/** Routes about the service itself: health and store counts. */
import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { sitrepVersion } from '../config.js';
import { createRouter, errorResponses, jsonResponse, type ApiDeps, type ApiEnv } from './api-router.js';
import { HealthSchema, StatsSchema } from './schemas.js';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness: the server answers and the store is reachable',
  responses: { 200: jsonResponse(HealthSchema, 'Up') },
});

const stats = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['system'],
  summary: 'Document, version and failure counts',
  responses: {
    200: jsonResponse(StatsSchema, 'Counts'),
    ...errorResponses(401),
  },
});

/** The system routes, to mount under /api. */
export function systemRoutes(deps: ApiDeps): OpenAPIHono<ApiEnv> {
  const { store } = deps;
  return createRouter()
    .openapi(health, async (c) => {
      // One indexed look-up, so "ok" means the store answers too (a count would scan a large store).
      await store.hasContent('0'.repeat(64));
      return c.json({ status: 'ok' as const, version: sitrepVersion(), store: store.kind, writes: deps.writes }, 200);
    })
    .openapi(stats, async (c) => c.json(await store.stats(), 200));
}
