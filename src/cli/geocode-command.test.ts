import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runGeocode } from './geocode-command.js';

async function* lines(...values: readonly string[]): AsyncIterable<string> {
  yield* values;
}

async function run(input: readonly string[], goldSpans: boolean): Promise<unknown[]> {
  const out: string[] = [];
  await runGeocode(lines(...input), (line) => out.push(line), { goldSpans });
  return out.map((l) => JSON.parse(l) as unknown);
}

const TEXT = 'Barricades went up in Zvecan and near Jarinje, Kosovo.';

test('with gold spans, exactly the given spans are resolved, in order', async () => {
  const [rec] = (await run([JSON.stringify({ id: 'a', text: TEXT, toponyms: [{ start: 22, end: 28 }, { start: 38, end: 45 }] })], true)) as {
    id: string; toponyms: { start: number; end: number; name: string; lat: number; lon: number; geonameid: number | null }[];
  }[];
  assert.equal(rec?.id, 'a');
  assert.deepEqual(rec?.toponyms.map((t) => [t.start, t.end, t.name, t.geonameid]), [[22, 28, 'Zvečan', 783770], [38, 45, 'Jarinje', null]]);
  assert.ok(Math.abs(rec!.toponyms[0]!.lat - 42.9075) < 0.01);
});

test('without gold spans, the toponyms are found from the text', async () => {
  const [rec] = (await run([JSON.stringify({ id: 7, text: TEXT, toponyms: [] })], false)) as { toponyms: { name: string }[] }[];
  assert.deepEqual(rec?.toponyms.map((t) => t.name), ['Zvečan', 'Jarinje', 'Kosovo']);
});

test('an unresolvable span gets null coordinates', async () => {
  const [rec] = (await run([JSON.stringify({ id: 'u', text: 'It happened in Qwxyzzy.', toponyms: [{ start: 15, end: 22 }] })], true)) as {
    toponyms: { lat: number | null; lon: number | null; geonameid: number | null }[];
  }[];
  assert.deepEqual(rec?.toponyms.map((t) => [t.lat, t.lon, t.geonameid]), [[null, null, null]]);
});

test('a bad line becomes an error record and the batch goes on', async () => {
  const out = (await run(['{not json', '', JSON.stringify({ id: 'ok', text: 'Belgrade.' })], false)) as { id: unknown; error?: string }[];
  assert.equal(out.length, 2);
  assert.match(out[0]?.error ?? '', /line 1 is not JSON/);
  assert.equal(out[1]?.id, 'ok');
});
