/** Geocoding one article's text: the shared core of the geocode command and the geoparsing evaluation. */
import { findPlaces } from './find-places.js';
import type { Gazetteer } from './gazetteer.js';
import { resolveToponyms } from './resolve-places.js';

/** A toponym with the coordinates chosen for it; null coordinates when it stayed unresolved. */
export interface GeocodedToponym {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonameid: number | null;
  readonly confidence: number;
}

/** Options for geocodeArticle. */
export interface GeocodeOptions {
  /** Toponym spans given by the caller (gold spans): resolve these only, recognise nothing. */
  readonly toponyms?: readonly { readonly start: number; readonly end: number }[];
}

/** Resolves the given toponym spans, or finds the toponyms itself when none are given. */
export function geocodeArticle(gazetteer: Gazetteer, text: string, options: GeocodeOptions = {}): GeocodedToponym[] {
  if (options.toponyms) {
    const mentions = options.toponyms.map((t) => ({ start: t.start, end: t.end, text: text.slice(t.start, t.end) }));
    return resolveToponyms(gazetteer, mentions, { demonyms: true, knownPlaces: true, text }).map((r) => ({
      start: r.mention.start, end: r.mention.end, name: r.entry?.name ?? r.mention.text,
      lat: r.entry ? round(r.entry.lat) : null, lon: r.entry ? round(r.entry.lon) : null,
      geonameid: r.entry?.geonameid ?? null, confidence: r.confidence,
    }));
  }
  return findPlaces(gazetteer, text).map((p) => ({
    start: p.start, end: p.end, name: p.entry?.name ?? p.text,
    lat: p.entry ? round(p.entry.lat) : null, lon: p.entry ? round(p.entry.lon) : null,
    geonameid: p.entry?.geonameid ?? null, confidence: p.confidence,
  }));
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
