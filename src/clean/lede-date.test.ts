import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromLede, datelineAgency } from './lede-date.js';

const copyright2022 = [{ year: 2022, evidence: 'the line "(C) Desk 2022"' }];

describe('dateFromLede', () => {
  it('dates a wire dateline with the year the copyright line gives', () => {
    assert.equal(dateFromLede('RASKA, Serbia, Oct 16 (Desk) - Troops moved.', copyright2022)?.date, '2022-10-16');
  });

  it('dates a lede that names a weekday when the weekday agrees with the year', () => {
    assert.equal(dateFromLede('On Sunday, July 31, sirens sounded.', copyright2022)?.date, '2022-07-31');
    assert.equal(dateFromLede('On Monday, July 31, sirens sounded.', copyright2022), null);
  });

  it('picks the one candidate year the weekday fits', () => {
    const hints = [2021, 2022, 2023].map((year) => ({ year, evidence: `a comment in ${year}` }));
    assert.equal(dateFromLede('On Friday, 15 October, crowds gathered.', hints)?.date, '2021-10-15');
  });

  it('gives no date without a year to anchor it, or for a date not in the opening', () => {
    assert.equal(dateFromLede('On Sunday, July 31, sirens sounded.', []), null);
    assert.equal(dateFromLede('On December 10, roads were blocked.', copyright2022), null);
    assert.equal(dateFromLede(`${'Words and more words. '.repeat(10)}On Sunday, July 31, it began.`, copyright2022), null);
  });
});

describe('datelineAgency', () => {
  it('reads the agency a wire dateline names, and nothing from an ordinary lede', () => {
    assert.deepEqual(datelineAgency('RASKA, Serbia, Oct 16 (Desk) - Troops moved.'), { name: 'Desk', evidence: 'dateline "RASKA, Serbia, Oct 16 (Desk)"' });
    assert.equal(datelineAgency('RASKA, Serbia, Oct 16 - Troops moved.'), null);
    assert.equal(datelineAgency('On Sunday, July 31, sirens sounded.'), null);
  });
});
