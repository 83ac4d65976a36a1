import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containmentPairs, coordinatedPairs } from './containment.js';

/** Mentions for the given surfaces of `text`, in order. */
function spans(text: string, surfaces: readonly string[]): { start: number; end: number; text: string }[] {
  let from = 0;
  return surfaces.map((s) => {
    const start = text.indexOf(s, from);
    assert.ok(start >= 0, `${s} is in the text`);
    from = start + s.length;
    return { start, end: start + s.length, text: s };
  });
}

test('"X in Y", "X at the Y" and "X, Y" pair the inner name with the outer one', () => {
  const text = 'A vigil at Larkspur Hall in Cork, then a march to Quay Street, Galway, near the Corrib.';
  const m = spans(text, ['Larkspur Hall', 'Cork', 'Quay Street', 'Galway', 'Corrib']);
  assert.deepEqual(containmentPairs(text, m), [
    { inner: 0, outer: 1, comma: false, near: false },
    { inner: 2, outer: 3, comma: true, near: false },
    { inner: 3, outer: 4, comma: false, near: true },
  ]);
});

test('names joined by other words, or too far apart, are not paired', () => {
  const text = 'Buses ran from Cork to Galway; Limerick waited for the trains from Dublin.';
  assert.deepEqual(containmentPairs(text, spans(text, ['Cork', 'Galway', 'Limerick', 'Dublin'])), []);
});

test('mentions given out of order are paired by their position in the text', () => {
  const text = 'Rain fell on Tralee, Kerry overnight.';
  const [town, county] = spans(text, ['Tralee', 'Kerry']);
  assert.deepEqual(containmentPairs(text, [county!, town!]), [{ inner: 1, outer: 0, comma: true, near: false }]);
});

test('"and", "or" and "&" coordinate two names; a bare comma does not', () => {
  const text = 'Growers in Oregon or Idaho, Utah & Nevada and Texas.';
  const m = spans(text, ['Oregon', 'Idaho', 'Utah', 'Nevada', 'Texas']);
  assert.deepEqual(coordinatedPairs(text, m), [{ first: 0, second: 1 }, { first: 2, second: 3 }, { first: 3, second: 4 }]);
});
