import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runStages } from './runner.js';
import type { Stage } from './stage.js';
import type { Span } from '../doc/types.js';
import { makeTestDoc, testContext } from './test-helpers.js';

/** A stage that returns whatever spans it is given, to drive the runner's checks. */
function fixedStage(name: string, assigns: string[], output: Record<string, Span[]>, requires: string[] = []): Stage {
  return { name, version: 3, requires, assigns, run: () => output };
}

describe('runStages', () => {
  it('merges declared layers and records stage versions', async () => {
    const doc = makeTestDoc('Gunfire near the crossing.');
    const stage = fixedStage('words', ['words'], { words: [{ start: 0, end: 7, label: 'W' }] });
    const { doc: out, failures } = await runStages(doc, [stage], testContext());
    assert.deepEqual(failures, []);
    assert.deepEqual(out.layers.words, [{ start: 0, end: 7, label: 'W' }]);
    assert.equal(out.stages.words, 3);
  });

  it('records a span outside the text as a failure naming the stage, and drops its layers', async () => {
    const doc = makeTestDoc('short');
    const stage = fixedStage('bad', ['x'], { x: [{ start: 2, end: 99, label: 'X' }] });
    const { doc: out, failures } = await runStages(doc, [stage], testContext());
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.stage, 'bad');
    assert.equal(failures[0]?.code, 'E_SPAN_INVALID');
    assert.equal(out.layers.x, undefined);
    assert.match(out.errors[0] ?? '', /stage bad failed/);
  });

  it('rejects a layer the stage did not declare', async () => {
    const stage = fixedStage('sneaky', ['a'], { a: [], b: [] });
    const { failures } = await runStages(makeTestDoc('text'), [stage], testContext());
    assert.equal(failures[0]?.code, 'E_LAYER_UNDECLARED');
  });

  it('rejects unsorted spans', async () => {
    const stage = fixedStage('unsorted', ['a'], { a: [{ start: 3, end: 4, label: 'A' }, { start: 1, end: 2, label: 'A' }] });
    const { failures } = await runStages(makeTestDoc('abcdef'), [stage], testContext());
    assert.equal(failures[0]?.code, 'E_SPAN_INVALID');
  });

  it('keeps going after a stage throws, and fails dependants with a clear code', async () => {
    const throwing: Stage = { name: 'boom', version: 1, requires: [], assigns: ['b'], run: () => { throw new Error('kaput'); } };
    const dependant = fixedStage('after', ['c'], { c: [] }, ['b']);
    const independent = fixedStage('other', ['d'], { d: [] });
    const { doc, failures } = await runStages(makeTestDoc('text'), [throwing, dependant, independent], testContext());
    assert.deepEqual(failures.map((f) => [f.stage, f.code]), [['boom', 'E_STAGE_THREW'], ['after', 'E_LAYER_MISSING']]);
    assert.deepEqual(doc.layers.d, []);
    assert.equal(failures[0]?.input, 'test.txt');
  });

  it('accepts any sorted in-range spans and rejects any out-of-range one (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(80), fc.nat(80)), { maxLength: 12 }),
        async (text, pairs) => {
          const spans = pairs
            .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b), label: 'S' }))
            .sort((x, y) => x.start - y.start || x.end - y.end);
          const valid = spans.every((s) => s.end <= text.length);
          const { failures, doc } = await runStages(makeTestDoc(text), [fixedStage('p', ['s'], { s: spans })], testContext());
          assert.equal(failures.length === 0, valid);
          if (valid) {
            for (const s of doc.layers.s ?? []) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= doc.text.length);
          }
        },
      ),
    );
  });
});
