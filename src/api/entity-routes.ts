/** Routes over entities (actors, institutions, groups) aggregated across documents. */
import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonResponse, type ApiDeps, type ApiEnv } from './api-router.js';
import { entitiesFromFacts } from './layer-facts.js';
import { storeScan } from './store-scan.js';
import { EntitiesSchema, WindowQuerySchema } from './schemas.js';

const listEntities = createRoute({
  method: 'get',
  path: '/entities',
  tags: ['entities'],
  summary: 'Entities with the number of documents naming them, most documents first',
  request: { query: WindowQuerySchema },
  responses: {
    200: jsonResponse(EntitiesSchema, 'Entities'),
    ...errorResponses(400, 401),
  },
});

/** The entity routes, to mount under /api. */
export function entityRoutes(deps: ApiDeps): OpenAPIHono<ApiEnv> {
  return createRouter().openapi(listEntities, async (c) =>
    c.json({ items: entitiesFromFacts((await storeScan(deps.derived)).value.facts, c.req.valid('query')) }, 200),
  );
}
