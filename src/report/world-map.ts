/**
 * A static SVG map: Natural Earth country outlines (world-atlas, 1:50m) projected with d3-geo and
 * fitted to the incidents, with the incidents as points. No tiles, no network.
 */
import { createRequire } from 'node:module';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { escapeHtml } from './escape.js';

/** A point to draw. */
export interface MapPoint {
  readonly lat: number;
  readonly lon: number;
  readonly label: string;
  readonly weight: number;
}

let countries: GeoPermissibleObjects[] | null = null;

/** The country outlines, loaded once: the atlas ships as JSON inside an installed package. */
function loadCountries(): GeoPermissibleObjects[] {
  if (!countries) {
    const require = createRequire(import.meta.url);
    const topo = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
    const fc = feature(topo, topo.objects.countries);
    countries = 'features' in fc ? (fc.features as GeoPermissibleObjects[]) : [fc as GeoPermissibleObjects];
  }
  return countries;
}

/** Renders the map as an inline SVG string. */
export function renderMapSvg(points: readonly MapPoint[], size: { readonly width: number; readonly height: number } = { width: 640, height: 420 }): string {
  const { width, height } = size;
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  // Fit to the incidents with a margin of about a degree, so the surroundings give context.
  const pad = 1;
  const extent: GeoPermissibleObjects =
    points.length > 0
      ? {
          type: 'MultiPoint',
          coordinates: [
            [Math.min(...lons) - pad, Math.min(...lats) - pad],
            [Math.max(...lons) + pad, Math.max(...lats) + pad],
          ],
        }
      : { type: 'Sphere' };
  const projection = geoMercator().fitExtent([[10, 10], [width - 10, height - 10]], extent).clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection);
  const shapes = loadCountries()
    .map((f) => path(f))
    .filter((d): d is string => Boolean(d))
    .map((d) => `<path d="${d}" class="land"/>`)
    .join('');
  const dots = points
    .map((p) => {
      const xy = projection([p.lon, p.lat]);
      if (!xy) return '';
      const r = 3 + Math.min(9, p.weight * 1.5);
      return `<circle cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="${r.toFixed(1)}" class="incident"><title>${escapeHtml(p.label)}</title></circle>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Map of incidents"><rect width="${width}" height="${height}" class="sea"/>${shapes}${dots}</svg>`;
}
