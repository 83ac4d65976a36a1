/**
 * The situation report as data: stories with their incidents, sources, camps and contradictions,
 * anomalies and the escalation series. Pure: documents in, a JSON-ready object out.
 */
import type { Doc, Span } from '../doc/types.js';
import type { EventPlace } from '../stages/events/event-span.js';
import { AFFIRMING, CERTAINTY_WEIGHT, PHYSICAL, RHETORIC } from '../stories/event-families.js';
import { createStoryIndex, type Contradiction, type Incident, type IncidentSource, type StoryIndexOptions } from '../stories/story-index.js';
import { sameOutlet } from '../stories/publisher.js';
import { documentDay } from '../stories/doc-facts.js';
import { articleWordCount, defaultFramingLexicon, framingMarkers, framingProfiles, type FramingEntry, type FramingMarker, type FramingProfile, type FramingTechnique } from '../stories/framing.js';
import { escalationAlerts, type Alert, type AlertRules } from './alerts.js';

/** A user-defined camp: outlets and speakers that share a side. */
export interface Camp {
  readonly name: string;
  readonly outlets?: readonly string[];
  readonly speakers?: readonly string[];
}

/** What to put in the report. */
export interface ReportOptions {
  /** First day (YYYY-MM-DD) of incidents to include. */
  readonly since?: string;
  /** Last day (YYYY-MM-DD) of incidents to include. */
  readonly until?: string;
  /** An ISO country code ("XK") or a place name; incidents elsewhere are left out. */
  readonly region?: string;
  readonly camps?: readonly Camp[];
  readonly index?: StoryIndexOptions;
  /** The framing lexicon; data/framing-lexicon.json by default. */
  readonly framingLexicon?: readonly FramingEntry[];
  /** Escalation alert rules; the defaults of {@link AlertRules} when omitted. */
  readonly alerts?: AlertRules;
}

/** One report of an incident, as the JSON contract carries it. */
export interface ReportEntry {
  readonly document: string;
  readonly event: string;
  readonly certainty: string;
  readonly attribution: { readonly kind: string; readonly text: string | null };
  readonly outlet: string | null;
  readonly evidence: string;
  readonly reprintOf: string | null;
}

/** How a camp stands on an incident. */
export interface CampStance {
  readonly camp: string;
  readonly stance: 'reports' | 'denies' | 'silent';
  readonly documents: readonly string[];
}

/** An incident in the report. */
export interface ReportIncident {
  readonly id: string;
  readonly type: string;
  readonly date: { readonly start: string; readonly end: string } | null;
  readonly place: { readonly name: string; readonly country: string | null; readonly lat: number | null; readonly lon: number | null; readonly precision: number } | null;
  readonly reports: readonly ReportEntry[];
  readonly sources: readonly IncidentSource[];
  readonly independentConfirmations: number;
  readonly camps: readonly CampStance[];
  readonly contradictions: readonly Contradiction[];
  /** Framing markers inside the evidence of its reports, by technique. */
  readonly framing: Readonly<Partial<Record<FramingTechnique, number>>>;
}

/** A story in the report. */
export interface ReportStory {
  readonly id: string;
  readonly title: string | null;
  readonly documents: readonly { readonly id: string; readonly title: string | null; readonly outlet: string | null; readonly day: string | null; readonly reprintOf: string | null }[];
  readonly incidents: readonly ReportIncident[];
}

