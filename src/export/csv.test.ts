import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, csvRow } from './csv.js';

test('cells are quoted per RFC 4180 and guarded against formulas', () => {
  const cases: readonly (readonly [string | number | null, string])[] = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['=HYPERLINK("x"),y', `"'=HYPERLINK(""x""),y"`],
    [-3, '-3'],
    [null, ''],
  ];
  for (const [value, want] of cases) assert.equal(csvCell(value), want, String(value));
});

test('a row ends in CRLF', () => {
  assert.equal(csvRow(['a', 1, null]), 'a,1,\r\n');
});
