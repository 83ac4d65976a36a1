/** Events with coordinates as a GeoJSON FeatureCollection (RFC 7946: longitude first). */
import type { Doc } from '../doc/types.js';
import type { EventSpan } from '../stages/events/event-span.js';
import { eventsBySalience } from '../stages/events/event-span.js';

/** One event as a GeoJSON Point feature. */
export interface EventFeature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
  readonly properties: {
    readonly id: string;
    readonly type: string;
    readonly mode: string | null;
    readonly date: string | null;
    readonly date_end: string | null;
    readonly certainty: string;
    readonly place: string;
    readonly geo_precision: number;
    readonly document: string;
    readonly evidence: string;
    readonly scope: string;
  };
}

/** A FeatureCollection of every event that has coordinates. */
export function toGeoJson(docs: readonly Doc[]): { readonly type: 'FeatureCollection'; readonly features: readonly EventFeature[] } {
  const features = docs.flatMap((doc) => eventsBySalience((doc.layers.events ?? []) as readonly EventSpan[])
    .filter((e) => e.place !== null && e.place.lat !== null && e.place.lon !== null)
    .map((e): EventFeature => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [e.place!.lon!, e.place!.lat!] },
      properties: {
        id: `${doc.id}-${e.id}`, type: e.type, mode: e.mode, date: e.date?.start ?? null, date_end: e.date?.end ?? null,
        certainty: e.certainty, place: e.place!.name, geo_precision: e.place!.precision, document: doc.id,
        evidence: doc.text.slice(e.evidence.start, e.evidence.end), scope: e.scope,
      },
    })));
  return { type: 'FeatureCollection', features };
}
