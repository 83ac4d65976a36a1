import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sharedGazetteer } from '../src/stages/places/gazetteer.js';
import { evaluateCorpus, readGeoparsingCorpus, resolutionMetrics } from './geoparsing-eval.js';
import { absentMessage, sharedDir, sharedPath } from './shared-data.js';

test('resolution metrics follow the pragmatic guide', () => {
  const m = resolutionMetrics([0, 100, 200, null]);
  assert.equal(m.n, 4);
  assert.equal(m.acc161, 50);
  assert.equal(m.unresolved, 1);
  assert.equal(resolutionMetrics([0, 0]).auc, 0);
  assert.ok(m.auc > 0 && m.auc < 1);
});

test('the first LGL articles resolve with gold spans', (t) => {
  const path = sharedPath(sharedDir(), 'eval', 'geoparsing', 'lgl.xml');
  if (!path) {
    t.skip(absentMessage(join(sharedDir(), 'eval', 'geoparsing', 'lgl.xml'), 'the LGL check'));
    return;
  }
  const articles = readGeoparsingCorpus(path, 'LGL').slice(0, 40);
  const first = articles[0]!;
  for (const top of first.toponyms) assert.equal(first.text.slice(top.start, top.end), top.name);
  const m = evaluateCorpus(sharedGazetteer(), articles, 'LGL');
  assert.ok(m.goldSpans.n > 50);
  assert.ok(m.goldSpans.acc161 > 50, `Acc@161 ${m.goldSpans.acc161}`);
});
