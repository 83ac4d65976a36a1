/**
 * The dashboard's client for the sitrep API. The types mirror the zod schemas in src/api/schemas.ts
 * by hand (importing those would pull zod and node:crypto into the bundle); a generated client
 * from /api/openapi.json should replace them once the API settles.
 */

/** A document row (GET /api/documents). */
export interface DocSummary {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly origin: string;
}

/** A standoff span with whatever fields its layer adds. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly [field: string]: unknown;
}

/** Document JSON (GET /api/documents/{id}), the fields the dashboard reads. */
export interface DocumentJson {
  readonly id: string;
  readonly title: string | null;
  readonly origin: { readonly path?: string; readonly url?: string };
  readonly published: { readonly date: string | null; readonly evidence: string | null };
  readonly outlet: { readonly name: string } | null;
  readonly language: string | null;
  readonly text: string;
  readonly layers: Readonly<Record<string, readonly Span[] | undefined>>;
}

/** A place aggregated across documents (GET /api/places). */
export interface Place {
  readonly key: string;
  readonly name: string;
  readonly country: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly precision: number;
  readonly documents: number;
  readonly outlets: number;
  readonly mentions: number;
  readonly event_mentions: number;
  readonly first_published: string | null;
  readonly last_published: string | null;
}

/** One mention of a place with its sentence. */
export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly role: string;
  readonly segment: string | null;
  readonly sentence: { readonly start: number; readonly end: number; readonly text: string };
}

/** GET /api/places/{key}/evidence. */
export interface PlaceEvidence {
  readonly place: Place;
  readonly documents: readonly {
    readonly id: string;
    readonly title: string | null;
    readonly outlet: string | null;
    readonly published: string | null;
    readonly mentions: readonly PlaceMention[];
  }[];
}

/** An entity aggregated across documents (GET /api/entities). */
export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly documents: number;
  readonly mentions: number;
}

/** An outlet and its document count (GET /api/sources). */
export interface Source {
  readonly outlet: string | null;
  readonly documents: number;
  readonly first_published: string | null;
  readonly last_published: string | null;
}

/** A full-text hit (GET /api/search). */
export interface SearchHit {
  readonly id: string;
  readonly title: string | null;
  readonly snippet: string;
}

/** A span of a document's text with the text itself. */
export interface QuotedSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One document's report of an incident (GET /api/incidents). */
export interface IncidentReport {
  readonly document: string;
  readonly event: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly type: string;
  readonly certainty: string;
  readonly attribution: { readonly kind: string; readonly text: string | null };
  readonly family: string;
  readonly reprint_of: string | null;
  readonly evidence: QuotedSpan;
}

/** An incident: one act and every report of it (GET /api/incidents). */
export interface Incident {
  readonly id: string;
  readonly story: string;
  readonly type: string;
  readonly date: { readonly start: string; readonly end: string } | null;
  readonly place: { readonly name: string; readonly country: string | null; readonly lat: number | null; readonly lon: number | null; readonly precision: number } | null;
  readonly independent_sources: number;
  readonly sources: readonly { readonly family: string; readonly outlets: readonly string[]; readonly documents: readonly string[]; readonly reprints: readonly string[] }[];
  readonly reports: readonly IncidentReport[];
  readonly contradictions: readonly { readonly kind: string; readonly summary: string; readonly sides: readonly { readonly claim: string; readonly sources: readonly string[] }[] }[];
}

/** A publication window; both bounds absent means every document, undated ones included. */
export interface Window {
  readonly since: string | null;
  readonly until: string | null;
}

/** A failed API call, with the server's error code and message. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GETs a JSON resource from the API. */
export async function getJson<T>(path: string, params: Readonly<Record<string, string | null | undefined>> = {}, signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') query.set(key, value);
  const url = query.size > 0 ? `${path}?${query.toString()}` : path;
  const response = await fetch(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiCallError(response.status, error?.code ?? `http-${response.status}`, error?.message ?? `${url} answered ${response.status}`);
  }
  return body as T;
}

