/**
 * The map: Natural Earth country outlines (world-atlas, bundled as a file, so it works offline)
 * projected with d3-geo to SVG, one point per place sized by the documents naming it, and on top
 * one diamond per incident, coloured by its event type and sized by its independent sources.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import worldUrl from 'world-atlas/countries-50m.json?url';
import type { Incident, Place } from './api.js';
import { h, onEnterOrSpace, s } from './h.js';

/** What the map tells its owner. */
export interface MapViewOptions {
  readonly onSelect: (place: Place) => void;
  readonly onSelectIncident: (incident: Incident) => void;
}

/**
 * A colour per PLOVER type, grouped by kind of act so the map reads at a glance: force reds,
 * protest and mobilisation oranges, words purples, cooperation greens and blues.
 */
export const TYPE_COLOURS: Readonly<Record<string, string>> = {
  ASSAULT: '#b2182b',
  COERCE: '#e7298a',
  SANCTION: '#8c510a',
  MOBILIZE: '#d95f02',
  PROTEST: '#f1a340',
  THREATEN: '#762a83',
  ACCUSE: '#9970ab',
  REJECT: '#5e3c99',
  REQUEST: '#4393c3',
  CONSULT: '#2166ac',
  AGREE: '#1b7837',
  SUPPORT: '#5aae61',
  COOPERATE: '#01665e',
  AID: '#35978f',
  CONCEDE: '#80cdc1',
  RETREAT: '#878787',
};

