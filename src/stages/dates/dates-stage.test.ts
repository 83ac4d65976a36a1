import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestDoc, testContext } from '../../pipeline/test-helpers.js';
import { unknownPublished, type Doc, type Published, type SegmentSpan } from '../../doc/types.js';
import { tokenize } from '../tokens/tokenize.js';
import { datesStage } from './dates-stage.js';
import type { DateSpan } from './find-dates.js';

function published(date: string | null, bounds: Partial<Published> = {}): Published {
  return { ...unknownPublished(), date, ...bounds };
}

function datesOf(text: string, pub: Published, overrides: Partial<Doc> = {}): DateSpan[] {
  const base = makeTestDoc(text, { published: pub, ...overrides });
  const doc = { ...base, layers: { ...base.layers, sentences: tokenize(text).sentences } };
  return [...(datesStage.run(doc, testContext()) as { dates: readonly DateSpan[] }).dates];
}

interface Expected {
  readonly text: string;
  readonly start: string | null;
  readonly end?: string | null;
  readonly precision: 1 | 2 | 3;
  readonly anchor: DateSpan['anchor'];
  readonly flags?: readonly string[];
}

// (text, publication date) -> the dates found, in order.
const CASES: readonly (readonly [string, string, string | null, readonly Expected[]])[] = [
  ['absolute, day month year', 'Police entered on 31 July 2022.', '2022-12-10', [{ text: '31 July 2022', start: '2022-07-31', precision: 1, anchor: 'absolute' }]],
  ['absolute, numeric day first', 'Police entered on 31.07.2022.', '2022-12-10', [{ text: '31.07.2022', start: '2022-07-31', precision: 1, anchor: 'absolute' }]],
  ['numeric day first when both read', 'The decree of 05.06.2022 stands.', '2022-12-10', [{ text: '05.06.2022', start: '2022-06-05', precision: 1, anchor: 'absolute' }]],
  ['partial with weekday picks the year that fits (not en.GB 2031-07-01)', 'On Sunday, July 31, police closed Jarinje.', '2023-03-01', [{ text: 'Sunday, July 31', start: '2022-07-31', precision: 1, anchor: 'published' }]],
  ['partial without weekday: closest year not after the anchor', 'Barricades went up on December 10.', '2022-12-12', [{ text: 'December 10', start: '2022-12-10', precision: 1, anchor: 'published' }]],
  ['partial never more than a day in the future', 'Barricades went up on December 20.', '2022-12-12', [{ text: 'December 20', start: '2021-12-20', precision: 1, anchor: 'published' }]],
  ['"10: 15" keeps its minutes', 'The shots came on December 10 at 10: 15 in Zvečan.', '2022-12-12', [{ text: 'December 10 at 10: 15', start: '2022-12-10T10:15', precision: 1, anchor: 'published' }]],
  ['evening of a date is that date, not the reference', 'It started on the evening of December 8.', '2022-12-12', [{ text: 'evening of December 8', start: '2022-12-08', precision: 1, anchor: 'published' }]],
  ['"Right now" is not a date', 'Right now the army is on alert.', '2022-12-12', []],
  ['"night" alone is not a date', 'All night long gunfire was heard.', '2022-12-12', []],
  ['a clock time alone is not a date', 'The meeting began at 14:30.', '2022-12-12', []],
  ['minutes from now are not a date', 'It will be swept away in 5 minutes.', '2022-12-12', []],
  ['"earlier in the day" is the same day, not +1', 'Earlier in the day, Kurti spoke.', '2022-12-12', [{ text: 'Earlier in the day', start: '2022-12-12', precision: 1, anchor: 'published' }]],
  ['"A day earlier" is the day before', 'A day earlier, Vučić warned of a difficult night.', '2022-12-12', [{ text: 'A day earlier', start: '2022-12-11', precision: 1, anchor: 'published' }]],
  ['yesterday', 'Shots were fired yesterday.', '2022-12-12', [{ text: 'yesterday', start: '2022-12-11', precision: 1, anchor: 'published' }]],
  ['last week is Monday to Sunday before', 'Talks failed last week.', '2022-12-14', [{ text: 'last week', start: '2022-12-05', end: '2022-12-11', precision: 2, anchor: 'published' }]],
  ['this week runs to the anchor', 'Tension grew this week.', '2022-12-14', [{ text: 'this week', start: '2022-12-12', end: '2022-12-14', precision: 2, anchor: 'published' }]],
  ['month and year', 'Unrest began in July 2022.', '2022-12-14', [{ text: 'July 2022', start: '2022-07-01', end: '2022-07-31', precision: 3, anchor: 'absolute' }]],
  ['a short range', 'Roads were blocked on December 8-10.', '2022-12-14', [{ text: 'December 8-10', start: '2022-12-08', end: '2022-12-10', precision: 2, anchor: 'published' }]],
  ['weekday alone: the latest such day', 'On Saturday, police arrested a former officer.', '2022-12-14', [{ text: 'Saturday', start: '2022-12-10', precision: 1, anchor: 'published' }]],
  ['weekday conflicting with the date is flagged, not fixed', 'Clashes broke out on Friday (May 28th).', '2023-06-01', [{ text: 'Friday (May 28th)', start: '2023-05-28', precision: 1, anchor: 'published', flags: ['weekday-mismatch: Friday, but 28 May 2023 is a Sunday'] }]],
  ['weekday conflicting with a full date is flagged', 'On Friday, 28 May 2023, clashes broke out.', '2023-06-01', [{ text: 'Friday, 28 May 2023', start: '2023-05-28', precision: 1, anchor: 'absolute', flags: ['weekday-mismatch: Friday, but 28 May 2023 is a Sunday'] }]],
  ['ordinal numbers are not dates', 'The 63rd Airborne Brigade arrived 7 km from the line.', '2022-12-12', []],
];