/** One flagged anomaly, from a document's `anomalies` layer. */
export interface ReportAnomaly {
  readonly document: string;
  readonly label: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Certainty-weighted physical and rhetorical activity on one day, with the incidents behind it. */
export interface EscalationDay {
  readonly day: string;
  readonly physical: number;
  readonly rhetoric: number;
  readonly incidents: readonly string[];
}

/** The whole situation report. */
export interface SituationReport {
  readonly generated: { readonly documents: number; readonly since: string | null; readonly until: string | null; readonly region: string | null };
  readonly stories: readonly ReportStory[];
  /** Framing markers of every document, each a span of its text with the technique and lexicon entry. */
  readonly framing: readonly FramingMarker[];
  /** Framing by outlet (publisher family): markers by technique and per thousand words. */
  readonly framingProfiles: readonly FramingProfile[];
  /** Escalation alerts raised by the rules, each with its incidents. */
  readonly alerts: readonly Alert[];
  readonly anomalies: readonly ReportAnomaly[];
  readonly escalation: readonly EscalationDay[];
}

function inWindow(inc: Incident, options: ReportOptions): boolean {
  if (!inc.date) return options.since === undefined && options.until === undefined;
  if (options.since !== undefined && inc.date.end < options.since) return false;
  if (options.until !== undefined && inc.date.start > options.until) return false;
  return true;
}

function inRegion(place: EventPlace | null, region: string | undefined): boolean {
  if (region === undefined) return true;
  if (!place) return false;
  const r = region.trim().toLowerCase();
  return (place.country ?? '').toLowerCase() === r || place.name.toLowerCase() === r || place.text.toLowerCase() === r;
}

function campStances(inc: Incident, camps: readonly Camp[]): CampStance[] {
  return camps.map((camp) => {
    const outlets = camp.outlets ?? [];
    const speakers = (camp.speakers ?? []).map((s) => s.toLowerCase());
    const mine = inc.reports.filter(
      (r) =>
        outlets.some((o) => r.outlet !== null && sameOutlet(o, r.outlet)) ||
        (r.attribution.text !== null && speakers.some((s) => r.attribution.text!.toLowerCase().includes(s))) ||
        (r.attribution.entity !== null && speakers.includes(r.attribution.entity.toLowerCase())),
    );
    const docs = [...new Set(mine.map((r) => r.document))];
    // A camp that only denies is a denier; one that affirms at all reports it.
    const stance = mine.some((r) => AFFIRMING.has(r.certainty)) ? 'reports' : mine.length > 0 ? 'denies' : 'silent';
    return { camp: camp.name, stance, documents: docs };
  });
}

function reportIncident(inc: Incident, camps: readonly Camp[], markers: ReadonlyMap<string, readonly FramingMarker[]>): ReportIncident {
  const framing: Partial<Record<FramingTechnique, number>> = {};
  for (const r of inc.reports) {
    for (const m of markers.get(r.document) ?? []) {
      if (m.start >= r.evidenceSpan.start && m.end <= r.evidenceSpan.end) framing[m.technique] = (framing[m.technique] ?? 0) + 1;
    }
  }
  return {
    id: inc.id,
    type: inc.type,
    date: inc.date,
    place: inc.place ? { name: inc.place.name, country: inc.place.country, lat: inc.place.lat, lon: inc.place.lon, precision: inc.place.precision } : null,
    reports: inc.reports.map((r) => ({
      document: r.document,
      event: r.event,
      certainty: r.certainty,
      attribution: { kind: r.attribution.kind, text: r.attribution.text },
      outlet: r.outlet,
      evidence: r.evidence,
      reprintOf: r.reprintOf,
    })),
    sources: inc.sources,
    independentConfirmations: inc.independentConfirmations,
    camps: campStances(inc, camps),
    contradictions: inc.contradictions,
    framing,
  };
}

/** Per day: the strongest report's certainty weight of each physical or rhetorical incident, summed. */
function escalation(incidents: readonly Incident[]): EscalationDay[] {
  const days = new Map<string, { physical: number; rhetoric: number; incidents: string[] }>();
  for (const inc of incidents) {
    if (!inc.date) continue;
    const physical = PHYSICAL.has(inc.type);
    if (!physical && !RHETORIC.has(inc.type)) continue;
    // One incident counts once however many outlets repeat it; its weight is its best-attested report.
    const weight = Math.max(0, ...inc.reports.map((r) => CERTAINTY_WEIGHT[r.certainty]));
    if (weight === 0) continue;
    const day = inc.date.start;
    let d = days.get(day);
    if (!d) days.set(day, (d = { physical: 0, rhetoric: 0, incidents: [] }));
    if (physical) d.physical += weight;
    else d.rhetoric += weight;
    d.incidents.push(inc.id);
  }
  return [...days]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([day, d]) => ({ day, physical: round(d.physical), rhetoric: round(d.rhetoric), incidents: d.incidents }));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Builds the situation report from documents (any order; each is added once to a fresh story index). */
export function buildReport(docs: Iterable<Doc>, options: ReportOptions = {}): SituationReport {
  // 1. Cluster: stories, reprints, incidents.
  const index = createStoryIndex(options.index);
  const anomalies: ReportAnomaly[] = [];
  const markers = new Map<string, FramingMarker[]>();
  const words = new Map<string, number>();
  let count = 0;
  // Oldest first, undated last, ties by id: the index is incremental, and news arrives in time
  // order; a fixed order makes the report the same however the store lists its documents.
  const ordered = [...docs].map((doc) => ({ doc, day: documentDay(doc) })).sort((a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  for (const { doc } of ordered) {
    count++;
    index.add(doc);
    markers.set(doc.id, framingMarkers(doc, options.framingLexicon ?? defaultFramingLexicon));
    words.set(doc.id, articleWordCount(doc));
    for (const a of (doc.layers.anomalies ?? []) as readonly Span[]) {
      anomalies.push({ document: doc.id, label: a.label, text: doc.text.slice(a.start, a.end), start: a.start, end: a.end });
    }
  }
  // 2. Filter incidents by time and region; a story is kept when any of its incidents is.
  const kept = index.incidents().filter((inc) => inWindow(inc, options) && inRegion(inc.place, options.region));
  const byStory = new Map<string, Incident[]>();
  for (const inc of kept) {
    let list = byStory.get(inc.story);
    if (!list) byStory.set(inc.story, (list = []));
    list.push(inc);
  }
  const camps = options.camps ?? [];
  // 3. Assemble, most-corroborated incidents first.
  const stories: ReportStory[] = index
    .stories()
    .filter((s) => byStory.has(s.id))
    .map((s) => ({
      id: s.id,
      title: s.title,
      documents: s.documents.map((id) => {
        const d = index.document(id)!;
        return { id, title: d.title, outlet: d.outlet, day: d.day, reprintOf: d.reprintOf };
      }),
      incidents: byStory
        .get(s.id)!
        .sort((a, b) => b.independentConfirmations - a.independentConfirmations || b.reports.length - a.reports.length)
        .map((inc) => reportIncident(inc, camps, markers)),
    }));
  return {
    generated: { documents: count, since: options.since ?? null, until: options.until ?? null, region: options.region ?? null },
    stories,
    framing: [...markers.values()].flat(),
    framingProfiles: framingProfiles(
      // Profiles are by publisher family (an agency and its acronym are one), named by the outlet as printed.
      index.documents().map((d) => ({ outlet: d.outlet ?? `unknown outlet (${d.id})`, family: d.family, words: words.get(d.id) ?? 0, markers: markers.get(d.id) ?? [] })),
    ),
    anomalies,
    escalation: escalation(kept),
    alerts: escalationAlerts(kept, options.alerts),
  };
}

/** Reads documents from an async stream (Store.exportDocuments()) and builds the report. */
export async function buildReportFrom(docs: AsyncIterable<Doc>, options: ReportOptions = {}): Promise<SituationReport> {
  const all: Doc[] = [];
  for await (const d of docs) all.push(d);
  return buildReport(all, options);
}
