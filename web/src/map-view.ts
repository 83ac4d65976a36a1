/**
 * The map: Natural Earth country outlines (world-atlas, bundled as a file, so it works offline)
 * projected with d3-geo to SVG, and one point per place sized by the documents naming it.
 * Incidents, once the events stage exists, become a second point layer coloured by type.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import worldUrl from 'world-atlas/countries-50m.json?url';
import type { Place } from './api.js';
import { h, s } from './h.js';

/** What the map tells its owner. */
export interface MapViewOptions {
  readonly onSelect: (place: Place) => void;
}

/** Places labelled by name on the map; the rest are named in their tooltips only. */
const LABELLED = 10;
/** Smallest extent fitted, in degrees, so one place does not zoom to a street. */
const MIN_SPAN_DEGREES = 0.4;
/** Share of document weight left out at each edge of the main area: capitals and far-off places named in passing. */
const EDGE_SHARE = 0.1;
/** Projected area, in square pixels, a country needs for its name to be drawn. */
const LABEL_AREA = 2500;

/** The map view: owns an SVG, redraws on resize. */
export class MapView {
  /** The element to place in the page. */
  readonly element: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly caption: HTMLElement;
  private countries: readonly Feature<Geometry, { name?: string }>[] = [];
  private extent: readonly Place[] = [];
  private places: readonly Place[] = [];
  private selected: string | null = null;
  private fitAll = false;
  private readonly fitButton: HTMLButtonElement;

  constructor(private readonly options: MapViewOptions) {
    this.svg = s('svg', { class: 'map-svg', role: 'group', 'aria-label': 'Map of places named in the documents' });
    this.caption = h('p', { class: 'map-caption', 'aria-live': 'polite' });
    this.fitButton = h('button', { type: 'button', class: 'fit', onclick: () => this.toggleFit() }, 'Show all places');
    this.element = h(
      'section',
      { class: 'map', 'aria-label': 'Map' },
      this.svg,
      h(
        'div',
        { class: 'map-legend' },
        h('span', { class: 'legend-dot event' }),
        ' named where something happened ',
        h('span', { class: 'legend-dot mention' }),
        ' mentioned only ',
        h('span', { class: 'legend-dot ring' }),
        ' region or country as a whole · size: documents naming it',
      ),
      this.caption,
      this.fitButton,
    );
    new ResizeObserver(() => this.draw()).observe(this.element);
  }

