/** Routes over places aggregated across documents: what the dashboard's map draws, and the evidence behind each point. */
import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { placeEvidence } from './aggregate-layers.js';
import { ApiError } from './api-error.js';
import { createRouter, errorResponses, jsonResponse, type ApiDeps, type ApiEnv } from './api-router.js';
import { placesFromFacts } from './layer-facts.js';
import { storeScan } from './store-scan.js';
import { PlaceEvidenceSchema, PlaceKeyParamSchema, PlacesSchema, WindowQuerySchema } from './schemas.js';

const listPlaces = createRoute({
  method: 'get',
  path: '/places',
  tags: ['places'],
  summary: 'Located places with the number of documents naming them, most documents first',
  request: { query: WindowQuerySchema },
  responses: {
    200: jsonResponse(PlacesSchema, 'Places'),
    ...errorResponses(400, 401),
  },
});

const getPlaceEvidence = createRoute({
  method: 'get',
  path: '/places/{key}/evidence',
  tags: ['places'],
  summary: 'The documents naming a place, with each mention and its sentence',
  request: { params: PlaceKeyParamSchema, query: WindowQuerySchema },
  responses: {
    200: jsonResponse(PlaceEvidenceSchema, 'The place and its evidence'),
    ...errorResponses(400, 401, 404),
  },
});

/** The place routes, to mount under /api. */
export function placeRoutes(deps: ApiDeps): OpenAPIHono<ApiEnv> {
  const { store } = deps;
  return createRouter()
    // From tallies kept per store revision: no document is read again until the store changes.
    .openapi(listPlaces, async (c) => c.json({ items: placesFromFacts((await storeScan(deps.derived)).value.facts, c.req.valid('query')) }, 200))
    .openapi(getPlaceEvidence, async (c) => {
      const { key } = c.req.valid('param');
      const evidence = await placeEvidence(store, key, c.req.valid('query'));
      if (evidence === null) throw new ApiError(404, 'not-found', `No document in this window names a place with key "${key}"`);
      return c.json(evidence, 200);
    });
}
