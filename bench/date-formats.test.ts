import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centralEuropean, dayNumberFromIso, isoWithOffset, msFromDay, ordinalDay } from './date-formats.js';

describe('date formats', () => {
  it('reads real ISO dates and refuses impossible ones', () => {
    assert.equal(dayNumberFromIso('1970-01-02'), 1);
    assert.equal(dayNumberFromIso('2023-02-30'), null);
    assert.equal(dayNumberFromIso('31.07.2022'), null);
  });

  it('switches between CET and CEST on the EU dates', () => {
    const day = (iso: string): number => dayNumberFromIso(iso) ?? 0;
    assert.equal(isoWithOffset(centralEuropean(msFromDay(day('2022-12-10'), 20 * 60))), '2022-12-10T21:00:00+01:00');
    assert.equal(isoWithOffset(centralEuropean(msFromDay(day('2022-07-31'), 16 * 60))), '2022-07-31T18:00:00+02:00');
    // 2023-03-26 is the last Sunday of March: summer time from 01:00 UTC.
    assert.equal(centralEuropean(msFromDay(day('2023-03-26'), 0)).offsetMinutes, 60);
    assert.equal(centralEuropean(msFromDay(day('2023-03-26'), 61)).offsetMinutes, 120);
  });

  it('writes English ordinals', () => {
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinalDay), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '31st']);
  });
});
