/** Events as ACLED-style rows with the codebook's column names, and as a CSV file. */
import type { Doc } from '../doc/types.js';
import taxonomy from '../../data/events/acled-taxonomy.json' with { type: 'json' };
import type { EventActor, EventSpan } from '../stages/events/event-span.js';
import { eventsBySalience } from '../stages/events/event-span.js';
import { csvRow } from './csv.js';

/** The ACLED codebook's columns, in its order. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

/** One ACLED-style row. */
export type AcledRow = { readonly [K in (typeof ACLED_COLUMNS)[number]]: string | number | null };

const INTER: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(taxonomy.interCodes).filter(([, v]) => typeof v === 'number'),
) as Record<string, number>;

// ISO 3166 numeric codes, ACLED's `iso`, and country names, for the countries this project's packs cover; others stay empty.
const COUNTRIES: Readonly<Record<string, { readonly iso: number | null; readonly name: string; readonly region: string }>> = {
  XK: { iso: null, name: 'Kosovo', region: 'Europe' },
  RS: { iso: 688, name: 'Serbia', region: 'Europe' },
  AL: { iso: 8, name: 'Albania', region: 'Europe' },
  MK: { iso: 807, name: 'North Macedonia', region: 'Europe' },
  ME: { iso: 499, name: 'Montenegro', region: 'Europe' },
  BA: { iso: 70, name: 'Bosnia and Herzegovina', region: 'Europe' },
};

function inter(actors: readonly EventActor[]): number {
  return actors[0]?.class ? INTER[actors[0].class] ?? 0 : 0;
}

function rowOf(doc: Doc, e: EventSpan, index: number): AcledRow {
  const i1 = inter(e.actors);
  const i2 = inter(e.recipients);
  const country = e.place?.country ?? null;
  const known = country ? COUNTRIES[country] : undefined;
  const [low, high] = i1 <= i2 ? [i1, i2] : [i2, i1];
  return {
    event_id_cnty: `${country ?? 'XX'}-${doc.id}-${e.id}`,
    event_date: e.date?.start ?? null,
    year: e.date ? Number(e.date.start.slice(0, 4)) : null,
    time_precision: e.date?.precision ?? null,
    disorder_type: e.acled?.disorder_type ?? null,
    event_type: e.acled?.event_type ?? null,
    sub_event_type: e.acled?.sub_event_type ?? null,
    actor1: e.actors[0]?.text ?? null,
    assoc_actor_1: e.actors.slice(1).map((a) => a.text).join('; ') || null,
    inter1: i1,
    actor2: e.recipients[0]?.text ?? null,
    assoc_actor_2: e.recipients.slice(1).map((a) => a.text).join('; ') || null,
    inter2: i2,
    interaction: i1 === 0 && i2 === 0 ? 0 : low === 0 ? high * 10 : low * 10 + high,
    civilian_targeting: e.recipients[0]?.class === 'civilians' && e.acled?.event_type === 'Violence against civilians' ? 'Civilian targeting' : null,
    iso: known?.iso ?? null,
    region: known?.region ?? null,
    country: known?.name ?? country,
    admin1: e.place?.admin1 ?? null,
    admin2: e.place?.admin2 ?? null,
    admin3: null,
    location: e.place?.name ?? null,
    latitude: e.place?.lat ?? null,
    longitude: e.place?.lon ?? null,
    geo_precision: e.place?.precision ?? null,
    source: e.attribution.kind === 'outlet' ? doc.outlet?.name ?? null : [doc.outlet?.name, e.attribution.text].filter(Boolean).join('; ') || null,
    source_scale: null,
    notes: `${doc.text.slice(e.evidence.start, e.evidence.end)} [${e.type}${e.mode ? `/${e.mode}` : ''}; ${e.certainty}; doc ${doc.id} ${e.id}]`,
    fatalities: e.quantities.fatalities ?? 0,
    tags: e.certainty === 'asserted' ? null : `certainty: ${e.certainty}`,
    timestamp: index,
  };
}

/** ACLED-style rows for every event ACLED would code (those with an ACLED type), most salient first per document. */
export function toAcledRows(docs: readonly Doc[]): AcledRow[] {
  return docs.flatMap((doc) => eventsBySalience((doc.layers.events ?? []) as readonly EventSpan[]).filter((e) => e.acled !== null).map((e, i) => rowOf(doc, e, i)));
}

/** Writes the rows as CSV (header first) through `write`, one record per call. */
export function writeAcledCsv(docs: readonly Doc[], write: (chunk: string) => void): void {
  write(csvRow(ACLED_COLUMNS));
  for (const row of toAcledRows(docs)) write(csvRow(ACLED_COLUMNS.map((c) => row[c])));
}
