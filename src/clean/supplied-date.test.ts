import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSuppliedDate } from './supplied-date.js';

describe('parseSuppliedDate', () => {
  const cases: [string, ReturnType<typeof parseSuppliedDate>][] = [
    ['2022-12-10', { date: '2022-12-10', time: null }],
    ['2022-12-10T14:30', { date: '2022-12-10', time: '14:30' }],
    ['2022-12-10T23:30:00+01:00', { date: '2022-12-10', time: '23:30' }],
    ['2022-12-10 08:05:59.123Z', { date: '2022-12-10', time: '08:05' }],
    ['Sat, 10 Dec 2022 14:30:00 GMT', { date: '2022-12-10', time: '14:30' }],
    ['10 Dec 2022', { date: '2022-12-10', time: null }],
    ['2024-02-29', { date: '2024-02-29', time: null }],
    ['2023-02-29', null],
    ['2022-13-01', null],
    ['2022-12-10T25:00', null],
    ['yesterday', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(parseSuppliedDate(input), expected);
    });
  }
});
