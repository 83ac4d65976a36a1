/**
 * Wire types of the situation-picture routes (framing, escalation, camps, alerts) as zod schemas:
 * they validate the filters and generate the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { IsoDate } from './schemas.js';

/** Framing techniques the lexicon finds (src/stories/framing.ts). */
export const FRAMING_TECHNIQUES = ['name-calling', 'loaded-language', 'appeal-to-fear', 'exaggeration', 'scare-quotes'] as const;
/** Alert rules (src/report/alerts.ts). */
export const ALERT_RULES = ['threshold', 'new-actor', 'physical-after-rhetoric'] as const;

/** Default and largest page sizes. */
export const PICTURE_PAGE = { fallback: 200, max: 2000 } as const;

const window = {
  since: IsoDate.optional().openapi({ description: 'Days on or after this date (YYYY-MM-DD); undated incidents are left out', example: '2022-10-14' }),
  until: IsoDate.optional().openapi({ description: 'Days on or before this date (YYYY-MM-DD); undated incidents are left out', example: '2022-12-31' }),
};
const page = {
  cursor: z.string().min(1).max(2000).optional().openapi({ description: 'The `next` value of the previous page' }),
  limit: z.coerce.number().int().min(1).max(PICTURE_PAGE.max).optional().openapi({ description: `Page size (default ${PICTURE_PAGE.fallback}, at most ${PICTURE_PAGE.max})`, example: PICTURE_PAGE.fallback }),
};
const region = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .openapi({ description: 'A region as the series name it: an ISO country code of the incident place ("XK"), or "unknown" for unplaced incidents; case-insensitive', example: 'XK' });

/** Query parameters of GET /api/framing. */
export const FramingQuerySchema = z.object({
  outlet: z.string().min(1).max(200).optional().openapi({ description: 'Outlet name, compared case-insensitively (markers and profiles)', example: 'Barjak Online' }),
  document: z.string().regex(/^[0-9a-f]{16}$/, 'must be a document id (16 hex digits)').optional().openapi({ description: 'Only markers of this document' }),
  technique: z.enum(FRAMING_TECHNIQUES).optional().openapi({ description: 'Only markers of this technique' }),
  ...page,
});

/** Query parameters of GET /api/escalation. */
export const EscalationQuerySchema = z.object({ ...window, region });

/** Query parameters of GET /api/camps. */
export const CampsQuerySchema = z.object({
  ...window,
  camp: z.string().min(1).max(200).optional().openapi({ description: 'Only incidents this camp reports or denies (name, case-insensitive)' }),
  ...page,
});

/** Query parameters of GET /api/alerts. */
export const AlertsQuerySchema = z.object({ ...window, region, rule: z.enum(ALERT_RULES).optional().openapi({ description: 'Only alerts of this rule' }) });

const TechniqueCounts = z.record(z.string(), z.number().int()).openapi({ description: 'Markers by technique', example: { 'name-calling': 3, 'scare-quotes': 1 } });

/** One framing marker: a span of a document's text. */
export const FramingMarkerSchema = z
  .object({
    id: z.string().openapi({ description: '`<document>/<start>-<end>/<technique>`' }),
    document: z.string(),
    outlet: z.string().nullable(),
    start: z.number().int().openapi({ description: 'Start of the span in the document text (UTF-16 code units)' }),
    end: z.number().int(),
    technique: z.enum(FRAMING_TECHNIQUES),
    entry: z.string().openapi({ description: 'The lexicon entry that found it (or scare-quotes)' }),
    text: z.string().openapi({ description: 'The marked text, exactly the span' }),
  })
  .openapi('FramingMarker');

/** Framing by outlet (publisher family). */
export const FramingProfileSchema = z
  .object({
    outlet: z.string(),
    documents: z.number().int(),
    words: z.number().int(),
    markers: z.number().int(),
    per_thousand_words: z.number(),
    techniques: TechniqueCounts,
    top: z.array(z.object({ text: z.string(), count: z.number().int() })),
  })
  .openapi('FramingProfile');

