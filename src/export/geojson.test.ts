import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportDoc } from './export-fixtures.js';
import { toGeoJson } from './geojson.js';

test('events with coordinates become Point features, longitude first', () => {
  const collection = toGeoJson([exportDoc()]);
  assert.equal(collection.type, 'FeatureCollection');
  assert.deepEqual(collection.features, [{
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [20.84028, 42.9075] },
    properties: {
      id: 'abcdef0123456789-e1', type: 'COERCE', mode: 'arrest', date: '2023-05-29', date_end: '2023-05-30', certainty: 'asserted',
      place: 'Zvečan', geo_precision: 1, document: 'abcdef0123456789', evidence: 'Police arrested five men in Zvečan.', scope: 'article',
    },
  }]);
});