/** Every current document summary, following the listing's cursors. */
export async function allDocuments(): Promise<readonly DocSummary[]> {
  const items: DocSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: readonly DocSummary[]; next: string | null } = await getJson('/api/documents', { limit: '500', cursor });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor !== null);
  return items;
}

/** Every incident in the window that the map can place, following the cursors. */
export async function allIncidents(window: Window): Promise<readonly Incident[]> {
  const items: Incident[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: readonly Incident[]; next: string | null } = await getJson('/api/incidents', { ...windowParams(window), limit: '1000', cursor });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor !== null);
  return items;
}

/** Query parameters for a window. */
export function windowParams(window: Window): Record<string, string | null> {
  return { since: window.since, until: window.until };
}

/** True when a document's publication date falls in the window (undated ones only when it is unbounded). */
export function inWindow(published: string | null, window: Window): boolean {
  if (window.since === null && window.until === null) return true;
  if (published === null) return false;
  const date = published.slice(0, 10);
  return (window.since === null || date >= window.since) && (window.until === null || date <= window.until);
}

/** One report on a side of a contradiction (GET /api/contradictions). */
export interface LedgerReport {
  readonly document: string;
  readonly event: string;
  readonly certainty: string | null;
  readonly outlet: string | null;
  readonly evidence: QuotedSpan | null;
}

/** A contradiction with its incident (GET /api/contradictions). */
export interface LedgerItem {
  readonly id: string;
  readonly incident: string;
  readonly story: string;
  readonly type: string;
  readonly kind: string;
  readonly summary: string;
  readonly date: { readonly start: string; readonly end: string } | null;
  readonly place: { readonly name: string; readonly country: string | null } | null;
  readonly sides: readonly { readonly claim: string; readonly sources: readonly string[]; readonly reports: readonly LedgerReport[] }[];
}

/** A framing marker: a span of a document (GET /api/framing). */
export interface FramingMarker {
  readonly id: string;
  readonly document: string;
  readonly outlet: string | null;
  readonly start: number;
  readonly end: number;
  readonly technique: string;
  readonly entry: string;
  readonly text: string;
}

/** Framing by outlet (GET /api/framing). */
export interface FramingProfile {
  readonly outlet: string;
  readonly documents: number;
  readonly words: number;
  readonly markers: number;
  readonly per_thousand_words: number;
  readonly techniques: Readonly<Record<string, number>>;
  readonly top: readonly { readonly text: string; readonly count: number }[];
}

/** GET /api/framing. */
export interface FramingPage {
  readonly items: readonly FramingMarker[];
  readonly next: string | null;
  readonly profiles: readonly FramingProfile[];
}

/** One value of the escalation series and the incidents behind it. */
export interface EscalationValue {
  readonly value: number;
  readonly incidents: readonly string[];
}

/** One day of the escalation series. */
export interface EscalationDay {
  readonly day: string;
  readonly physical: EscalationValue;
  readonly rhetoric: EscalationValue;
}

/** GET /api/escalation. */
export interface Escalation {
  readonly physical_types: readonly string[];
  readonly rhetoric_types: readonly string[];
  readonly series: readonly { readonly region: string; readonly days: readonly EscalationDay[] }[];
  readonly total: readonly EscalationDay[];
}

/** GET /api/camps. */
export interface CampsPage {
  readonly source: 'configured' | 'example';
  readonly camps: readonly { readonly name: string; readonly outlets: readonly string[]; readonly speakers: readonly string[] }[];
  readonly counts: readonly { readonly camp: string; readonly reports: number; readonly denies: number; readonly silent: number }[];
  readonly items: readonly unknown[];
  readonly next: string | null;
}

/** An escalation alert (GET /api/alerts). */
export interface Alert {
  readonly rule: string;
  readonly region: string;
  readonly day: string;
  readonly message: string;
  readonly incidents: readonly string[];
}
