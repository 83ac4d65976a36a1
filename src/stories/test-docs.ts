/** Hand-built Docs for stories and report tests: one event each, the rest plausible defaults. Not a test itself. */
import type { Doc } from '../doc/types.js';
import { makeDoc } from '../store/test-docs.js';

/** A hand-built Doc with one event; `event` overrides the event's fields. */
export function storyDoc(o: {
  id: string;
  outlet: string | null;
  text: string;
  /** Publication day; null for an undated document. */
  day?: string | null;
  title?: string;
  event?: Record<string, unknown>;
  /** More events (each overrides the defaults), after `event`. */
  events?: readonly Record<string, unknown>[];
  /** Extra layers (entities, dates, ...), merged over the defaults. */
  layers?: Record<string, unknown>;
}): Doc {
  const day = o.day === undefined ? '2022-10-14' : o.day;
  const event = {
    start: 0, end: 5, label: 'ASSAULT', type: 'ASSAULT', mode: null, trigger: 'fired', rule: 'test', acled: null,
    actors: [], recipients: [{ id: 'kb:XK:police', text: 'police', class: 'state', start: 0, end: 1 }],
    place: { name: 'Brnjak', text: 'Brnjak', country: 'XK', admin1: null, admin2: null, lat: 42.953, lon: 20.594, geonameid: null, precision: 1, basis: 'sentence', start: 0, end: 1 },
    date: day === null ? null : { start: day, end: day, precision: 1, basis: 'text' },
    quantities: { participants: null, fatalities: null, injured: null },
    evidence: { start: 0, end: o.text.length }, scope: 'article', scopeIndex: null,
    attribution: { kind: 'outlet', entity: null, text: null, cue: null }, certainty: 'asserted', salience: 1, id: 'e1', rank: 1,
    ...o.event,
  };
  return makeDoc({
    id: o.id,
    text: o.text,
    title: o.title ?? o.text.slice(0, 40),
    outlet: o.outlet === null ? null : { name: o.outlet, evidence: 'test' },
    published: { date: day, time: null, not_before: null, not_after: null, updated: null, evidence: 'test' },
    layers: {
      places: [{ start: 0, end: 6, label: 'place', name: 'Brnjak', country: 'XK', geonameid: 1, precision: 1, feature: 'crossing' } as never],
      events: [event as never, ...(o.events ?? []).map((e, i) => ({ ...event, id: `e${i + 2}`, ...e }) as never)],
      ...o.layers,
    },
  });
}


const LEPOSAVIC_PLACE = { name: 'Leposavić', text: 'Leposavic', country: 'XK', admin1: null, admin2: null, lat: 43.1, lon: 20.8, geonameid: null, precision: 1, basis: 'sentence', start: 0, end: 1 };
const LEPOSAVIC_LAYER = [{ start: 0, end: 6, label: 'place', name: 'Leposavić', country: 'XK', geonameid: 2, precision: 1, feature: 'town' }];

/** Two developments on the same days: an arrest and roadblock at a crossing, a protest at a town hall. */
export function twoDevelopments(): Doc[] {
  return [
    storyDoc({ id: 'arrest-wire', outlet: 'Balkan Wire Service', title: 'Truck driver detained at Brnjak crossing', text: 'Police detained a truck driver at the Brnjak crossing on Thursday evening; residents then blocked the regional road near the Gazivode dam with trucks.', day: '2022-10-14' }),
    storyDoc({ id: 'arrest-courier', outlet: 'Prishtina Courier', title: 'Roadblock near Gazivode after Brnjak arrest', text: 'Residents blocked the regional road near the Gazivode dam with trucks and an excavator after police detained a driver at the Brnjak crossing.', day: '2022-10-15' }),
    storyDoc({ id: 'protest-uramost', outlet: 'UraMost', title: 'Protest at Leposavic municipal building', text: 'Several hundred people protested in front of the municipal building in Leposavic against the new police substation; stones were thrown.', day: '2022-10-15', event: { type: 'PROTEST', label: 'PROTEST', place: LEPOSAVIC_PLACE }, layers: { places: LEPOSAVIC_LAYER } }),
    storyDoc({ id: 'protest-barjak', outlet: 'Barjak Online', title: 'Stones thrown at Leposavic substation', text: 'Protesters threw stones at the police substation in Leposavic as hundreds gathered at the municipal building on Saturday.', day: '2022-10-15', event: { type: 'PROTEST', label: 'PROTEST', place: LEPOSAVIC_PLACE }, layers: { places: LEPOSAVIC_LAYER } }),
  ];
}

