/** The places stage's public surface. */
export { placesStage, type PlaceSpan } from './places-stage.js';
export { findPlaces, findMentions, type FoundPlace } from './find-places.js';
export { geocodeArticle, type GeocodedToponym, type GeocodeOptions } from './geocode-article.js';
export { loadGazetteer, sharedGazetteer, type Gazetteer, type GazetteerEntry, type PlaceFeature } from './gazetteer.js';
export { resolveToponyms, candidatesFor, distanceKm, type ToponymMention, type ResolvedToponym } from './resolve-places.js';
export { foldName } from './fold-name.js';
