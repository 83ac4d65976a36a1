/**
 * The API's wire types as zod schemas: they validate requests and generate the OpenAPI document,
 * so the published contract cannot drift from what the handlers accept and return.
 */
import { z } from '@hono/zod-openapi';

/** `{error: {code, message}}`: the one shape of every error response. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not-found' }),
      message: z.string().openapi({ example: 'No document with id "0123456789abcdef"' }),
    }),
  })
  .openapi('Error');

/** A calendar date as the published filters take it. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2022-12-10');

/** Query parameters of GET /api/documents. */
export const ListQuerySchema = z.object({
  since: IsoDate.optional().openapi({ description: 'Published on or after this date (YYYY-MM-DD)', example: '2022-12-01' }),
  until: IsoDate.optional().openapi({ description: 'Published on or before this date (YYYY-MM-DD)', example: '2022-12-31' }),
  outlet: z.string().min(1).optional().openapi({ description: 'Outlet name, compared case-insensitively' }),
  language: z.string().min(2).max(8).optional().openapi({ description: 'Language code as documents record it', example: 'sr' }),
  q: z.string().min(1).max(500).optional().openapi({ description: 'Full-text query; only documents matching it' }),
  cursor: z.string().min(1).max(2000).optional().openapi({ description: 'The `next` value of the previous page' }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Page size (default 50)', example: 50 }),
});

/** Query parameters of GET /api/search. */
export const SearchQuerySchema = z.object({
  q: z.string().min(1).max(500).openapi({ description: 'Full-text query', example: 'barricade Jarinje' }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: 'Most hits to return (default 20)' }),
});

/** The `{id}` path parameter of document routes. */
export const IdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'must be a document id: 16 lower-case hex digits')
    .openapi({ param: { name: 'id', in: 'path' }, example: '0123456789abcdef' }),
});

/** A row of a document listing. */
export const DocSummarySchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable().openapi({ description: 'Publication date (YYYY-MM-DD), when known' }),
    origin: z.string().openapi({ description: 'The path or URL the document was read from' }),
    version: z.number().int(),
    ingested: z.string().openapi({ description: 'ISO time the store took it in' }),
  })
  .openapi('DocSummary');

/** One page of a listing. */
export const DocPageSchema = z
  .object({
    items: z.array(DocSummarySchema).readonly(),
    next: z.string().nullable().openapi({ description: 'Cursor for the next page, or null at the end' }),
  })
  .openapi('DocPage');

const SpanSchema = z
  .object({
    start: z.number().int().openapi({ description: 'Start, in UTF-16 code units of the document text' }),
    end: z.number().int().openapi({ description: 'End (exclusive), in UTF-16 code units' }),
    label: z.string(),
    index: z.number().int().optional(),
  })
  .openapi('Span');

const LayersSchema = z.record(z.string(), z.array(SpanSchema).readonly().optional()).openapi('Layers', {
  description: 'Named standoff layers of spans into `text`; `segments` says which part of the article each stretch is',
});

const PublishedSchema = z
  .object({
    date: z.string().nullable(),
    time: z.string().nullable(),
    not_before: z.string().nullable(),
    not_after: z.string().nullable(),
    updated: z.string().nullable(),
    evidence: z.string().nullable(),
  })
  .openapi('Published');

/** Document JSON, as `sitrep extract` prints it. */
export const DocumentSchema = z
  .object({
    id: z.string(),
    origin: z.object({
      path: z.string().optional(),
      url: z.string().optional(),
      item: z.number().int().optional(),
      sha256: z.string(),
      fetched: z.string(),
      encoding: z.object({ name: z.string(), method: z.string() }).optional(),
    }),
    language: z.string().nullable(),
    title: z.string().nullable(),
    standfirst: z.string().nullable(),
    published: PublishedSchema,
    outlet: z.object({ name: z.string(), evidence: z.string() }).nullable(),
    text: z.string().openapi({ description: 'The cleaned text every span points into' }),
    body: z.string(),
    captions: z.array(z.object({ text: z.string(), credit: z.string().nullable() })).readonly(),
    embeds: z
      .array(
        z.object({
          kind: z.string(),
          author: z.string().nullable(),
          display_name: z.string().nullable(),
          date: z.string().nullable(),
          text: z.string(),
          url: z.string().nullable(),
        }),
      )
      .readonly(),
    comments: z
      .array(
        z.object({
          author: z.string().nullable(),
          display_name: z.string().nullable(),
          posted: z.string().nullable(),
          depth: z.number().int(),
          parent: z.number().int().nullable(),
          quotes: z.string().nullable(),
          likes: z.number().nullable(),
          text: z.string(),
        }),
      )
      .readonly(),
    boilerplate: z.array(z.string()).readonly(),
    layers: LayersSchema,
    errors: z.array(z.string()).readonly(),
    stages: z.record(z.string(), z.number()),
  })
  .openapi('Document');

/** What the evidence viewer needs: the text and the spans over it, nothing else. */
export const DocumentTextSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    layers: LayersSchema,
  })
  .openapi('DocumentText');

/** A full-text search hit. */
export const SearchHitSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    snippet: z.string().openapi({ description: 'Plain text around the match; escape it before showing it' }),
    rank: z.number().openapi({ description: 'Higher is better' }),
  })
  .openapi('SearchHit');

/** Response of GET /api/search. */
export const SearchResultSchema = z.object({ hits: z.array(SearchHitSchema).readonly() }).openapi('SearchResult');

