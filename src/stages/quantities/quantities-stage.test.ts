import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestDoc, testContext } from '../../pipeline/test-helpers.js';
import { tokenize } from '../tokens/tokenize.js';
import { quantitiesStage } from './quantities-stage.js';
import type { QuantitySpan } from './find-quantities.js';

function quantitiesOf(text: string): QuantitySpan[] {
  const base = makeTestDoc(text);
  const { tokens, sentences } = tokenize(text);
  const doc = { ...base, layers: { tokens, sentences } };
  return [...(quantitiesStage.run(doc, testContext()) as { quantities: readonly QuantitySpan[] }).quantities];
}

type Row = Pick<QuantitySpan, 'text' | 'value' | 'min' | 'max' | 'approximate' | 'unit' | 'kind'>;
function row(text: string, value: number | null, min: number | null, max: number | null, approximate: boolean, unit: string, kind: QuantitySpan['kind']): Row {
  return { text, value, min, max, approximate, unit, kind };
}

const CASES: readonly (readonly [string, readonly Row[]])[] = [
  ['About 350 officers were deployed.', [row('About 350 officers', 350, 350, 350, true, 'officers', 'count')]],
  ['Several hundred protesters gathered.', [row('Several hundred protesters', 300, 300, 999, true, 'protesters', 'count')]],
  ['Dozens of vehicles queued at Jarinje.', [row('Dozens of vehicles', 24, 24, 99, true, 'vehicles', 'count')]],
  ['Two officers were injured.', [row('Two officers', 2, 2, 2, false, 'officers', 'count')]],
  ['Some 5,000 Serbian troops were on alert.', [row('Some 5,000 Serbian troops', 5000, 5000, 5000, true, 'troops', 'count')]],
  ['Forces are located 7 km from the line.', [row('7 km', 7, 7, 7, false, 'km', 'distance')]],
  ['Forces are 7km away.', [row('7km', 7, 7, 7, false, 'km', 'distance')]],
  ['More than 200 people protested.', [row('More than 200 people', 200, 200, null, true, 'people', 'count')]],
  ['Up to 30 trucks were stopped.', [row('Up to 30 trucks', 30, null, 30, true, 'trucks', 'count')]],
  ['Turnout was 45 percent.', [row('45 percent', 45, 45, 45, false, 'percent', 'percent')]],
  ['Damage of €5 million was reported.', [row('€5 million', 5000000, 5000000, 5000000, false, 'euros', 'money')]],
  ['Thousands of people marched.', [row('Thousands of people', 2000, 2000, 9999, true, 'people', 'count')]],
  ['Twenty five residents left.', [row('Twenty five residents', 25, 25, 25, false, 'residents', 'count')]],
  ['On 31 July 2022 at 14:30 the 63rd brigade moved.', []],
  ['He was born in 1970.', []],
];

for (const [text, expected] of CASES) {
  test(`quantities: ${text}`, () => {
    const got = quantitiesOf(text);
    assert.deepEqual(got.map((q) => row(q.text, q.value, q.min, q.max, q.approximate, q.unit, q.kind)), expected);
    for (const q of got) assert.equal(text.slice(q.start, q.end), q.text);
  });
}

test('a handful of people in a force deployment is flagged', () => {
  const text = 'On the orders of Belgrade, the gendarmerie is being pulled to the north. About 5 people have been put on alert.';
  const [q] = quantitiesOf(text);
  assert.equal(q?.value, 5);
  assert.match(q?.flags?.[0] ?? '', /^implausible-count: 5 people/);
});

test('a handful of people without a force deployment is not flagged', () => {
  const [q] = quantitiesOf('About 5 people were injured in the crash.');
  assert.equal(q?.flags, undefined);
});

test('a large deployment is not flagged', () => {
  const [q] = quantitiesOf('The army deployed about 1,500 troops.');
  assert.equal(q?.flags, undefined);
});