/** GET /api/framing. */
export const FramingResponseSchema = z
  .object({
    items: z.array(FramingMarkerSchema),
    next: z.string().nullable(),
    profiles: z.array(FramingProfileSchema),
  })
  .openapi('FramingPage');

const Value = z.object({
  value: z.number().openapi({ description: 'Certainty-weighted sum over the incidents (each counts once, by its best-attested report)' }),
  incidents: z.array(z.string()).openapi({ description: 'The incidents behind the value (ids of GET /api/incidents)' }),
});

/** One day of an escalation series. */
export const EscalationDaySchema = z
  .object({ day: IsoDate, physical: Value, rhetoric: Value })
  .openapi('EscalationDay');

/** GET /api/escalation. */
export const EscalationResponseSchema = z
  .object({
    physical_types: z.array(z.string()).openapi({ description: 'Event types counted as physical' }),
    rhetoric_types: z.array(z.string()).openapi({ description: 'Event types counted as rhetoric' }),
    series: z.array(z.object({ region: z.string(), days: z.array(EscalationDaySchema) })).openapi({ description: 'Per region (country of the incident place), days in order' }),
    total: z.array(EscalationDaySchema).openapi({ description: 'The series summed over the regions returned' }),
  })
  .openapi('Escalation');

/** A camp as configured. */
export const CampSchema = z
  .object({ name: z.string(), outlets: z.array(z.string()), speakers: z.array(z.string()) })
  .openapi('Camp');

/** How one camp stands on one incident. */
export const CampStanceSchema = z
  .object({ camp: z.string(), stance: z.enum(['reports', 'denies', 'silent']), documents: z.array(z.string()) })
  .openapi('CampStance');

/** GET /api/camps. */
export const CampsResponseSchema = z
  .object({
    source: z.enum(['configured', 'example']).openapi({ description: 'Whether the camps were given to the server or are data/camps.example.json' }),
    camps: z.array(CampSchema),
    counts: z
      .array(z.object({ camp: z.string(), reports: z.number().int(), denies: z.number().int(), silent: z.number().int() }))
      .openapi({ description: 'Per camp, over every incident matching the filter: how many it reports, denies, is silent on' }),
    items: z.array(
      z.object({
        incident: z.string(),
        type: z.string(),
        date: z.object({ start: z.string(), end: z.string() }).nullable(),
        place: z.string().nullable(),
        camps: z.array(CampStanceSchema),
      }),
    ),
    next: z.string().nullable(),
  })
  .openapi('CampsPage');

/** One escalation alert. */
export const AlertSchema = z
  .object({
    rule: z.enum(ALERT_RULES),
    region: z.string(),
    day: z.string(),
    message: z.string(),
    incidents: z.array(z.string()).openapi({ description: 'Incidents that raised it (ids of GET /api/incidents)' }),
  })
  .openapi('Alert');

/** GET /api/alerts. */
export const AlertsResponseSchema = z.object({ items: z.array(AlertSchema) }).openapi('AlertList');

/** Escalation alert rules as GET/PUT /api/alerts/rules carry them (the config's `alerts`, without the webhook). */
export const AlertRulesSchema = z
  .object({
    physicalThreshold: z.number().min(0).openapi({ description: 'Certainty-weighted physical activity in a region on one day that raises an alert; 0 turns the rule off' }),
    newActor: z.boolean().openapi({ description: 'Alert on an actor first seen in a region' }),
    physicalAfterRhetoric: z.boolean().openapi({ description: 'Alert on the first physical act after rhetoric only' }),
  })
  .openapi('AlertRules');

/** A change to the rules: any subset of the fields. */
export const AlertRulesPatchSchema = AlertRulesSchema.partial().strict().openapi('AlertRulesPatch');