/** An outlet and how many current documents it has. */
export const SourceSchema = z
  .object({
    outlet: z.string().nullable().openapi({ description: 'Outlet name; null for documents with no known outlet' }),
    documents: z.number().int(),
    first_published: z.string().nullable(),
    last_published: z.string().nullable(),
  })
  .openapi('Source');

/** Response of GET /api/sources. */
export const SourcesSchema = z.object({ items: z.array(SourceSchema).readonly() }).openapi('Sources');

/** Response of GET /api/stats. */
export const StatsSchema = z
  .object({
    documents: z.number().int().openapi({ description: 'Current documents (latest version per origin)' }),
    versions: z.number().int().openapi({ description: 'All stored versions' }),
    failures: z.number().int().openapi({ description: 'Recorded ingest failures' }),
  })
  .openapi('Stats');

/** Response of GET /api/health. */
export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    store: z.enum(['sqlite', 'postgres']),
    writes: z.boolean().openapi({ description: 'Whether POST routes are enabled (a token is configured)' }),
  })
  .openapi('Health');

/** Body of POST /api/documents: exactly one of text, html or url, plus optional metadata. */
export const PostDocumentSchema = z
  .object({
    text: z.string().optional().openapi({ description: 'Plain-text article' }),
    html: z.string().optional().openapi({ description: 'HTML page of the article' }),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional().openapi({
      description: 'With text or html: where that content came from. Alone: a page to fetch',
    }),
    title: z.string().max(1000).optional(),
    published: z
      .string()
      .max(64)
      .optional()
      .openapi({ description: 'Publication date or date-time as the source gives it', example: '2022-12-10' }),
    outlet: z.string().min(1).max(200).optional(),
    language: z.string().min(2).max(8).optional(),
  })
  .strict()
  .refine((body) => body.text === undefined || body.html === undefined, {
    message: 'give text or html, not both',
  })
  .refine((body) => body.text !== undefined || body.html !== undefined || body.url !== undefined, {
    message: 'give one of text, html or url',
  })
  .refine((body) => (body.text ?? body.html ?? 'x').trim() !== '', { message: 'the content is empty' })
  .openapi('PostDocument');

/** Response of POST /api/documents. */
export const PostResultSchema = z
  .object({
    outcome: z.enum(['stored', 'unchanged', 'new-version']),
    id: z.string(),
    version: z.number().int(),
    supersedes: z.string().nullable(),
    title: z.string().nullable(),
    warnings: z.array(z.string()).readonly(),
  })
  .openapi('PostResult');

/** Query parameters of the aggregate routes: a publication window (as-of is `until`). */
export const WindowQuerySchema = z.object({
  since: IsoDate.optional().openapi({ description: 'Only documents published on or after this date; undated ones are left out', example: '2022-10-14' }),
  until: IsoDate.optional().openapi({
    description: 'Only documents published on or before this date ("as of"); undated ones are left out',
    example: '2022-10-16',
  }),
});

/** The `{key}` path parameter of place routes. */
export const PlaceKeyParamSchema = z.object({
  key: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'must be a place key: 16 lower-case hex digits')
    .openapi({ param: { name: 'key', in: 'path' }, example: '0123456789abcdef' }),
});

/** A located place aggregated across documents. */
export const PlaceSchema = z
  .object({
    key: z.string().openapi({ description: 'Stable key: a hash of the resolved name, country and coordinates' }),
    name: z.string(),
    country: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-2 (Kosovo XK)' }),
    lat: z.number(),
    lon: z.number(),
    precision: z.number().int().openapi({ description: 'Finest ACLED geo precision among its mentions (1 the place itself)' }),
    feature: z.string().nullable(),
    documents: z.number().int().openapi({ description: 'Distinct documents naming it' }),
    outlets: z.number().int().openapi({ description: 'Distinct outlets among those documents' }),
    mentions: z.number().int(),
    event_mentions: z.number().int().openapi({ description: 'Mentions in sentences saying something happened there' }),
    first_published: z.string().nullable(),
    last_published: z.string().nullable(),
  })
  .openapi('Place');

/** Response of GET /api/places. */
export const PlacesSchema = z.object({ items: z.array(PlaceSchema).readonly() }).openapi('Places');

const PlaceMentionSchema = z
  .object({
    start: z.number().int().openapi({ description: 'Start of the mention, in UTF-16 code units of the document text' }),
    end: z.number().int(),
    text: z.string(),
    role: z.string().openapi({ description: "'event' when the sentence says something happened there" }),
    segment: z.string().nullable().openapi({ description: 'Part of the article: title, body, comment, ...' }),
    sentence: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }),
  })
  .openapi('PlaceMention');

/** Response of GET /api/places/{key}/evidence. */
export const PlaceEvidenceSchema = z
  .object({
    place: PlaceSchema,
    documents: z
      .array(
        z.object({
          id: z.string(),
          title: z.string().nullable(),
          outlet: z.string().nullable(),
          published: z.string().nullable(),
          mentions: z.array(PlaceMentionSchema).readonly(),
        }),
      )
      .readonly(),
  })
  .openapi('PlaceEvidence');

/** An entity (actor) aggregated across documents. */
export const EntitySchema = z
  .object({
    id: z.string().openapi({ example: 'kb:XK:police' }),
    name: z.string(),
    kind: z.string(),
    country: z.string().nullable(),
    documents: z.number().int(),
    mentions: z.number().int(),
    first_published: z.string().nullable(),
    last_published: z.string().nullable(),
  })
  .openapi('Entity');

/** Response of GET /api/entities. */
export const EntitiesSchema = z.object({ items: z.array(EntitySchema).readonly() }).openapi('Entities');
