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

// Entity kinds whose spans are not places (the entities stage, when it ran before this one).
const NOT_PLACE_KINDS = new Set(['person', 'org', 'organisation', 'organization', 'military unit', 'unit', 'group', 'police', 'party', 'media', 'facility']);

function blockedSpans(doc: Doc): Blocked[] {
  const entities = (doc.layers.entities ?? []) as readonly (Span & { readonly kind?: string })[];
  return entities.filter((e) => e.kind !== undefined && NOT_PLACE_KINDS.has(e.kind.toLowerCase()));
}

/** Finds the places a document names and resolves them against the gazetteer. */
export const placesStage: Stage<'places'> = {
  name: 'places',
  version: 1,
  requires: [],
  assigns: ['places'],
  run(doc) {
    // The gazetteer is read-only look-up data, loaded once at first use.
    const found = findPlaces(sharedGazetteer(), doc.text, blockedSpans(doc));
    const places: PlaceSpan[] = found.map((p) => ({
      start: p.start, end: p.end, label: 'place', text: p.text,
      name: p.entry?.name ?? p.text,
      country: p.entry?.country || null,
      lat: p.entry ? Math.round(p.entry.lat * 1e5) / 1e5 : null,
      lon: p.entry ? Math.round(p.entry.lon * 1e5) / 1e5 : null,
      geonameid: p.entry?.geonameid ?? null,
      admin1: p.entry?.admin1 || null,
      admin2: p.entry?.admin2 || null,
      feature: p.entry?.feature ?? (p.cue as PlaceFeature | null) ?? null,
      precision: p.precision, role: p.role, confidence: p.confidence,
    }));
    places.sort((a, b) => a.start - b.start || a.end - b.end);
    return { places };
  },
};
