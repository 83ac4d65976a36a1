import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { sqliteFtsQuery } from './sqlite-fts-query.js';

describe('sqliteFtsQuery', () => {
  const cases: readonly (readonly [string, string | null])[] = [
    ['bridge', '("bridge")'],
    ['bridge convoy', '("bridge" AND "convoy")'],
    ['"river crossing"', '("river crossing")'],
    ['"river crossing', '("river crossing")'],
    ['river -shelled', '(("river") NOT ("shelled"))'],
    ['river -"heavy shelling" -fog', '(("river") NOT ("heavy shelling" OR "fog"))'],
    ['shelled or bridge', '("shelled") OR ("bridge")'],
    ['shelled OR', '("shelled")'],
    ['-shelled', null],
    ['e-mail', '("e mail")'],
    ['Київ 北京', '("Київ" AND "北京")'],
    ['AND', '("AND")'],
    ['NEAR(bridge road, 2)', '("NEAR bridge" AND "road" AND "2")'],
    ["'; drop table documents; --", '("drop" AND "table" AND "documents")'],
    ['title:bridge*', '("title bridge")'],
    ['"', null],
    ['*', null],
    ['', null],
    ['   ', null],
  ];
  for (const [input, expected] of cases) {
    it(`turns ${JSON.stringify(input)} into ${JSON.stringify(expected)}`, () => {
      assert.equal(sqliteFtsQuery(input), expected);
    });
  }

  it('never builds a query FTS5 rejects, whatever is typed', () => {
    const db = new Database(':memory:');
    try {
      db.exec(`CREATE VIRTUAL TABLE t USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2')`);
      db.prepare('INSERT INTO t (title, text) VALUES (?, ?)').run('Bridge', 'The river crossing AND the road; Київ.');
      const match = db.prepare('SELECT rowid FROM t WHERE t MATCH ?');
      const piece = fc.constantFrom('"', '*', 'AND', 'OR', 'or', 'NOT', 'NEAR', '(', ')', '-', ':', '^', '+', '{', '}', "'", ' ', 'bridge', 'Київ', '\u0301', '\u0000');
      const query = fc.oneof(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 30 }));
      fc.assert(
        fc.property(query, (q) => {
          const fts = sqliteFtsQuery(q);
          if (fts !== null) match.all(fts);
        }),
        { numRuns: 2_000 },
      );
    } finally {
      db.close();
    }
  });
});
