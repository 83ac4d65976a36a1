/**
 * `npm run bench:stages`: throughput of each registered per-document stage on generated articles,
 * beside wink-nlp's tokenise-only floor on the same text. Reported, never asserted.
 *
 *   npm run bench:stages -- [--count 2000] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { cleanArticle } from '../src/clean/clean-article.js';
import type { Doc } from '../src/doc/types.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { runStages } from '../src/pipeline/runner.js';
import { generateArticles } from './generate-articles.js';
import { measureWinkFloor } from './wink-floor.js';
import { createHash } from 'node:crypto';

/** Cleans generated articles, then times every stage over all of them, one stage at a time. */
async function runStagesBench(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' } } });
  const count = Number(values.count);
  const config = loadConfig({}, {});
  const articles = Array.from(generateArticles(count, { seed: Number(values.seed) }));
  let docs: Doc[] = [];
  const cleanStarted = performance.now();
  for (const a of articles) {
    const sha256 = createHash('sha256').update(a.content).digest('hex');
    const result = cleanArticle(
      { origin: { path: a.name, sha256, fetched: '2024-01-01T00:00:00.000Z' }, format: a.format, content: a.content, meta: a.meta, warnings: [] },
      {},
    );
    if (result.ok) docs.push(result.doc);
  }
  const cleanSeconds = (performance.now() - cleanStarted) / 1000;
  const megabytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text, 'utf8'), 0) / 1e6;
  const rows: [string, number][] = [['clean (from raw)', cleanSeconds]];
  for (const stage of defaultStages()) {
    const started = performance.now();
    const next: Doc[] = [];
    for (const doc of docs) next.push((await runStages(doc, [stage], { config })).doc);
    rows.push([stage.name, (performance.now() - started) / 1000]);
    docs = next;
  }
  const floor = measureWinkFloor(docs.map((d) => d.text));
  console.log(`sitrep stage bench — ${docs.length} documents, ${megabytes.toFixed(1)} MB of cleaned text`);
  console.log(`${'stage'.padEnd(20)}${'seconds'.padStart(10)}${'MB/s'.padStart(10)}${'× floor'.padStart(10)}`);
  for (const [name, seconds] of [...rows, ['wink-nlp tokenise (floor)', floor.seconds] as [string, number]]) {
    console.log(`${name.padEnd(20)}${seconds.toFixed(2).padStart(10)}${(megabytes / seconds).toFixed(2).padStart(10)}${(seconds / floor.seconds).toFixed(2).padStart(10)}`);
  }
}

await runStagesBench();
