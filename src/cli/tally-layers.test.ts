import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tallyLayer } from './tally-layers.js';
import { makeTestDoc } from '../pipeline/test-helpers.js';
import type { Doc } from '../doc/types.js';

async function* each(docs: readonly Doc[]): AsyncGenerator<Doc> {
  yield* docs;
}

describe('tallyLayer', () => {
  it('counts mentions and documents per canonical entity and keeps the spellings', async () => {
    const span = (start: number, end: number, text: string) => ({ start, end, label: 'person', text, id: 'kb:person:x', name: 'Ana Vučić', kind: 'person', role: 'minister' });
    const a = makeTestDoc('Vucic spoke. Vučić left.', { id: 'a', layers: { entities: [span(0, 5, 'Vucic'), span(13, 18, 'Vučić')] } });
    const b = makeTestDoc('Vucic again.', { id: 'b', layers: { entities: [span(0, 5, 'Vucic')] } });
    const rows = await tallyLayer(each([a, b]), 'entities');
    assert.deepEqual(rows.map((r) => [r.name, r.mentions, r.documents, r.spellings, r.detail]), [['Ana Vučić', 3, 2, ['Vucic', 'Vučić'], 'minister']]);
  });

  it('keys places by name and country and says when one is unresolved', async () => {
    const place = (start: number, end: number, name: string, lat: number | null) => ({ start, end, label: 'place', text: name, name, country: lat === null ? null : 'XK', lat, lon: lat });
    const doc = makeTestDoc('Zvečan and Srbovica.', { layers: { places: [place(0, 6, 'Zvečan', 42.9), place(11, 19, 'Srbovica', null)] } });
    const rows = await tallyLayer(each([doc]), 'places');
    assert.deepEqual(rows.map((r) => [r.name, r.detail]), [['Srbovica', 'unresolved'], ['Zvečan', 'XK 42.900,42.900']]);
  });
});
