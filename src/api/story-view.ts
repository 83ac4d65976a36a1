/**
 * Stories, incidents and contradictions for the API, built with the stories module's public API
 * from every current document (oldest ingest first, as `sitrep report` does) and kept per store
 * revision, so repeated requests never re-cluster. Every report and every side of a contradiction
 * carries its document id and evidence span, so each count can be walked back to the text.
 */
import { createStoryIndex, type Contradiction, type Incident, type IncidentReport, type StoryIndexOptions } from '../stories/index.js';
import type { Store } from '../store/store.js';
import { inBbox, type QuotedSpan } from './events-index.js';
import { keysetPage, sequenceKey, sortByKey, type KeysetPage } from './keyset-page.js';

/** One document's report of an incident. */
export interface ReportItem {
  readonly document: string;
  readonly event: string;
  readonly title: string | null;
  readonly outlet: string | null;
  /** The document's day (publication date), when known. */
  readonly published: string | null;
  readonly type: string;
  readonly certainty: string;
  readonly attribution: { readonly kind: string; readonly text: string | null; readonly entity: string | null };
  /** The publisher family the report counts for. */
  readonly family: string;
  readonly reprint_of: string | null;
  readonly quantities: { readonly participants: number | null; readonly fatalities: number | null; readonly injured: number | null };
  readonly evidence: QuotedSpan;
}

/** One side of a contradiction, its reports with their evidence. */
export interface ContradictionSideItem {
  readonly claim: string;
  readonly sources: readonly string[];
  readonly reports: readonly { readonly document: string; readonly event: string; readonly certainty: string | null; readonly outlet: string | null; readonly evidence: QuotedSpan | null }[];
}

/** A contradiction inside an incident. */
export interface ContradictionItem {
  readonly kind: 'denial' | 'numbers' | 'actors';
  readonly summary: string;
  readonly sides: readonly ContradictionSideItem[];
}

/** A place as incidents carry it. */
export interface IncidentPlace {
  readonly name: string;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: number;
}

/** An incident: one act, all its reports. */
export interface IncidentItem {
  readonly id: string;
  readonly story: string;
  readonly type: string;
  readonly family: string;
  readonly date: { readonly start: string; readonly end: string } | null;
  readonly place: IncidentPlace | null;
  /** Publisher families reporting it happened (reprints and denials do not count). */
  readonly independent_sources: number;
  readonly sources: readonly { readonly family: string; readonly outlets: readonly string[]; readonly documents: readonly string[]; readonly reprints: readonly string[] }[];
  readonly reports: readonly ReportItem[];
  readonly contradictions: readonly ContradictionItem[];
}

/** A story: documents about one development. */
export interface StoryItem {
  readonly id: string;
  readonly title: string | null;
  readonly first_day: string | null;
  readonly last_day: string | null;
  readonly documents: readonly { readonly id: string; readonly title: string | null; readonly outlet: string | null; readonly day: string | null; readonly reprint_of: string | null }[];
  readonly incidents: readonly string[];
}

/** A contradiction with the incident it belongs to. */
export interface LedgerItem extends ContradictionItem {
  /** `<incident id>/<n>`. */
  readonly id: string;
  readonly incident: string;
  readonly story: string;
  readonly type: string;
  readonly date: { readonly start: string; readonly end: string } | null;
  readonly place: IncidentPlace | null;
}

/** Everything clustered at one store revision, each list in id order. */
export interface StoryView {
  readonly documents: number;
  readonly stories: readonly StoryItem[];
  readonly incidents: readonly IncidentItem[];
  readonly contradictions: readonly LedgerItem[];
}

/** Filters shared by the story, incident and contradiction listings. */
export interface StoryFilter {
  /** Days overlapping [since, until]; undated items are left out when either is set. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  /** Incident types (PLOVER), any of. */
  readonly types?: readonly string[] | undefined;
  readonly bbox?: readonly [number, number, number, number] | undefined;
  /** Only incidents of this story. */
  readonly story?: string | undefined;
  /** Only incidents with at least this many independent sources. */
  readonly minSources?: number | undefined;
  /** Contradiction kinds, any of. */
  readonly kinds?: readonly string[] | undefined;
}

/** Clusters every current document of the store. */
export async function buildStoryView(store: Store, options: StoryIndexOptions = {}): Promise<StoryView> {
  const index = createStoryIndex(options);
  const published = new Map<string, string | null>();
  let documents = 0;
  for await (const doc of store.exportDocuments()) {
    documents += 1;
    index.add(doc);
    published.set(doc.id, doc.published.date);
  }
  const titleOf = (id: string): string | null => index.document(id)?.title ?? null;
  const incidents = sortByKey(
    index.incidents().map((incident) => incidentItem(incident, titleOf, published)),
    (item) => sequenceKey(item.id),
  );
  const stories = sortByKey(
    index.stories().map((story) => ({
      id: story.id,
      title: story.title,
      first_day: story.firstDay,
      last_day: story.lastDay,
      documents: story.documents.map((id) => {
        const doc = index.document(id);
        return { id, title: doc?.title ?? null, outlet: doc?.outlet ?? null, day: doc?.day ?? null, reprint_of: doc?.reprintOf ?? null };
      }),
      incidents: [...story.incidents],
    })),
    (item) => sequenceKey(item.id),
  );
  const contradictions = incidents.flatMap((incident) =>
    incident.contradictions.map((contradiction, n) => ({
      id: `${incident.id}/${n}`,
      incident: incident.id,
      story: incident.story,
      type: incident.type,
      date: incident.date,
      place: incident.place,
      ...contradiction,
    })),
  );
  return { documents, stories, incidents, contradictions };
}

