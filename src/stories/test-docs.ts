/** Hand-built Docs for stories and report tests: one event each, the rest plausible defaults. Not a test itself. */
import type { Doc } from '../doc/types.js';
import { makeDoc } from '../store/test-docs.js';

/** A hand-built Doc with one event; `event` overrides the event's fields. */
export function storyDoc(o: { id: string; outlet: string | null; text: string; day?: string; event?: Record<string, unknown> }): Doc {
  const event = {
    start: 0, end: 5, label: 'ASSAULT', type: 'ASSAULT', mode: null, trigger: 'fired', rule: 'test', acled: null,
    actors: [], recipients: [{ id: 'kb:XK:police', text: 'police', class: 'state', start: 0, end: 1 }],
    place: { name: 'Brnjak', text: 'Brnjak', country: 'XK', admin1: null, admin2: null, lat: 42.953, lon: 20.594, geonameid: null, precision: 1, basis: 'sentence', start: 0, end: 1 },
    date: { start: o.day ?? '2022-10-14', end: o.day ?? '2022-10-14', precision: 1, basis: 'text' },
    quantities: { participants: null, fatalities: null, injured: null },
    evidence: { start: 0, end: o.text.length }, scope: 'article', scopeIndex: null,
    attribution: { kind: 'outlet', entity: null, text: null, cue: null }, certainty: 'asserted', salience: 1, id: 'e1', rank: 1,
    ...o.event,
  };
  return makeDoc({
    id: o.id,
    text: o.text,
    title: o.text.slice(0, 40),
    outlet: o.outlet === null ? null : { name: o.outlet, evidence: 'test' },
    published: { date: o.day ?? '2022-10-14', time: null, not_before: null, not_after: null, updated: null, evidence: 'test' },
    layers: {
      places: [{ start: 0, end: 6, label: 'place', name: 'Brnjak', country: 'XK', geonameid: 1, precision: 1, feature: 'crossing' } as never],
      events: [event as never],
    },
  });
}

