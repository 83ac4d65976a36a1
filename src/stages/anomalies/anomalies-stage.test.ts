import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticle } from '../../clean/clean-article.js';
import type { Doc, SegmentSpan } from '../../doc/types.js';
import { defaultStages } from '../../pipeline/registry.js';
import { runStages } from '../../pipeline/runner.js';
import { makeTestDoc, testContext } from '../../pipeline/test-helpers.js';
import { anomaliesStage, findAnomalies, findArtefacts, findScareQuotes, findTextArtefacts, weekdayYears, type AnomalySpan } from './anomalies-stage.js';

// A Doc from invented text (first line the title) through clean, the default stages and the anomalies stage.
async function anomaliesDoc(text: string, published: string | null = null): Promise<Doc> {
  const cleaned = cleanArticle(
    { format: 'text', content: text, origin: { path: 'test.txt', sha256: '0'.repeat(64), fetched: '2024-01-01T00:00:00.000Z' }, meta: {}, warnings: [] },
    { published },
  );
  if (!cleaned.ok) throw new Error(`test text did not clean: ${cleaned.message}`);
  const { doc, failures } = await runStages(cleaned.doc, [...defaultStages().filter((s) => s.name !== 'anomalies'), anomaliesStage], testContext());
  if (failures.length > 0) throw new Error(failures.map((f) => `${f.stage}: ${f.message}`).join('; '));
  return doc;
}

function anomaliesOf(doc: Doc): readonly AnomalySpan[] {
  return (doc.layers.anomalies ?? []) as readonly AnomalySpan[];
}

test('a weekday that does not fit its date is a weekday-date-mismatch on the date', async () => {
  const doc = await anomaliesDoc('Report\nOn Monday, 3 May 2023, police closed the bridge.', '2023-05-10');
  const a = anomaliesOf(doc).find((x) => x.kind === 'weekday-date-mismatch');
  assert.ok(a, `no weekday mismatch among ${anomaliesOf(doc).map((x) => x.kind).join(', ')}`);
  assert.match(doc.text.slice(a.start, a.end), /3 May/);
  assert.match(a.why, /Wednesday/);
});

test('a handful of people in a force deployment is an implausible quantity', async () => {
  const doc = await anomaliesDoc('Report\nThe brigade is being moved to the frontier. About 6 people have been put on alert.', '2023-05-10');
  const a = anomaliesOf(doc).find((x) => x.kind === 'implausible-quantity');
  assert.ok(a, `no implausible quantity among ${anomaliesOf(doc).map((x) => x.kind).join(', ')}`);
  assert.match(doc.text.slice(a.start, a.end), /6 people/);
  assert.match(a.why, /^implausible-count: 6 people/);
  assert.equal(a.source, 'quantities stage');
});

test('translation calques are flagged with their meaning, whole words only', () => {
  const cases: readonly { readonly text: string; readonly found: readonly string[] }[] = [
    { text: 'A column of military technique was seen near the village.', found: ['military technique'] },
    { text: 'Heavy   Technique and personnel moved north.', found: ['Heavy   Technique'] },
    { text: 'Shelling continued on the territory of the district.', found: ['on the territory of'] },
    { text: 'Forces of the unrecognized republic closed the road.', found: ['the unrecognized republic'] },
    { text: 'Three saboteurs were liquidated overnight.', found: ['were liquidated'] },
    { text: 'The new technique of negotiation impressed the envoys.', found: [] },
    { text: 'Paramilitary techniques were discussed.', found: [] },
  ];
  for (const c of cases) {
    const found = findArtefacts(c.text);
    assert.deepEqual(found.map((a) => c.text.slice(a.start, a.end)), c.found, c.text);
    for (const a of found) {
      assert.equal(a.kind, 'translation-artefact');
      assert.equal(a.label, a.kind);
      assert.equal(a.source, 'sitrep curation');
      assert.match(a.why, /meaning: /);
    }
  }
});