/** A readable name for a PLOVER type. */
export function typeName(type: string): string {
  return type.charAt(0) + type.slice(1).toLowerCase();
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
  private incidents: readonly Incident[] = [];
  private selectedIncident: string | null = null;
  private showPlaces = true;
  private showIncidents = true;
  private readonly typeLegend: HTMLElement;
  private fitAll = false;
  private readonly fitButton: HTMLButtonElement;

  constructor(private readonly options: MapViewOptions) {
    this.svg = s('svg', { class: 'map-svg', role: 'group', 'aria-label': 'Map of places named in the documents' });
    this.caption = h('p', { class: 'map-caption', 'aria-live': 'polite' });
    this.fitButton = h('button', { type: 'button', class: 'fit', onclick: () => this.toggleFit() }, 'Show all places');
    this.typeLegend = h('span', { class: 'type-legend' });
    const layerToggle = (label: string, id: string, set: (on: boolean) => void): HTMLElement =>
      h(
        'label',
        { class: 'layer-toggle' },
        h('input', {
          type: 'checkbox',
          id,
          checked: true,
          onchange: (event: Event) => {
            set((event.target as HTMLInputElement).checked);
            this.draw();
          },
        }),
        ` ${label}`,
      );
    this.element = h(
      'section',
      { class: 'map', 'aria-label': 'Map' },
      this.svg,
      h(
        'div',
        { class: 'map-legend' },
        h(
          'div',
          { class: 'legend-row' },
          layerToggle('Incidents', 'show-incidents', (on) => (this.showIncidents = on)),
          h('span', { class: 'legend-diamond', 'aria-hidden': 'true' }),
          ' coloured by type, size: independent sources ',
          this.typeLegend,
        ),
        layerToggle('Places', 'show-places', (on) => (this.showPlaces = on)),
        ' ',
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

  /** Shows these incidents; `selected` is the id of the one whose evidence is open. */
  setIncidents(incidents: readonly Incident[], selected: string | null): void {
    this.incidents = incidents;
    this.selectedIncident = selected;
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
    const ordered = this.showPlaces ? [...this.places].sort((a, b) => b.documents - a.documents) : [];
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
            onkeydown: onEnterOrSpace(select),
          },
          s('title', {}, description),
          s('circle', { r: radius.toFixed(1) }),
          labelled.has(place.key) ? s('text', { x: (radius + 3).toFixed(1), y: '4' }, place.name) : null,
        );
      }),
    );
    this.svg.replaceChildren(land, labels, points, this.incidentLayer(projection));
    this.drawTypeLegend();
    const documents = this.places.reduce((most, place) => Math.max(most, place.documents), 0);
    const outside = this.places.filter((place) => {
      const xy = projection([place.lon, place.lat]);
      return xy === null || xy[0] < 0 || xy[0] > width || xy[1] < 0 || xy[1] > height;
    }).length;
    this.caption.textContent =
      this.places.length === 0
        ? 'No located places in this window.'
        : `${this.places.length} places; the most named is in ${documents} document${documents === 1 ? '' : 's'}` +
          (outside > 0 ? `; ${outside} outside this view` : '') +
          `; ${this.incidents.length} incident${this.incidents.length === 1 ? '' : 's'}` +
          (this.unplaced() > 0 ? ` (${this.unplaced()} with no place to map).` : '.');
  }

  private unplaced(): number {
    return this.incidents.filter((incident) => incident.place?.lat == null || incident.place.lon == null).length;
  }

  /** One diamond per placed incident, most corroborated first so small ones stay clickable on top. */
  private incidentLayer(projection: GeoProjection): SVGGElement {
    const placed = this.showIncidents
      ? this.incidents
          .filter((incident) => incident.place?.lat != null && incident.place.lon != null)
          .sort((a, b) => b.independent_sources - a.independent_sources || b.reports.length - a.reports.length)
      : [];
    // Incidents at one spot (often a town named for several acts) are spread on a small ring
    // around it, so each can be seen, pointed at and clicked.
    const spots = new Map<string, Incident[]>();
    for (const incident of placed) {
      const place = incident.place as { lat: number; lon: number };
      const key = `${place.lat.toFixed(3)},${place.lon.toFixed(3)}`;
      const group = spots.get(key) ?? [];
      group.push(incident);
      spots.set(key, group);
    }
    const offset = new Map<string, readonly [number, number]>();
    for (const group of spots.values()) {
      if (group.length === 1) continue;
      const ring = Math.min(34, 8 + 2.2 * group.length);
      group.forEach((incident, k) => {
        const angle = (2 * Math.PI * k) / group.length - Math.PI / 2;
        offset.set(incident.id, [ring * Math.cos(angle), ring * Math.sin(angle)]);
      });
    }
    return s(
      'g',
      { class: 'incidents' },
      placed.map((incident) => {
        const place = incident.place as { name: string; lat: number; lon: number; country: string | null };
        const projected = projection([place.lon, place.lat]);
        if (projected === null) return null;
        const [dx, dy] = offset.get(incident.id) ?? [0, 0];
        const xy = [projected[0] + dx, projected[1] + dy] as const;
        const size = 5 + 3.5 * Math.sqrt(Math.max(1, incident.independent_sources));
        const date = incident.date === null ? 'undated' : incident.date.start === incident.date.end ? incident.date.start : `${incident.date.start} – ${incident.date.end}`;
        const description =
          `${typeName(incident.type)} incident at ${place.name}, ${date}: ${incident.reports.length} report${incident.reports.length === 1 ? '' : 's'}, ` +
          `${incident.independent_sources} independent source${incident.independent_sources === 1 ? '' : 's'}` +
          (incident.contradictions.length > 0 ? `, ${incident.contradictions.length} contradiction${incident.contradictions.length === 1 ? '' : 's'}` : '');
        const select = (): void => this.options.onSelectIncident(incident);
        return s(
          'g',
          {
            class: `incident${incident.id === this.selectedIncident ? ' selected' : ''}${incident.contradictions.length > 0 ? ' disputed' : ''}`,
            transform: `translate(${xy[0].toFixed(1)} ${xy[1].toFixed(1)})`,
            tabindex: 0,
            role: 'button',
            'aria-label': description,
            'aria-pressed': incident.id === this.selectedIncident ? 'true' : 'false',
            'data-id': incident.id,
            'data-type': incident.type,
            onclick: select,
            onkeydown: onEnterOrSpace(select),
          },
          s('title', {}, description),
          s('path', { d: `M0 ${-size}L${size} 0L0 ${size}L${-size} 0Z`, fill: TYPE_COLOURS[incident.type] ?? '#555' }),
        );
      }),
    );
  }

  /** The types on the map now, each with its colour. */
  private drawTypeLegend(): void {
    const types = [...new Set(this.incidents.map((incident) => incident.type))].sort();
    this.typeLegend.replaceChildren(
      ...types.map((type) =>
        h('span', { class: 'type-key' }, s('svg', { class: 'type-swatch', viewBox: '-6 -6 12 12', 'aria-hidden': 'true' }, s('path', { d: 'M0 -5L5 0L0 5L-5 0Z', fill: TYPE_COLOURS[type] ?? '#555' })), ` ${typeName(type)}`),
      ),
    );
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
