/** The places stage: every place the text names, resolved to coordinates, as the `places` layer. */
import type { Doc, Span } from '../../doc/types.js';
import type { Stage } from '../../pipeline/stage.js';
import { findPlaces, type Blocked } from './find-places.js';
import { sharedGazetteer, type PlaceFeature } from './gazetteer.js';

/** A place mention in Doc.text; unresolved mentions have null coordinates and geonameid. */
export interface PlaceSpan extends Span {
  readonly label: 'place';
  /** The text as written, e.g. "Zvechani". */
  readonly text: string;
  /** The resolved name, e.g. "Zvečan" (the text itself when unresolved). */
  readonly name: string;
  /** ISO 3166-1 alpha-2 (Kosovo XK); null when unresolved or a continent. */
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonameid: number | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
  readonly feature: PlaceFeature | null;
  /** ACLED geo_precision: 1 the place itself, 2 near it or a district, 3 a province, country or larger. */
  readonly precision: 1 | 2 | 3;
  /** 'event' when the sentence says something happened there, else 'mention'. */
  readonly role: 'event' | 'mention';
  readonly confidence: number;
}

/**
 * Entity kinds whose names can also be places: a state ("Serbia") and a government named by its
 * capital ("Belgrade warned") are still places. Every other entity span (a person, a force, an
 * organisation such as NATO, a unit such as "Nis Corps") is not a place.
 */
/** The confidence below which a place is reported unresolved (the issue's own convention for Srbovica). */
export const MIN_RESOLVED_CONFIDENCE = 0.5;

const PLACE_LIKE_KINDS = new Set(['state', 'government']);

function blockedSpans(doc: Doc): Blocked[] {
  const entities = (doc.layers.entities ?? []) as readonly (Span & { readonly kind?: string })[];
  return entities.filter((e) => e.kind !== undefined && !PLACE_LIKE_KINDS.has(e.kind.toLowerCase()));
}

/** Finds the places a document names and resolves them against the gazetteer. */
export const placesStage: Stage<'places'> = {
  name: 'places',
  version: 3,
  requires: [],
  assigns: ['places'],
  run(doc) {
    // The gazetteer is read-only look-up data, loaded once at first use.
    const found = findPlaces(sharedGazetteer(), doc.text, blockedSpans(doc));
    const places: PlaceSpan[] = found.map((p) => {
      // Below 0.5 the best candidate is a guess (often a distant namesake of a village the
      // gazetteer lacks): the span stays, unresolved, with its confidence, rather than put a
      // point on the map that nothing supports.
      const entry = p.confidence >= MIN_RESOLVED_CONFIDENCE ? p.entry : null;
      return {
      start: p.start, end: p.end, label: 'place', text: p.text,
      name: entry?.name ?? p.text,
      country: entry?.country || null,
      lat: entry ? Math.round(entry.lat * 1e5) / 1e5 : null,
      lon: entry ? Math.round(entry.lon * 1e5) / 1e5 : null,
      geonameid: entry?.geonameid ?? null,
      admin1: entry?.admin1 || null,
      admin2: entry?.admin2 || null,
      feature: entry?.feature ?? (p.cue as PlaceFeature | null) ?? null,
      precision: p.precision, role: p.role, confidence: p.confidence,
      };
    });
    places.sort((a, b) => a.start - b.start || a.end - b.end);
    return { places };
  },
};
