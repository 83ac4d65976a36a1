import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDate, findStamp } from './clock-stamps.js';

describe('findStamp', () => {
  const cases: [string, string | null][] = [
    ['12 December 2022 10: 15', '2022-12-12T10:15'],
    ['Reader (Name) 3 March 2023 08: 05', '2023-03-03T08:05'],
    ['December 12, 2022 at 10:15 am', '2022-12-12T10:15'],
    ['September 17, 2014 - 1:01 pm', '2014-09-17T13:01'],
    ['12.12.2022 | 10:15', '2022-12-12T10:15'],
    ['15.10.2022. 16:48', '2022-10-15T16:48'],
    ['2022-12-12T10:15', '2022-12-12T10:15'],
    ['31 February 2023 10:00', null],
    ['12 December 2022 25:15', null],
    ['no stamp here', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}" as ${expected}`, () => assert.equal(findStamp(text)?.value ?? null, expected));
  }
});

describe('findDate', () => {
  it('finds dates written in the common ways, and none that cannot be', () => {
    assert.equal(findDate('Posted on 18 October 2022 by A. Writer')?.value, '2022-10-18');
    assert.equal(findDate('Oct 18, 2022')?.value, '2022-10-18');
    assert.equal(findDate('18.10.2022')?.value, '2022-10-18');
    assert.equal(findDate('30.02.2022'), null);
  });
});
