/**
 * One Store interface, two implementations (embedded SQLite, PostgreSQL), one conformance suite
 * (`store.case.ts`) run against both.
 */
import type { Doc } from '../doc/types.js';
import type { EventSpan } from '../stages/events/event-span.js';

/** What putDocument did. */
export type PutOutcome =
  /** A new document (first time this origin was seen, or same origin never stored). */
  | 'stored'
  /** The same bytes were stored already: nothing changed. */
  | 'unchanged'
  /** The origin was known with other bytes: stored as a new version superseding the old one. */
  | 'new-version';

export interface PutResult {
  readonly outcome: PutOutcome;
  readonly id: string;
  /** 1 for the first version seen at this origin. */
  readonly version: number;
  /** The id of the version this one replaced, for `new-version`. */
  readonly supersedes: string | null;
}

/** A row of a document listing: enough to show and pick a document. */
export interface DocSummary {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly origin: string;
  readonly version: number;
  readonly ingested: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque cursor for the next page, or null at the end. */
  readonly next: string | null;
}

export interface SearchHit {
  readonly id: string;
  readonly title: string | null;
  /** A short excerpt around the match, plain text (callers escape it for display). */
  readonly snippet: string;
  readonly rank: number;
}

/** A recorded ingest failure (input, stage, code, message). */
export interface FailureRecord {
  readonly input: string;
  /** `ingest` for read/decode failures, otherwise the pipeline stage that failed. */
  readonly stage: string;
  readonly code: string;
  readonly message: string;
}

/** Conditional-GET state of a fetched URL (feeds). */
export interface FetchState {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly fetched: string;
}

export interface StoreStats {
  /** Current documents (latest version per origin). */
  readonly documents: number;
  /** All stored versions, current or superseded. */
  readonly versions: number;
  readonly failures: number;
}

export interface ListOptions {
  readonly limit?: number;
  readonly cursor?: string | null;
  /** Include superseded versions too. */
  readonly allVersions?: boolean;
  /** Published on or after this day (YYYY-MM-DD); undated documents are left out when since or until is set. */
  readonly since?: string | undefined;
  /** Published on or before this day (YYYY-MM-DD). */
  readonly until?: string | undefined;
  /** Outlet name, compared case-insensitively. */
  readonly outlet?: string | undefined;
  /** Language code as the document records it, compared case-insensitively. */
  readonly language?: string | undefined;
}

/** One coded event of a current document, as the store's events table keeps it. */
export interface StoredEvent {
  readonly document: string;
  /** The event's id inside its document (`e1`, ...). */
  readonly event: string;
  readonly type: string;
  readonly mode: string | null;
  readonly acled: { readonly disorder_type: string; readonly event_type: string; readonly sub_event_type: string } | null;
  readonly certainty: string | null;
  /** Who asserts it: the attribution kind (outlet, speaker, ...). */
  readonly attribution: string | null;
  readonly scope: string | null;
  readonly place: {
    readonly name: string | null;
    readonly country: string | null;
    readonly lat: number | null;
    readonly lon: number | null;
    readonly precision: number | null;
  } | null;
  readonly date: { readonly start: string; readonly end: string; readonly precision: number | null } | null;
  /** The document's outlet and publication date. */
  readonly outlet: string | null;
  readonly published: string | null;
  /** The trigger span in the document's text. */
  readonly trigger: { readonly start: number; readonly end: number };
  /** The event as the events layer holds it. */
  readonly span: EventSpan;
}

/**
 * What listEvents may be restricted to; fields combine with AND, list values with OR and match
 * exactly (callers normalise case: types are upper case, certainties and scopes lower case).
 */
export interface EventListOptions {
  /** Event days (else the publication day) overlapping [since, until]; undated events are left out when either is set. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly type?: string | readonly string[] | undefined;
  readonly certainty?: string | readonly string[] | undefined;
  readonly scope?: string | readonly string[] | undefined;
  /** The document's outlet, compared case-insensitively. */
  readonly outlet?: string | undefined;
  /** [west, south, east, north] in degrees; west > east crosses the antimeridian. Only events placed at coordinates. */
  readonly bbox?: readonly [number, number, number, number] | undefined;
  /** The `next` cursor of the previous page. */
  readonly after?: string | null | undefined;
  readonly limit?: number | undefined;
}

/** The persistence boundary. Every method is safe to call concurrently; writes are transactional. */
export interface Store {
  /** Which backend this is, for messages. */
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or upgrades the schema; idempotent. */
  migrate(): Promise<void>;
  /** True when a document with exactly these input bytes is stored (lets ingest skip the pipeline). */
  hasContent(sha256: string): Promise<boolean>;
  /**
   * Stores a document idempotently, keyed by the sha256 of its input bytes and versioned by its
   * origin key (path or URL, plus item number for records inside a container).
   */
  putDocument(doc: Doc): Promise<PutResult>;
  getDocument(id: string): Promise<Doc | null>;
  /** Documents in (ingested, id) order, filtered; cursors stay valid whatever is written meanwhile. */
  listDocuments(options?: ListOptions): Promise<Page<DocSummary>>;
  /**
   * Coded events of current documents in (day, document, event) order, where day is the event's
   * first day, else the document's publication day; undated events last.
   */
  listEvents(options?: EventListOptions): Promise<Page<StoredEvent>>;
  /** A token that changes whenever a document is written (never for an unchanged re-put); cheap to read. */
  revision(): Promise<string>;
  /** Streams every current document (or every version), oldest ingest first. */
  exportDocuments(options?: { readonly allVersions?: boolean }): AsyncIterable<Doc>;
  /** Full-text search over current documents, best first. */
  search(query: string, options?: { readonly limit?: number }): Promise<readonly SearchHit[]>;
  /** Records a failure; the same (input, stage, code, message) twice is kept once. */
  recordFailure(failure: FailureRecord): Promise<void>;
  listFailures(): Promise<readonly FailureRecord[]>;
  getFetchState(url: string): Promise<FetchState | null>;
  setFetchState(state: FetchState): Promise<void>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** The key under which versions of one input are grouped. */
export function originKey(doc: Pick<Doc, 'origin'>): string {
  const { path, url, item } = doc.origin;
  const base = url ?? path ?? '-';
  return item === undefined ? base : `${base}#${item}`;
}
