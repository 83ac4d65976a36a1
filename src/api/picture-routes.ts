/**
 * Routes over the situation picture (issue 6) as the situation report computes it: framing markers
 * and per-outlet profiles, the escalation series per region and day, camps per incident, and the
 * escalation alerts. The report is built with the report module's public API (buildReportFrom)
 * over every current document, once per store revision (revision-cache.ts); the ETag is the
 * revision and the query, so revalidating an unchanged store costs no build.
 *
 * Incident ids: the report clusters its own story index, documents in day order, while
 * GET /api/incidents clusters them in store order, so the two may number an incident differently.
 * Every incident id these routes hand out is translated to the id GET /api/incidents uses, by the
 * reports (document, event) the incident holds, so a client can always open the evidence.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import campsExample from '../../data/camps.example.json' with { type: 'json' };
import { buildReportFrom, type Alert, type AlertRules, type Camp, type CampStance, type ReportIncident } from '../report/index.js';
import { CERTAINTY_WEIGHT, PHYSICAL, RHETORIC } from '../stories/index.js';
import { createRouter, errorResponses, jsonResponse, type ApiDeps, type ApiEnv } from './api-router.js';
import { tagFor, unchanged } from './revision-etag.js';
import { keysetPage, sequenceKey, sortByKey } from './keyset-page.js';
import {
  AlertRulesPatchSchema,
  AlertRulesSchema,
  AlertsQuerySchema,
  AlertsResponseSchema,
  CampsQuerySchema,
  CampsResponseSchema,
  EscalationQuerySchema,
  EscalationResponseSchema,
  FramingQuerySchema,
  FramingResponseSchema,
  PICTURE_PAGE,
} from './picture-schemas.js';
import { buildStoryView, type StoryView } from './story-view.js';

/** The example camps shipped in data/camps.example.json, used when the server is given none. */
export const EXAMPLE_CAMPS: readonly Camp[] = (campsExample as { camps: Camp[] }).camps;

/** Options of the picture routes. */
export interface PictureOptions {
  /** The camps; data/camps.example.json when absent. */
  readonly camps?: readonly Camp[] | undefined;
}

/** A framing marker as the API sends it. */
export interface MarkerItem {
  readonly id: string;
  readonly document: string;
  readonly outlet: string | null;
  readonly start: number;
  readonly end: number;
  readonly technique: string;
  readonly entry: string;
  readonly text: string;
}

/** One physical or rhetorical value and the incidents behind it. */
export interface EscalationValue {
  readonly value: number;
  readonly incidents: readonly string[];
}

/** One day of a series. */
export interface EscalationDayItem {
  readonly day: string;
  readonly physical: EscalationValue;
  readonly rhetoric: EscalationValue;
}

/** An incident's camp stances. */
export interface CampIncidentItem {
  readonly incident: string;
  readonly type: string;
  readonly date: { readonly start: string; readonly end: string } | null;
  readonly place: string | null;
  readonly camps: readonly CampStance[];
}

/** Everything the picture routes serve, built at one store revision. */
export interface PictureView {
  readonly markers: readonly MarkerItem[];
  readonly profiles: readonly {
    readonly outlet: string;
    readonly documents: number;
    readonly words: number;
    readonly markers: number;
    readonly per_thousand_words: number;
    readonly techniques: Readonly<Record<string, number>>;
    readonly top: readonly { readonly text: string; readonly count: number }[];
  }[];
  /** Per region, days in order. */
  readonly series: ReadonlyMap<string, readonly EscalationDayItem[]>;
  readonly camps: readonly CampIncidentItem[];
  readonly alerts: readonly Alert[];
}