  /** Loads the basemap; the points work without it, so a failure only loses the outlines. */
  async loadBasemap(): Promise<void> {
    const response = await fetch(worldUrl);
    if (!response.ok) throw new Error(`The basemap ${worldUrl} answered ${response.status}`);
    const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name?: string }> }>;
    const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
    this.countries = countries.features;
    this.draw();
  }

  /** Fits the view to these places (all of them, so moving through time does not jump the map). */
  setExtent(places: readonly Place[]): void {
    this.extent = places;
    this.draw();
  }

  /** Shows these places; `selected` is the key of the one whose evidence is open. */
  setPlaces(places: readonly Place[], selected: string | null): void {
    this.places = places;
    this.selected = selected;
    this.draw();
  }

  private toggleFit(): void {
    this.fitAll = !this.fitAll;
    this.fitButton.textContent = this.fitAll ? 'Zoom to the main area' : 'Show all places';
    this.draw();
  }

  private draw(): void {
    const width = Math.max(200, this.svg.clientWidth || 800);
    const height = Math.max(200, this.svg.clientHeight || 520);
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const projection = this.projection(width, height);
    const path = geoPath(projection);

    const land = s(
      'g',
      { class: 'countries' },
      this.countries.map((country) => s('path', { d: path(country as GeoPermissibleObjects) ?? '' })),
    );
    const labels = s(
      'g',
      { class: 'country-labels', 'aria-hidden': 'true' },
      this.countries.map((country) => {
        const [x, y] = path.centroid(country as GeoPermissibleObjects);
        const name = country.properties?.name;
        if (!name || path.area(country as GeoPermissibleObjects) < LABEL_AREA || !Number.isFinite(x) || x < 40 || x > width - 40 || y < 20 || y > height - 20) return null;
        return s('text', { x: x.toFixed(1), y: y.toFixed(1) }, name);
      }),
    );

    // Large points first, so small ones stay clickable on top of them.
    const ordered = [...this.places].sort((a, b) => b.documents - a.documents);
    const labelled = new Set(ordered.slice(0, LABELLED).map((place) => place.key));
    const points = s(
      'g',
      { class: 'points' },
      ordered.map((place) => {
        const xy = projection([place.lon, place.lat]);
        if (xy === null) return null;
        const radius = 3 + 3.2 * Math.sqrt(place.documents);
        const description =
          `${place.name}${place.country ? ` (${place.country})` : ''}: ${place.documents} document${place.documents === 1 ? '' : 's'}, ` +
          `${place.outlets} outlet${place.outlets === 1 ? '' : 's'}, ${place.mentions} mention${place.mentions === 1 ? '' : 's'}` +
          (place.event_mentions > 0 ? `, ${place.event_mentions} as where something happened` : '');
        const select = (): void => this.options.onSelect(place);
        return s(
          'g',
          {
            // A country or province named as a whole is drawn as a ring: its centroid is not a location.
            class: `point ${place.event_mentions > 0 ? 'event' : 'mention'}${place.precision >= 3 ? ' coarse' : ''}${place.key === this.selected ? ' selected' : ''}`,
            transform: `translate(${xy[0].toFixed(1)} ${xy[1].toFixed(1)})`,
            tabindex: 0,
            role: 'button',
            'aria-label': description,
            'aria-pressed': place.key === this.selected ? 'true' : 'false',
            'data-key': place.key,
            onclick: select,
            onkeydown: (event: Event) => {
              const key = (event as KeyboardEvent).key;
              if (key === 'Enter' || key === ' ') {
                event.preventDefault();
                select();
              }
            },
          },
          s('title', {}, description),
          s('circle', { r: radius.toFixed(1) }),
          labelled.has(place.key) ? s('text', { x: (radius + 3).toFixed(1), y: '4' }, place.name) : null,
        );
      }),
    );
    this.svg.replaceChildren(land, labels, points);
    const documents = this.places.reduce((most, place) => Math.max(most, place.documents), 0);
    const outside = this.places.filter((place) => {
      const xy = projection([place.lon, place.lat]);
      return xy === null || xy[0] < 0 || xy[0] > width || xy[1] < 0 || xy[1] > height;
    }).length;
    this.caption.textContent =
      this.places.length === 0
        ? 'No located places in this window.'
        : `${this.places.length} places; the most named is in ${documents} document${documents === 1 ? '' : 's'}` +
          (outside > 0 ? `; ${outside} outside this view.` : '.');
  }

  private projection(width: number, height: number): GeoProjection {
    // The main area leaves out the far tails of the document weight (a capital named in passing,
    // a country-level mention), unless asked to show everything.
    const core = this.extent.filter((place) => place.precision < 3);
    const basis = this.fitAll || core.length === 0 ? this.extent : core;
    const edge = this.fitAll ? 0 : EDGE_SHARE;
    const [west, east] = basis.length > 0 ? widen(...weightedRange(basis, (place) => place.lon, edge)) : [12, 30];
    const [south, north] = basis.length > 0 ? widen(...weightedRange(basis, (place) => place.lat, edge)) : [38, 48];
    const frame: GeoPermissibleObjects = {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, north],
      ],
    };
    const pad = 28;
    return geoMercator()
      .fitExtent(
        [
          [pad, pad],
          [width - pad, height - pad],
        ],
        frame,
      )
      .clipExtent([
        [0, 0],
        [width, height],
      ]);
  }
}

/** The values between the `edge` and `1 - edge` quantiles, each place weighted by its documents. */
function weightedRange(places: readonly Place[], value: (place: Place) => number, edge: number): [number, number] {
  const sorted = [...places].sort((a, b) => value(a) - value(b));
  const total = sorted.reduce((sum, place) => sum + place.documents, 0);
  let low = value(sorted[0] as Place);
  let high = value(sorted[sorted.length - 1] as Place);
  let seen = 0;
  let lowFound = false;
  for (const place of sorted) {
    seen += place.documents;
    if (!lowFound && seen > total * edge) {
      low = value(place);
      lowFound = true;
    }
    if (seen >= total * (1 - edge)) {
      high = value(place);
      break;
    }
  }
  return [low, high];
}

function widen(low: number, high: number): [number, number] {
  const span = high - low;
  if (span >= MIN_SPAN_DEGREES) return [low - span * 0.08, high + span * 0.08];
  const middle = (low + high) / 2;
  return [middle - MIN_SPAN_DEGREES / 2, middle + MIN_SPAN_DEGREES / 2];
}
