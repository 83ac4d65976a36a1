/**
 * Wire types of the cross-document routes (events, stories, incidents, contradictions) as zod
 * schemas: they validate the filters and generate the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { CERTAINTIES, PLOVER_TYPES, SCOPES } from './events-index.js';
import { IsoDate } from './schemas.js';

/** A comma-separated list whose every value is one of `allowed` (case-insensitive). */
function listOf(allowed: readonly string[], what: string) {
  const known = new Set(allowed.map((value) => value.toLowerCase()));
  return z
    .string()
    .min(1)
    .max(500)
    .refine((text) => text.split(',').every((value) => known.has(value.trim().toLowerCase())), {
      message: `must be one or more of ${allowed.join(', ')}, separated by commas (${what})`,
    });
}

/** Splits a validated list parameter. */
export function splitList(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((value) => value.trim());
}

/** Parses a validated bbox parameter. */
export function parseBbox(text: string | undefined): [number, number, number, number] | undefined {
  return text === undefined ? undefined : (text.split(',').map(Number) as [number, number, number, number]);
}

const Bbox = z
  .string()
  .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'must be west,south,east,north in degrees')
  .refine(
    (text) => {
      const [west, south, east, north] = text.split(',').map(Number) as [number, number, number, number];
      return Math.abs(west) <= 180 && Math.abs(east) <= 180 && Math.abs(south) <= 90 && Math.abs(north) <= 90 && south <= north;
    },
    { message: 'must be west,south,east,north with longitudes within ±180, latitudes within ±90 and south ≤ north' },
  )
  .openapi({ description: 'Only what is placed inside this box: west,south,east,north in degrees (west > east crosses the antimeridian)', example: '20.2,42.6,21.2,43.3' });

const window = {
  since: IsoDate.optional().openapi({ description: 'Days on or after this date (YYYY-MM-DD); undated items are left out', example: '2022-10-14' }),
  until: IsoDate.optional().openapi({ description: 'Days on or before this date (YYYY-MM-DD); undated items are left out', example: '2022-12-31' }),
};
const page = (max: number, fallback: number) => ({
  cursor: z.string().min(1).max(2000).optional().openapi({ description: 'The `next` value of the previous page' }),
  limit: z.coerce.number().int().min(1).max(max).optional().openapi({ description: `Page size (default ${fallback}, at most ${max})`, example: fallback }),
});

/** Default and largest page sizes. */
export const EVENTS_PAGE = { fallback: 100, max: 1000 } as const;
export const STORIES_PAGE = { fallback: 100, max: 1000 } as const;

const typeList = listOf(PLOVER_TYPES, 'PLOVER event types').optional().openapi({ description: 'PLOVER event types, comma-separated', example: 'ASSAULT,PROTEST' });

/** Query parameters of GET /api/events. */
export const EventsQuerySchema = z.object({
  ...window,
  type: typeList,
  actor: z.string().min(1).max(200).optional().openapi({ description: "Words of an actor's or recipient's entity id or text (case-insensitive)", example: 'kb:XK:police' }),
  outlet: z.string().min(1).max(200).optional().openapi({ description: 'Outlet name, compared case-insensitively' }),
  certainty: listOf(CERTAINTIES, 'certainty').optional().openapi({ description: `Certainty, comma-separated: ${CERTAINTIES.join(', ')}`, example: 'asserted,reported' }),
  scope: listOf(SCOPES, 'scope').optional().openapi({ description: `Where the evidence is, comma-separated: ${SCOPES.join(', ')}`, example: 'article' }),
  bbox: Bbox.optional(),
  ...page(EVENTS_PAGE.max, EVENTS_PAGE.fallback),
});

/** Query parameters of GET /api/stories. */
export const StoriesQuerySchema = z.object({ ...window, ...page(STORIES_PAGE.max, STORIES_PAGE.fallback) });

/** Query parameters of GET /api/incidents. */
export const IncidentsQuerySchema = z.object({
  ...window,
  type: typeList,
  bbox: Bbox.optional(),
  story: z.string().regex(/^s\d+$/, 'must be a story id like s12').optional().openapi({ description: 'Only incidents of this story' }),
  min_sources: z.coerce.number().int().min(0).max(1000).optional().openapi({ description: 'Only incidents with at least this many independent sources' }),
  ...page(STORIES_PAGE.max, STORIES_PAGE.fallback),
});

/** Query parameters of GET /api/contradictions. */
export const ContradictionsQuerySchema = z.object({
  ...window,
  type: typeList,
  kind: listOf(['denial', 'numbers', 'actors'], 'contradiction kinds').optional().openapi({ description: 'denial, numbers, actors; comma-separated' }),
  bbox: Bbox.optional(),
  story: z.string().regex(/^s\d+$/, 'must be a story id like s12').optional(),
  ...page(STORIES_PAGE.max, STORIES_PAGE.fallback),
});

const Quoted = z
  .object({
    start: z.number().int().openapi({ description: 'Start, in UTF-16 code units of the document text' }),
    end: z.number().int().openapi({ description: 'End (exclusive)' }),
    text: z.string().openapi({ description: 'The text of that span; escape it before showing it' }),
  })
  .openapi('QuotedSpan');