/** Builds the picture from the report over every current document, incident ids those of the story view. */
export async function buildPictureView(docs: Parameters<typeof buildReportFrom>[0], view: StoryView, options: Parameters<typeof buildReportFrom>[1]): Promise<PictureView> {
  const report = await buildReportFrom(docs, options);
  // (document, event) → the API's incident id.
  const byReport = new Map<string, string>();
  for (const incident of view.incidents) for (const r of incident.reports) byReport.set(`${r.document}/${r.event}`, incident.id);
  const reportIncidents = report.stories.flatMap((story) => story.incidents);
  const idMap = new Map<string, readonly string[]>();
  for (const incident of reportIncidents) {
    const ids = [...new Set(incident.reports.flatMap((r) => byReport.get(`${r.document}/${r.event}`) ?? []))];
    idMap.set(incident.id, ids.length > 0 ? sortByKey(ids, sequenceKey) : [incident.id]);
  }
  const apiIds = (ids: readonly string[]): string[] => sortByKey(new Set(ids.flatMap((id) => idMap.get(id) ?? [id])), sequenceKey);

  const outletOf = new Map<string, string | null>();
  for (const story of view.stories) for (const doc of story.documents) outletOf.set(doc.id, doc.outlet);
  const seen = new Set<string>();
  const markers: MarkerItem[] = [];
  for (const m of report.framing) {
    const id = `${m.document}/${m.start}-${m.end}/${m.technique}`;
    if (seen.has(id)) continue;
    seen.add(id);
    markers.push({ id, document: m.document, outlet: outletOf.get(m.document) ?? null, start: m.start, end: m.end, technique: m.technique, entry: m.entry, text: m.text });
  }

  return {
    markers: sortByKey(markers, markerKey),
    profiles: report.framingProfiles.map((p) => ({
      outlet: p.outlet,
      documents: p.documents,
      words: p.words,
      markers: p.markers,
      per_thousand_words: p.perThousandWords,
      techniques: { ...p.techniques } as Record<string, number>,
      top: p.top.map((t) => ({ text: t.text, count: t.count })),
    })),
    series: escalationSeries(reportIncidents, apiIds),
    camps: sortByKey(
      reportIncidents.map((incident) => ({
        incident: apiIds([incident.id])[0] ?? incident.id,
        type: incident.type,
        date: incident.date,
        place: incident.place?.name ?? null,
        camps: incident.camps.map((c) => ({ camp: c.camp, stance: c.stance, documents: [...c.documents] })),
      })),
      (item) => sequenceKey(item.incident),
    ),
    alerts: report.alerts.map((alert) => ({ ...alert, incidents: apiIds(alert.incidents) })),
  };
}

function markerKey(m: MarkerItem): string {
  return `${m.document}/${String(m.start).padStart(9, '0')}/${String(m.end).padStart(9, '0')}/${m.technique}`;
}

/**
 * Per region (the incident place's country, "unknown" without one) and day: the certainty weight of
 * each physical or rhetorical incident's best-attested report, summed, as the report's escalation
 * and alerts weigh them (src/report/build-report.ts, alerts.ts), with the incidents behind each value.
 */
function escalationSeries(incidents: readonly ReportIncident[], apiIds: (ids: readonly string[]) => string[]): Map<string, EscalationDayItem[]> {
  const tallies = new Map<string, Map<string, { physical: number; rhetoric: number; p: string[]; r: string[] }>>();
  for (const inc of incidents) {
    if (inc.date === null) continue;
    const physical = (PHYSICAL as ReadonlySet<string>).has(inc.type);
    if (!physical && !(RHETORIC as ReadonlySet<string>).has(inc.type)) continue;
    const weight = Math.max(0, ...inc.reports.map((r) => (CERTAINTY_WEIGHT as Readonly<Record<string, number>>)[r.certainty] ?? 0));
    if (weight === 0) continue;
    const region = inc.place?.country ?? 'unknown';
    let days = tallies.get(region);
    if (!days) tallies.set(region, (days = new Map()));
    let t = days.get(inc.date.start);
    if (!t) days.set(inc.date.start, (t = { physical: 0, rhetoric: 0, p: [], r: [] }));
    if (physical) {
      t.physical += weight;
      t.p.push(inc.id);
    } else {
      t.rhetoric += weight;
      t.r.push(inc.id);
    }
  }
  const out = new Map<string, EscalationDayItem[]>();
  for (const region of [...tallies.keys()].sort()) {
    const days = tallies.get(region)!;
    out.set(
      region,
      [...days.keys()].sort().map((day) => {
        const t = days.get(day)!;
        return { day, physical: { value: round(t.physical), incidents: apiIds(t.p) }, rhetoric: { value: round(t.rhetoric), incidents: apiIds(t.r) } };
      }),
    );
  }
  return out;
}

