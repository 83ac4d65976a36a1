import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { EVAL_DATA, evaluate } from './evaluate.js';
import { checkGate, headlineMetrics, readBaseline, updateBaseline, type Baseline, type HeadlineMetrics } from './gate.js';
import { absentMessage, sharedDir, sharedPath } from './shared-data.js';

const absent = Object.values(EVAL_DATA)
  .map((segments) => join(sharedDir(), ...segments))
  .filter((path) => sharedPath(path) === null);

describe('the cleaning quality gate', () => {
  it(
    'passes: no headline metric is below its floor in eval/baseline.json',
    { skip: absent.length > 0 ? absent.map((path) => absentMessage(path, 'the cleaning gate')).join('; ') : false },
    async () => {
      const results = await evaluate();
      const gate = checkGate(headlineMetrics(results), readBaseline());
      assert.ok(gate.ok, `cleaning regressed (run \`npm run eval\` for the report):\n${gate.regressions.map((r) => `  ${r.message}`).join('\n')}`);
    },
  );
});

function metrics(values: Record<string, number>, better: 'higher' | 'lower' = 'higher'): HeadlineMetrics {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, better }]));
}

const baseline: Baseline = {
  metrics: {
    'extraction.f1': { floor: 0.9 },
    'seeds.title': { floor: 3, of: 5 },
    'seeds.not_in_body_found': { ceiling: 4, of: 20 },
  },
};

describe('checkGate', () => {
  it('passes metrics at or above their floors and at or below their ceilings', () => {
    const gate = checkGate({ ...metrics({ 'extraction.f1': 0.9, 'seeds.title': 3 }), ...metrics({ 'seeds.not_in_body_found': 4 }, 'lower') }, baseline);
    assert.deepEqual([gate.ok, gate.regressions], [true, []]);
  });

  it('reports a metric that fell below its floor', () => {
    const gate = checkGate({ ...metrics({ 'extraction.f1': 0.9, 'seeds.title': 2 }), ...metrics({ 'seeds.not_in_body_found': 4 }, 'lower') }, baseline);
    assert.equal(gate.ok, false);
    assert.deepEqual(
      gate.regressions.map((r) => [r.metric, r.measured, r.bound, r.kind]),
      [['seeds.title', 2, 3, 'floor']],
    );
  });

  it('reports a count of mistakes that rose above its ceiling', () => {
    const gate = checkGate({ ...metrics({ 'extraction.f1': 0.9, 'seeds.title': 3 }), ...metrics({ 'seeds.not_in_body_found': 5 }, 'lower') }, baseline);
    assert.deepEqual(gate.regressions.map((r) => r.metric), ['seeds.not_in_body_found']);
  });

  it('tolerates a fall within epsilon and fails one just beyond it', () => {
    const rest = { ...metrics({ 'seeds.title': 3 }), ...metrics({ 'seeds.not_in_body_found': 4 }, 'lower') };
    assert.equal(checkGate({ ...rest, ...metrics({ 'extraction.f1': 0.896 }) }, baseline).ok, true);
    assert.equal(checkGate({ ...rest, ...metrics({ 'extraction.f1': 0.894 }) }, baseline).ok, false);
    assert.equal(checkGate({ ...rest, ...metrics({ 'extraction.f1': 0.894 }) }, baseline, { epsilon: 0.01 }).ok, true);
  });

  it('treats a pinned metric that was not measured as a regression unless the run was partial', () => {
    const only = metrics({ 'extraction.f1': 0.95 });
    assert.deepEqual(checkGate(only, baseline).regressions.map((r) => [r.metric, r.measured]), [
      ['seeds.not_in_body_found', null],
      ['seeds.title', null],
    ]);
    assert.equal(checkGate(only, baseline, { requireAll: false }).ok, true);
  });

  it('lists metrics now clearly better than their bound, so they can be pinned', () => {
    const gate = checkGate({ ...metrics({ 'extraction.f1': 0.95, 'seeds.title': 3 }), ...metrics({ 'seeds.not_in_body_found': 0 }, 'lower') }, baseline);
    assert.equal(gate.improvements.length, 2);
  });

  it('refuses a baseline entry with neither a floor nor a ceiling', () => {
    assert.throws(() => checkGate({}, { metrics: { 'seeds.title': { of: 5 } } }), /needs exactly one numeric "floor" or "ceiling"/);
  });
});

describe('updateBaseline', () => {
  it('raises floors, lowers ceilings and adds new metrics freely', () => {
    const measured = { ...metrics({ 'extraction.f1': 0.95123, 'seeds.title': 5, 'seeds.body_first': 2 }), ...metrics({ 'seeds.not_in_body_found': 1 }, 'lower') };
    const updated = updateBaseline(measured, baseline);
    assert.ok(updated.ok);
    assert.deepEqual(updated.baseline.metrics, {
      'extraction.f1': { floor: 0.9512 },
      'seeds.body_first': { floor: 2 },
      'seeds.not_in_body_found': { ceiling: 1 },
      'seeds.title': { floor: 5 },
    });
  });

  it('refuses to lower a floor without allowLower', () => {
    const updated = updateBaseline(metrics({ 'seeds.title': 2 }), baseline);
    assert.equal(updated.ok, false);
    assert.match(updated.ok ? '' : updated.refused.join('\n'), /seeds\.title: would lower the floor 3 → 2/);
  });

  it('refuses to raise a ceiling without allowLower', () => {
    const updated = updateBaseline(metrics({ 'seeds.not_in_body_found': 9 }, 'lower'), baseline);
    assert.equal(updated.ok, false);
  });

  it('lowers a floor when allowLower is given', () => {
    const updated = updateBaseline(metrics({ 'seeds.title': 2 }), baseline, { allowLower: true });
    assert.ok(updated.ok);
    assert.deepEqual(updated.baseline.metrics['seeds.title'], { floor: 2 });
  });

  it('keeps a floor the measurement misses only within epsilon, rather than lowering it', () => {
    const updated = updateBaseline(metrics({ 'extraction.f1': 0.898 }), baseline);
    assert.ok(updated.ok);
    assert.deepEqual(updated.baseline.metrics['extraction.f1'], { floor: 0.9 });
  });

  it('keeps the bounds of metrics this run did not measure', () => {
    const updated = updateBaseline(metrics({ 'extraction.f1': 0.91 }), baseline);
    assert.ok(updated.ok);
    assert.deepEqual(updated.baseline.metrics['seeds.title'], { floor: 3, of: 5 });
  });

  it('pins a value the same run then passes exactly, whatever its rounding', () => {
    const measured = metrics({ 'extraction.f1': 0.123456789 });
    const updated = updateBaseline(measured, { metrics: {} });
    assert.ok(updated.ok);
    assert.equal(checkGate(measured, updated.baseline, { epsilon: 0 }).ok, true);
  });
});
