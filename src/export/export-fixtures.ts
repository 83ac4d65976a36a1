/** A hand-made document with two events, for the export tests. */
import type { Doc } from '../doc/types.js';
import { makeTestDoc } from '../pipeline/test-helpers.js';
import type { EventSpan } from '../stages/events/event-span.js';

const TEXT = 'Police arrested five men in Zvečan. =HYPERLINK("x"), the minister said, "condemned" it.';

const BASE = {
  quantities: { participants: 5, fatalities: null, injured: null },
  scopeIndex: null,
  salience: 1,
} as const;

/** Two events: an arrest with a place and a date, and a rhetorical one with neither (and a formula-looking sentence). */
export function exportDoc(): Doc {
  const arrest: EventSpan = {
    ...BASE, start: 7, end: 15, label: 'COERCE', id: 'e1', rank: 1, type: 'COERCE', mode: 'arrest', trigger: 'arrested', rule: 'COERCE/arrest: =arrested',
    acled: { disorder_type: 'Strategic developments', event_type: 'Strategic developments', sub_event_type: 'Arrests' },
    actors: [{ id: 'kb:XK:police', text: 'Police', class: 'state', start: 0, end: 6 }],
    recipients: [{ id: null, text: 'men', class: 'civilians', start: 21, end: 24 }],
    place: { name: 'Zvečan', text: 'Zvečan', country: 'XK', admin1: 'Mitrovica', admin2: null, lat: 42.9075, lon: 20.84028, geonameid: 784024, precision: 1, basis: 'sentence', start: 28, end: 34 },
    date: { start: '2023-05-29', end: '2023-05-30', precision: 2, basis: 'published' },
    evidence: { start: 0, end: 35 }, scope: 'article',
    attribution: { kind: 'outlet', entity: null, text: null, cue: null }, certainty: 'asserted',
  };
  const accuse: EventSpan = {
    ...BASE, start: 73, end: 82, label: 'ACCUSE', id: 'e2', rank: 2, type: 'ACCUSE', mode: 'accuse', trigger: 'condemned', rule: 'ACCUSE/accuse: =condemned',
    acled: null, actors: [], recipients: [], place: null, date: null, quantities: { participants: null, fatalities: null, injured: null },
    evidence: { start: 36, end: TEXT.length }, scope: 'article',
    attribution: { kind: 'speaker', entity: null, text: 'the minister', cue: { start: 66, end: 70 } }, certainty: 'reported',
  };
  return makeTestDoc(TEXT, {
    id: 'abcdef0123456789',
    outlet: { name: 'Example News', evidence: 'test' },
    layers: { events: [arrest, accuse] },
  });
}