/** The series summed over regions, day by day. */
function totalOf(series: readonly (readonly EscalationDayItem[])[]): EscalationDayItem[] {
  const days = new Map<string, { physical: number; rhetoric: number; p: Set<string>; r: Set<string> }>();
  for (const list of series) {
    for (const d of list) {
      let t = days.get(d.day);
      if (!t) days.set(d.day, (t = { physical: 0, rhetoric: 0, p: new Set(), r: new Set() }));
      t.physical += d.physical.value;
      t.rhetoric += d.rhetoric.value;
      for (const id of d.physical.incidents) t.p.add(id);
      for (const id of d.rhetoric.incidents) t.r.add(id);
    }
  }
  return [...days.keys()].sort().map((day) => {
    const t = days.get(day)!;
    return {
      day,
      physical: { value: round(t.physical), incidents: sortByKey(t.p, sequenceKey) },
      rhetoric: { value: round(t.rhetoric), incidents: sortByKey(t.r, sequenceKey) },
    };
  });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const notModified = { description: 'The store has not changed since the ETag sent in If-None-Match' };

const getFraming = createRoute({
  method: 'get',
  path: '/framing',
  tags: ['picture'],
  summary: 'Framing markers (each a span of a document with its technique and text) and per-outlet framing profiles',
  request: { query: FramingQuerySchema },
  responses: { 200: jsonResponse(FramingResponseSchema, 'One page of markers, and the profiles'), 304: notModified, ...errorResponses(400, 401) },
});

const getEscalation = createRoute({
  method: 'get',
  path: '/escalation',
  tags: ['picture'],
  summary: 'The escalation series per region and day: physical against rhetorical activity, each value with the incidents behind it',
  request: { query: EscalationQuerySchema },
  responses: { 200: jsonResponse(EscalationResponseSchema, 'The series'), 304: notModified, ...errorResponses(400, 401) },
});

const getCamps = createRoute({
  method: 'get',
  path: '/camps',
  tags: ['picture'],
  summary: 'The camps, and per incident which camps report it, deny it or are silent, with per-camp counts',
  request: { query: CampsQuerySchema },
  responses: { 200: jsonResponse(CampsResponseSchema, 'The camps and one page of incidents'), 304: notModified, ...errorResponses(400, 401) },
});

const getAlertRules = createRoute({
  method: 'get',
  path: '/alerts/rules',
  tags: ['picture'],
  summary: 'The escalation alert rules in force',
  responses: { 200: jsonResponse(AlertRulesSchema, 'The rules'), ...errorResponses(401) },
});

const putAlertRules = createRoute({
  method: 'put',
  path: '/alerts/rules',
  tags: ['picture'],
  summary: 'Change the alert rules (any subset of fields) until the server restarts; the config file keeps the defaults',
  security: [{ bearerAuth: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: AlertRulesPatchSchema } } } },
  responses: { 200: jsonResponse(AlertRulesSchema, 'The rules now in force'), ...errorResponses(400, 401, 403, 415, 422) },
});

const getAlerts = createRoute({
  method: 'get',
  path: '/alerts',
  tags: ['picture'],
  summary: "The escalation alerts the configured rules raise (the situation report's alerts), each with its incidents",
  request: { query: AlertsQuerySchema },
  responses: { 200: jsonResponse(AlertsResponseSchema, 'The alerts, in day order'), 304: notModified, ...errorResponses(400, 401) },
});