const Actor = z.object({ id: z.string().nullable(), text: z.string(), class: z.string().nullable() }).openapi('EventActor');
const Quantities = z
  .object({ participants: z.number().nullable(), fatalities: z.number().nullable(), injured: z.number().nullable() })
  .openapi('Quantities');
const DayRange = z.object({ start: z.string(), end: z.string() });

/** One event of one document. */
export const EventItemSchema = z
  .object({
    id: z.string().openapi({ description: '`<document id>/<event id>`', example: '0123456789abcdef/e1' }),
    document: z.string().openapi({ description: 'The document the event was coded in' }),
    event: z.string().openapi({ description: 'Doc-local event id (e1 the most salient)' }),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    type: z.string().openapi({ description: 'PLOVER type', example: 'ASSAULT' }),
    mode: z.string().nullable(),
    certainty: z.string().openapi({ example: 'reported' }),
    scope: z.string().openapi({ example: 'article' }),
    scope_index: z.number().int().nullable(),
    date: DayRange.extend({ precision: z.number().int(), basis: z.string() }).nullable(),
    place: z
      .object({
        name: z.string(),
        country: z.string().nullable(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
        precision: z.number().int(),
        basis: z.string(),
        start: z.number().int(),
        end: z.number().int(),
      })
      .nullable(),
    actors: z.array(Actor).readonly(),
    recipients: z.array(Actor).readonly(),
    attribution: z.object({ kind: z.string(), entity: z.string().nullable(), text: z.string().nullable() }),
    quantities: Quantities,
    acled: z.object({ disorder_type: z.string(), event_type: z.string(), sub_event_type: z.string() }).nullable(),
    trigger: Quoted,
    evidence: Quoted.openapi({ description: 'The sentence the event was read from' }),
    rank: z.number().int(),
  })
  .openapi('Event');

/** Response of GET /api/events. */
export const EventPageSchema = z
  .object({ items: z.array(EventItemSchema).readonly(), next: z.string().nullable().openapi({ description: 'Cursor for the next page, or null at the end' }) })
  .openapi('EventPage');

const Place = z
  .object({ name: z.string(), country: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable(), precision: z.number().int() })
  .openapi('IncidentPlace');

const Report = z
  .object({
    document: z.string(),
    event: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    type: z.string(),
    certainty: z.string(),
    attribution: z.object({ kind: z.string(), text: z.string().nullable(), entity: z.string().nullable() }),
    family: z.string().openapi({ description: 'The publisher family this report counts for' }),
    reprint_of: z.string().nullable().openapi({ description: 'The document this one copies, when it is a reprint' }),
    quantities: Quantities,
    evidence: Quoted,
  })
  .openapi('IncidentReport');

const Contradiction = z
  .object({
    kind: z.enum(['denial', 'numbers', 'actors']),
    summary: z.string(),
    sides: z
      .array(
        z.object({
          claim: z.string(),
          sources: z.array(z.string()).readonly(),
          reports: z
            .array(z.object({ document: z.string(), event: z.string(), certainty: z.string().nullable(), outlet: z.string().nullable(), evidence: Quoted.nullable() }))
            .readonly(),
        }),
      )
      .readonly(),
  })
  .openapi('Contradiction');

/** An incident with its reports. */
export const IncidentSchema = z
  .object({
    id: z.string().openapi({ example: 'i12' }),
    story: z.string(),
    type: z.string(),
    family: z.string(),
    date: DayRange.nullable(),
    place: Place.nullable(),
    independent_sources: z.number().int().openapi({ description: 'Publisher families reporting that it happened (reprints and denials excluded)' }),
    sources: z
      .array(z.object({ family: z.string(), outlets: z.array(z.string()).readonly(), documents: z.array(z.string()).readonly(), reprints: z.array(z.string()).readonly() }))
      .readonly(),
    reports: z.array(Report).readonly(),
    contradictions: z.array(Contradiction).readonly(),
  })
  .openapi('Incident');

/** Response of GET /api/incidents. */
export const IncidentPageSchema = z.object({ items: z.array(IncidentSchema).readonly(), next: z.string().nullable() }).openapi('IncidentPage');

/** A story. */
export const StorySchema = z
  .object({
    id: z.string().openapi({ example: 's3' }),
    title: z.string().nullable(),
    first_day: z.string().nullable(),
    last_day: z.string().nullable(),
    documents: z
      .array(z.object({ id: z.string(), title: z.string().nullable(), outlet: z.string().nullable(), day: z.string().nullable(), reprint_of: z.string().nullable() }))
      .readonly(),
    incidents: z.array(z.string()).readonly(),
  })
  .openapi('Story');

/** Response of GET /api/stories. */
export const StoryPageSchema = z.object({ items: z.array(StorySchema).readonly(), next: z.string().nullable() }).openapi('StoryPage');

/** A contradiction in the ledger. */
export const LedgerItemSchema = Contradiction.extend({
  id: z.string().openapi({ example: 'i12/0' }),
  incident: z.string(),
  story: z.string(),
  type: z.string(),
  date: DayRange.nullable(),
  place: Place.nullable(),
}).openapi('LedgerItem');

/** Response of GET /api/contradictions. */
export const ContradictionPageSchema = z.object({ items: z.array(LedgerItemSchema).readonly(), next: z.string().nullable() }).openapi('ContradictionPage');