test('the stage uses the layers that are present and returns spans sorted inside the text', () => {
  const text = 'Units of technique arrived on Friday.';
  const doc = makeTestDoc(text, { layers: { dates: [{ start: 30, end: 36, label: 'date', flags: ['weekday-mismatch: Friday, but 1 May 2023 is a Monday'] } as never] } });
  const found = findAnomalies(doc);
  assert.deepEqual(found.map((a) => a.kind), ['translation-artefact', 'weekday-date-mismatch']);
  for (let i = 0; i < found.length; i += 1) {
    assert.ok(found[i]!.start >= 0 && found[i]!.end <= text.length);
    if (i > 0) assert.ok(found[i - 1]!.start <= found[i]!.start);
  }
  assert.deepEqual(findAnomalies(makeTestDoc('Nothing odd here.')), []);
});

test('a single word in scare quotes inside a sentence is loaded framing; a word quoted as said or named is not', () => {
  const cases: readonly { readonly text: string; readonly found: readonly string[] }[] = [
    { text: 'Patrols of “peacekeepers” arrived at the square.', found: ['“peacekeepers”'] },
    { text: 'The so-called "volunteers" crossed the river.', found: ['"volunteers"'] },
    { text: 'The minister called the deal “theft” on Monday.', found: [] },
    { text: 'She answered: "Yes".', found: [] },
    { text: '“Enough” was painted on the wall.', found: [] },
    { text: 'They promised to “restore order and calm” soon.', found: [] },
  ];
  for (const c of cases) {
    const found = findScareQuotes(c.text);
    assert.deepEqual(found.map((a) => c.text.slice(a.start, a.end)), c.found, c.text);
    for (const a of found) assert.equal(a.kind, 'loaded-framing');
  }
});

test('scraping marks: glued words, a clock time split by a space, a line repeated', () => {
  const glued = 'Photo: Ana KovacevicPolice officers guard the bridge. Fans of WhatsApp and YouTube agree.';
  assert.deepEqual(findTextArtefacts(glued).map((a) => glued.slice(a.start, a.end)), ['KovacevicPolice']);
  const clock = 'Posted 12 March 2023 10: 15 by a reader.';
  const split = findTextArtefacts(clock);
  assert.deepEqual(split.map((a) => clock.slice(a.start, a.end)), ['10: 15']);
  assert.match(split[0]!.why, /10:15/);
  const repeated = 'Title\nSoldiers stand at the crossing / photo\nSoldiers stand at the crossing / photo\nBody text.';
  const twice = findTextArtefacts(repeated);
  assert.equal(twice.length, 1);
  assert.equal(twice[0]!.start, repeated.lastIndexOf('Soldiers'));
  assert.deepEqual(findTextArtefacts('A plain sentence at 10:15 with no marks.'), []);
});

test('a weekday with day and month but no year names the years it fits', () => {
  const years = weekdayYears('Friday (May 28th)')!;
  assert.ok(years.includes(2021) && years.includes(2010), years.join(', '));
  assert.ok(!years.includes(2023));
  assert.equal(weekdayYears('Friday, 28 May 2021'), null);
  assert.equal(weekdayYears('28 May'), null);
});

test('framing and scraping marks are looked for in the article, not in its comments', () => {
  const text = 'Title\nPatrols of “peacekeepers” arrived.\nnice one “mate” JohnSmithTeam';
  const firstLine = text.indexOf('\n');
  const commentStart = text.lastIndexOf('\n') + 1;
  const segments: SegmentSpan[] = [
    { start: 0, end: firstLine, label: 'title' },
    { start: firstLine + 1, end: commentStart - 1, label: 'body' },
    { start: commentStart, end: text.length, label: 'comment', index: 0 },
  ];
  const doc = makeTestDoc(text, { layers: { segments } });
  const found = findAnomalies(doc);
  assert.deepEqual(found.map((a) => text.slice(a.start, a.end)), ['“peacekeepers”']);
});