/** The picture routes, to mount under /api. */
export function pictureRoutes(deps: ApiDeps, options: PictureOptions = {}): OpenAPIHono<ApiEnv> {
  const cache = deps.derived;
  const configured = options.camps !== undefined;
  const camps = options.camps ?? EXAMPLE_CAMPS;
  const { webhook: _webhook, ...configuredRules } = deps.config.alerts;
  // Rules changed through the API hold until restart; each change is a new generation, so the
  // cached picture and the ETags of what depends on it move with it.
  let rules: Required<AlertRules> = { ...configuredRules };
  let generation = 0;
  const salt = (): string => (generation === 0 ? '' : `:rules${generation}`);
  const picture = () => {
    const inForce = rules;
    return cache.get(`picture${salt()}`, async (store) => {
      const { value: view } = await cache.get('stories', (s) => buildStoryView(s));
      return buildPictureView(store.exportDocuments(), view, { camps, alerts: inForce });
    });
  };
  return createRouter()
    .openapi(getAlertRules, (c) => c.json({ ...rules }, 200))
    .openapi(putAlertRules, (c) => {
      rules = { ...rules, ...stripUndefinedRules(c.req.valid('json')) };
      generation += 1;
      return c.json({ ...rules }, 200);
    })
    .openapi(getFraming, async (c) => {
      if (await unchanged(c, cache, salt())) return c.body(null, 304);
      const { outlet, document, technique, cursor, limit } = c.req.valid('query');
      const { value, revision } = await picture();
      c.header('ETag', tagFor(`${revision}${salt()}`, c));
      const wanted = outlet?.trim().toLowerCase();
      const keep = (m: MarkerItem): boolean =>
        (wanted === undefined || (m.outlet ?? '').toLowerCase() === wanted) && (document === undefined || m.document === document) && (technique === undefined || m.technique === technique);
      const page = keysetPage(value.markers, markerKey, keep, cursor, limit ?? PICTURE_PAGE.fallback);
      const profiles = wanted === undefined ? value.profiles : value.profiles.filter((p) => p.outlet.toLowerCase() === wanted);
      return c.json({ items: [...page.items], next: page.next, profiles: profiles.map((p) => ({ ...p, top: [...p.top] })) }, 200);
    })
    .openapi(getEscalation, async (c) => {
      if (await unchanged(c, cache, salt())) return c.body(null, 304);
      const { since, until, region } = c.req.valid('query');
      const { value, revision } = await picture();
      c.header('ETag', tagFor(`${revision}${salt()}`, c));
      const wanted = region?.trim().toLowerCase();
      const series = [...value.series]
        .filter(([name]) => wanted === undefined || name.toLowerCase() === wanted)
        .map(([name, days]) => ({ region: name, days: days.filter((d) => (since === undefined || d.day >= since) && (until === undefined || d.day <= until)) }))
        .filter((s) => s.days.length > 0);
      const copy = (d: EscalationDayItem) => ({ day: d.day, physical: { value: d.physical.value, incidents: [...d.physical.incidents] }, rhetoric: { value: d.rhetoric.value, incidents: [...d.rhetoric.incidents] } });
      return c.json(
        {
          physical_types: [...PHYSICAL].sort(),
          rhetoric_types: [...RHETORIC].sort(),
          series: series.map((s) => ({ region: s.region, days: s.days.map(copy) })),
          total: totalOf(series.map((s) => s.days)).map(copy),
        },
        200,
      );
    })
    .openapi(getCamps, async (c) => {
      if (await unchanged(c, cache, salt())) return c.body(null, 304);
      const { since, until, camp, cursor, limit } = c.req.valid('query');
      const { value, revision } = await picture();
      c.header('ETag', tagFor(`${revision}${salt()}`, c));
      const wanted = camp?.trim().toLowerCase();
      const keep = (item: CampIncidentItem): boolean =>
        overlaps(item.date, since, until) && (wanted === undefined || item.camps.some((s) => s.camp.toLowerCase() === wanted && s.stance !== 'silent'));
      const counts = camps.map((k) => ({ camp: k.name, reports: 0, denies: 0, silent: 0 }));
      for (const item of value.camps) {
        if (!keep(item)) continue;
        for (const stance of item.camps) {
          const count = counts.find((k) => k.camp === stance.camp);
          if (count) count[stance.stance] += 1;
        }
      }
      const page = keysetPage(value.camps, (item) => sequenceKey(item.incident), keep, cursor, limit ?? PICTURE_PAGE.fallback);
      return c.json(
        {
          source: configured ? ('configured' as const) : ('example' as const),
          camps: camps.map((k) => ({ name: k.name, outlets: [...(k.outlets ?? [])], speakers: [...(k.speakers ?? [])] })),
          counts,
          items: page.items.map((item) => ({ ...item, camps: item.camps.map((s) => ({ ...s, documents: [...s.documents] })) })),
          next: page.next,
        },
        200,
      );
    })
    .openapi(getAlerts, async (c) => {
      if (await unchanged(c, cache, salt())) return c.body(null, 304);
      const { since, until, region, rule } = c.req.valid('query');
      const { value, revision } = await picture();
      c.header('ETag', tagFor(`${revision}${salt()}`, c));
      const wanted = region?.trim().toLowerCase();
      const items = value.alerts.filter(
        (a) => (since === undefined || a.day >= since) && (until === undefined || a.day <= until) && (wanted === undefined || a.region.toLowerCase() === wanted) && (rule === undefined || a.rule === rule),
      );
      return c.json({ items: items.map((a) => ({ ...a, incidents: [...a.incidents] })) }, 200);
    });
}

function overlaps(range: { readonly start: string; readonly end: string } | null, since: string | undefined, until: string | undefined): boolean {
  if (since === undefined && until === undefined) return true;
  if (range === null) return false;
  return (since === undefined || range.end >= since) && (until === undefined || range.start <= until);
}


/** The fields of a rules patch that were given. */
function stripUndefinedRules(patch: Partial<AlertRules>): Partial<AlertRules> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<AlertRules>;
}