for (const [name, text, date, expected] of CASES) {
  test(`dates: ${name}`, () => {
    const got = datesOf(text, published(date));
    assert.deepEqual(
      got.map((d) => ({ text: d.text, start: d.value.start, end: d.value.end, precision: d.precision, anchor: d.anchor, flags: d.flags })),
      expected.map((e) => ({ text: e.text, start: e.start, end: e.end === undefined ? e.start : e.end, precision: e.precision, anchor: e.anchor, flags: e.flags })),
    );
    for (const d of got) assert.equal(text.slice(d.start, d.end), d.text);
  });
}

test('undated article: relative dates are bounded by not_after, with lowered precision', () => {
  const [d] = datesOf('A day earlier, Vučić warned.', published(null, { not_after: '2022-12-12' }));
  assert.deepEqual({ value: d?.value, precision: d?.precision, anchor: d?.anchor }, { value: { start: null, end: '2022-12-11' }, precision: 3, anchor: 'bounds' });
});

test('undated article with both bounds: the interval sets the precision', () => {
  const [d] = datesOf('Yesterday shots were heard.', published(null, { not_before: '2022-12-10', not_after: '2022-12-12' }));
  assert.deepEqual({ value: d?.value, precision: d?.precision, anchor: d?.anchor }, { value: { start: '2022-12-09', end: '2022-12-11' }, precision: 2, anchor: 'bounds' });
});

test('undated article without bounds: relative dates stay unknown, never the ingest date', () => {
  const dates = datesOf('Yesterday shots were heard. It began on December 10.', published(null));
  assert.deepEqual(dates.map((d) => [d.value, d.anchor]), [[{ start: null, end: null }, 'none'], [{ start: null, end: null }, 'none']]);
  assert.ok(dates.every((d) => !JSON.stringify(d).includes('2024-01-01')));
});

test('absolute dates need no anchor', () => {
  const [d] = datesOf('Police entered on 31 July 2022.', published(null));
  assert.equal(d?.value.start, '2022-07-31');
  assert.equal(d?.anchor, 'absolute');
});

test('a comment is anchored on its own posted time', () => {
  const text = 'Title line\n\nYesterday the army moved.\n\nI saw it yesterday';
  const segments: readonly SegmentSpan[] = [{ start: 0, end: 10, label: 'title' }, { start: 12, end: 36, label: 'body' }, { start: 38, end: 56, label: 'comment', index: 0 }];
  const dates = datesOf(text, published('2022-12-10'), {
    comments: [{ author: 'a', display_name: null, posted: '2022-12-13T02:58', depth: 0, parent: null, quotes: null, likes: null, text: 'I saw it yesterday' }],
    layers: { segments },
  });
  assert.deepEqual(dates.map((d) => [d.value.start, d.anchor]), [['2022-12-09', 'published'], ['2022-12-12', 'comment']]);
});

test('the stage declares what it reads and writes', () => {
  assert.equal(datesStage.name, 'dates');
  assert.deepEqual(datesStage.requires, ['sentences']);
  assert.deepEqual(datesStage.assigns, ['dates']);
});
