/** Routes over stored documents: list, read, the evidence text, full-text search, sources, and posting one. */
import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { ApiError } from './api-error.js';
import { createRouter, errorResponses, jsonResponse, type ApiDeps, type ApiEnv } from './api-router.js';
import { countSources } from './count-sources.js';
import { ingestPosted } from './ingest-posted.js';
import { queryDocuments } from './query-documents.js';
import {
  DocPageSchema,
  DocumentSchema,
  DocumentTextSchema,
  IdParamSchema,
  ListQuerySchema,
  PostDocumentSchema,
  PostResultSchema,
  SearchQuerySchema,
  SearchResultSchema,
  SourcesSchema,
} from './schemas.js';

const listDocuments = createRoute({
  method: 'get',
  path: '/documents',
  tags: ['documents'],
  summary: 'List current documents, oldest ingest first, with optional filters',
  request: { query: ListQuerySchema },
  responses: {
    200: jsonResponse(DocPageSchema, 'One page of document summaries'),
    ...errorResponses(400, 401),
  },
});

const getDocument = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags: ['documents'],
  summary: 'One document as Document JSON',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(DocumentSchema, 'The document'),
    ...errorResponses(400, 401, 404),
  },
});

const getDocumentText = createRoute({
  method: 'get',
  path: '/documents/{id}/text',
  tags: ['documents'],
  summary: "A document's text and the layers of spans over it, for the evidence viewer",
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(DocumentTextSchema, 'The text and its layers'),
    ...errorResponses(400, 401, 404),
  },
});

const postDocument = createRoute({
  method: 'post',
  path: '/documents',
  tags: ['documents'],
  summary: 'Ingest one document from text, HTML or a URL; the same content twice changes nothing',
  security: [{ bearerAuth: [] }],
  request: {
    body: { required: true, content: { 'application/json': { schema: PostDocumentSchema } } },
  },
  responses: {
    200: jsonResponse(PostResultSchema, 'The same content was stored already: nothing changed'),
    201: jsonResponse(PostResultSchema, 'Stored, as a new document or a new version of one from the same URL'),
    ...errorResponses(400, 401, 403, 413, 415, 422, 502),
  },
});

const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['documents'],
  summary: 'Full-text search over current documents, best first',
  request: { query: SearchQuerySchema },
  responses: {
    200: jsonResponse(SearchResultSchema, 'Hits, best first'),
    ...errorResponses(400, 401),
  },
});

const sources = createRoute({
  method: 'get',
  path: '/sources',
  tags: ['documents'],
  summary: 'Outlets with their current document counts, most documents first',
  responses: {
    200: jsonResponse(SourcesSchema, 'Outlets and counts'),
    ...errorResponses(401),
  },
});

/** The document routes, to mount under /api. */
export function documentRoutes(deps: ApiDeps): OpenAPIHono<ApiEnv> {
  const { store, config, now } = deps;
  return createRouter()
    .openapi(listDocuments, async (c) => {
      const { cursor, limit, ...filter } = c.req.valid('query');
      return c.json(await queryDocuments(store, filter, { cursor, limit }), 200);
    })
    .openapi(getDocument, async (c) => {
      const { id } = c.req.valid('param');
      const doc = await store.getDocument(id);
      if (doc === null) throw notFound(id);
      return c.json(doc, 200);
    })
    .openapi(getDocumentText, async (c) => {
      const { id } = c.req.valid('param');
      const doc = await store.getDocument(id);
      if (doc === null) throw notFound(id);
      return c.json({ id: doc.id, text: doc.text, layers: doc.layers }, 200);
    })
    .openapi(search, async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ hits: await store.search(q, limit === undefined ? {} : { limit }) }, 200);
    })
    .openapi(sources, async (c) => c.json({ items: await countSources(store) }, 200))
    .openapi(postDocument, async (c) => {
      const posted = await ingestPosted(c.req.valid('json'), { store, config, now, signal: c.req.raw.signal, allowPrivateUrls: deps.allowPrivateUrls });
      if (!posted.ok) throw new ApiError(posted.failure.status, posted.failure.code, posted.failure.message);
      // Derived data (events, stories) must see the new document on the very next request.
      if (posted.result.outcome !== 'unchanged') deps.derived.invalidate();
      return c.json(posted.result, posted.result.outcome === 'unchanged' ? 200 : 201);
    });
}

function notFound(id: string): ApiError {
  return new ApiError(404, 'not-found', `No document with id "${id}"`);
}