/** One page of stories whose days overlap the window. */
export function queryStories(view: StoryView, filter: StoryFilter, cursor: string | undefined, limit: number): KeysetPage<StoryItem> {
  return keysetPage(view.stories, (item) => sequenceKey(item.id), (item) => overlaps(item.first_day === null ? null : { start: item.first_day, end: item.last_day ?? item.first_day }, filter), cursor, limit);
}

/** One page of incidents matching the filter. */
export function queryIncidents(view: StoryView, filter: StoryFilter, cursor: string | undefined, limit: number): KeysetPage<IncidentItem> {
  const types = filter.types === undefined ? null : new Set(filter.types.map((type) => type.toUpperCase()));
  const keep = (item: IncidentItem): boolean =>
    (types === null || types.has(item.type)) &&
    (filter.story === undefined || item.story === filter.story) &&
    (filter.minSources === undefined || item.independent_sources >= filter.minSources) &&
    (filter.bbox === undefined || inBbox(item.place, filter.bbox)) &&
    overlaps(item.date, filter);
  return keysetPage(view.incidents, (item) => sequenceKey(item.id), keep, cursor, limit);
}

/** One page of the contradiction ledger. */
export function queryContradictions(view: StoryView, filter: StoryFilter, cursor: string | undefined, limit: number): KeysetPage<LedgerItem> {
  const types = filter.types === undefined ? null : new Set(filter.types.map((type) => type.toUpperCase()));
  const kinds = filter.kinds === undefined ? null : new Set(filter.kinds.map((kind) => kind.toLowerCase()));
  const keep = (item: LedgerItem): boolean =>
    (types === null || types.has(item.type)) &&
    (kinds === null || kinds.has(item.kind)) &&
    (filter.story === undefined || item.story === filter.story) &&
    (filter.bbox === undefined || inBbox(item.place, filter.bbox)) &&
    overlaps(item.date, filter);
  return keysetPage(view.contradictions, ledgerKey, keep, cursor, limit);
}

function ledgerKey(item: LedgerItem): string {
  const [incident, n] = item.id.split('/');
  return `${sequenceKey(incident ?? '')}/${(n ?? '').padStart(4, '0')}`;
}

function overlaps(range: { readonly start: string; readonly end: string } | null, window: StoryFilter): boolean {
  if (window.since === undefined && window.until === undefined) return true;
  if (range === null) return false;
  if (window.since !== undefined && range.end < window.since) return false;
  if (window.until !== undefined && range.start > window.until) return false;
  return true;
}

function incidentItem(incident: Incident, titleOf: (id: string) => string | null, published: ReadonlyMap<string, string | null>): IncidentItem {
  const reports = incident.reports.map((report) => reportItem(report, titleOf, published));
  const byEvent = new Map(reports.map((report) => [`${report.document}/${report.event}`, report]));
  return {
    id: incident.id,
    story: incident.story,
    type: incident.type,
    family: incident.family,
    date: incident.date,
    place:
      incident.place === null
        ? null
        : { name: incident.place.name, country: incident.place.country, lat: incident.place.lat, lon: incident.place.lon, precision: incident.place.precision },
    independent_sources: incident.independentConfirmations,
    sources: incident.sources.map((source) => ({ family: source.family, outlets: [...source.outlets], documents: [...source.documents], reprints: [...source.reprints] })),
    reports,
    contradictions: incident.contradictions.map((contradiction) => contradictionItem(contradiction, byEvent)),
  };
}

function reportItem(report: IncidentReport, titleOf: (id: string) => string | null, published: ReadonlyMap<string, string | null>): ReportItem {
  return {
    document: report.document,
    event: report.event,
    title: titleOf(report.document),
    outlet: report.outlet,
    published: published.get(report.document) ?? null,
    type: report.type,
    certainty: report.certainty,
    attribution: { kind: report.attribution.kind, text: report.attribution.text, entity: report.attribution.entity },
    family: report.family,
    reprint_of: report.reprintOf,
    quantities: { participants: report.quantities.participants, fatalities: report.quantities.fatalities, injured: report.quantities.injured },
    evidence: { start: report.evidenceSpan.start, end: report.evidenceSpan.end, text: report.evidence },
  };
}

function contradictionItem(contradiction: Contradiction, byEvent: ReadonlyMap<string, ReportItem>): ContradictionItem {
  return {
    kind: contradiction.kind,
    summary: contradiction.summary,
    sides: contradiction.sides.map((side) => ({
      claim: side.claim,
      sources: [...side.sources],
      reports: side.reports.map(({ document, event }) => {
        const report = byEvent.get(`${document}/${event}`);
        return { document, event, certainty: report?.certainty ?? null, outlet: report?.outlet ?? null, evidence: report?.evidence ?? null };
      }),
    })),
  };
}
