import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportDoc } from './export-fixtures.js';
import { toPloverJson } from './plover-json.js';

test('every event becomes a PLOVER-style record, most salient first', () => {
  const records = toPloverJson([exportDoc()]);
  assert.deepEqual(records.map((r) => r.id), ['abcdef0123456789-e1', 'abcdef0123456789-e2']);
  assert.deepEqual(records[0], {
    id: 'abcdef0123456789-e1', date: '2023-05-29',
    source: [{ actorText: 'Police', entity: 'kb:XK:police' }], target: [{ actorText: 'men', entity: null }],
    event: 'COERCE', mode: 'arrest', context: 'Arrests', eventText: 'arrested',
    text: 'Police arrested five men in Zvečan.', evidence: { start: 0, end: 35 },
    certainty: 'asserted', attribution: { kind: 'outlet', text: null }, scope: 'article', document: 'abcdef0123456789',
  });
  assert.equal(records[1]!.attribution.text, 'the minister');
});
