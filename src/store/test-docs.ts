/**
 * Hand-built Docs for store tests: only what a test cares about is spelled out, the rest is a
 * plausible default. Not a test itself.
 */
import { createHash } from 'node:crypto';
import { docIdFromSha256 } from '../doc/doc-id.js';
import { unknownPublished, type Doc, type Origin, type Span } from '../doc/types.js';

/** What a test may override; `origin` may be given in part. */
export type DocOverrides = Partial<Omit<Doc, 'origin'>> & { readonly origin?: Partial<Origin> };

/**
 * A Doc for tests. Unless given, origin.sha256 is derived from the overrides (so different texts
 * are different bytes) and the id from the sha256, as ingest does.
 */
export function makeDoc(overrides: DocOverrides = {}): Doc {
  const { origin: originOverrides, ...rest } = overrides;
  const text = rest.text ?? 'Shelling was reported near the bridge on Tuesday morning.';
  const sha256 =
    originOverrides?.sha256 ??
    createHash('sha256').update(JSON.stringify([originOverrides?.path, originOverrides?.url, originOverrides?.item, rest])).digest('hex');
  const origin: Origin = {
    ...(originOverrides?.url === undefined ? { path: originOverrides?.path ?? 'articles/report.html' } : {}),
    ...originOverrides,
    sha256,
    fetched: originOverrides?.fetched ?? '2024-03-01T10:00:00.000Z',
  };
  return {
    id: rest.id ?? docIdFromSha256(sha256),
    origin,
    language: 'en',
    title: 'Bridge shelled',
    standfirst: null,
    published: { ...unknownPublished(), date: '2024-02-27', evidence: 'meta article:published_time' },
    outlet: { name: 'Example Herald', evidence: 'og:site_name' },
    text,
    body: text,
    captions: [],
    embeds: [],
    comments: [],
    boilerplate: [],
    layers: { segments: [{ start: 0, end: text.length, label: 'body' }] },
    errors: [],
    stages: { clean: 1 },
    ...rest,
  };
}

/** A coded event for the events layer of a test Doc: an asserted ASSAULT by the outlet unless overridden. */
export function makeEvent(overrides: Record<string, unknown> = {}): Span {
  return {
    start: 0,
    end: 8,
    label: 'ASSAULT',
    id: 'e1',
    type: 'ASSAULT',
    mode: null,
    trigger: 'Shelling',
    rule: 'test',
    acled: { disorder_type: 'Political violence', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' },
    actors: [],
    recipients: [],
    place: { name: 'Kherson', text: 'Kherson', country: 'UA', admin1: null, admin2: null, lat: 46.64, lon: 32.61, geonameid: null, precision: 2, basis: 'sentence', start: 0, end: 7 },
    date: { start: '2024-02-27', end: '2024-02-27', precision: 1, basis: 'text' },
    quantities: { participants: null, fatalities: null, injured: null },
    evidence: { start: 0, end: 20 },
    scope: 'article',
    scopeIndex: null,
    attribution: { kind: 'outlet', entity: null, text: null, cue: null },
    certainty: 'asserted',
    salience: 1,
    rank: 1,
    ...overrides,
  } as Span;
}
