/**
 * Routes over what is derived from the whole store: the flattened events, and the stories,
 * incidents and contradictions the story index clusters them into. Each is built once per store
 * revision (revision-cache.ts); the ETag is the revision and the query, so a client revalidating
 * an unchanged store gets a 304 without the server building or serialising anything.
 */
import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  ContradictionPageSchema,
  ContradictionsQuerySchema,
  EVENTS_PAGE,
  EventPageSchema,
  EventsQuerySchema,
  IncidentPageSchema,
  IncidentsQuerySchema,
  STORIES_PAGE,
  StoriesQuerySchema,
  StoryPageSchema,
  parseBbox,
  splitList,
} from './analysis-schemas.js';
import { createRouter, errorResponses, jsonResponse, type ApiDeps, type ApiEnv } from './api-router.js';
import { tagFor, unchanged } from './revision-etag.js';
import { queryEvents } from './events-index.js';
import { storeScan } from './store-scan.js';
import { buildStoryView, queryContradictions, queryIncidents, queryStories } from './story-view.js';

const notModified = { description: 'The store has not changed since the ETag sent in If-None-Match' };

const listEvents = createRoute({
  method: 'get',
  path: '/events',
  tags: ['events'],
  summary: 'Coded events of current documents, each with its document and evidence span; in (day, document, event) order',
  request: { query: EventsQuerySchema },
  responses: {
    200: jsonResponse(EventPageSchema, 'One page of events'),
    304: notModified,
    ...errorResponses(400, 401),
  },
});

const listStories = createRoute({
  method: 'get',
  path: '/stories',
  tags: ['stories'],
  summary: 'Stories: documents about one development, with their incidents',
  request: { query: StoriesQuerySchema },
  responses: {
    200: jsonResponse(StoryPageSchema, 'One page of stories'),
    304: notModified,
    ...errorResponses(400, 401),
  },
});

const listIncidents = createRoute({
  method: 'get',
  path: '/incidents',
  tags: ['stories'],
  summary: 'Incidents: one act and every report of it, with sources, independent corroboration and contradictions',
  request: { query: IncidentsQuerySchema },
  responses: {
    200: jsonResponse(IncidentPageSchema, 'One page of incidents'),
    304: notModified,
    ...errorResponses(400, 401),
  },
});

const listContradictions = createRoute({
  method: 'get',
  path: '/contradictions',
  tags: ['stories'],
  summary: 'The contradiction ledger: denials, differing numbers and differing doers, each side with its reports and evidence',
  request: { query: ContradictionsQuerySchema },
  responses: {
    200: jsonResponse(ContradictionPageSchema, 'One page of contradictions'),
    304: notModified,
    ...errorResponses(400, 401),
  },
});

/** The derived-data routes, to mount under /api. */
export function analysisRoutes(deps: ApiDeps): OpenAPIHono<ApiEnv> {
  const cache = deps.derived;
  const stories = () => cache.get('stories', (store) => buildStoryView(store));
  return createRouter()
    .openapi(listEvents, async (c) => {
      if (await unchanged(c, cache)) return c.body(null, 304);
      const { cursor, limit, type, certainty, scope, bbox, ...rest } = c.req.valid('query');
      const { value, revision } = await storeScan(cache);
      c.header('ETag', tagFor(revision, c));
      const filter = { ...rest, types: splitList(type), certainties: splitList(certainty), scopes: splitList(scope), bbox: parseBbox(bbox) };
      return c.json(await queryEvents(value.events, filter, cursor, limit ?? EVENTS_PAGE.fallback), 200);
    })
    .openapi(listStories, async (c) => {
      if (await unchanged(c, cache)) return c.body(null, 304);
      const { cursor, limit, ...window } = c.req.valid('query');
      const { value, revision } = await stories();
      c.header('ETag', tagFor(revision, c));
      return c.json(queryStories(value, window, cursor, limit ?? STORIES_PAGE.fallback), 200);
    })
    .openapi(listIncidents, async (c) => {
      if (await unchanged(c, cache)) return c.body(null, 304);
      const { cursor, limit, type, bbox, min_sources, ...rest } = c.req.valid('query');
      const { value, revision } = await stories();
      c.header('ETag', tagFor(revision, c));
      const filter = { ...rest, types: splitList(type), bbox: parseBbox(bbox), minSources: min_sources };
      return c.json(queryIncidents(value, filter, cursor, limit ?? STORIES_PAGE.fallback), 200);
    })
    .openapi(listContradictions, async (c) => {
      if (await unchanged(c, cache)) return c.body(null, 304);
      const { cursor, limit, type, kind, bbox, ...rest } = c.req.valid('query');
      const { value, revision } = await stories();
      c.header('ETag', tagFor(revision, c));
      const filter = { ...rest, types: splitList(type), kinds: splitList(kind), bbox: parseBbox(bbox) };
      return c.json(queryContradictions(value, filter, cursor, limit ?? STORIES_PAGE.fallback), 200);
    });
}

