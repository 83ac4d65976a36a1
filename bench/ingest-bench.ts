/**
 * `npm run bench`: ingest throughput and memory on a generated corpus, beside the time wink-nlp takes
 * just to tokenise the same text (the floor), compared with the recorded baseline.
 * Figures are reported, never asserted. `--record` rewrites bench/baseline.json.
 *
 *   npm run bench -- [--count 10000] [--seed 1] [--workers 0] [--record]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { ingestInputs } from '../src/ingest/ingest.js';
import { openStore } from '../src/store/open-store.js';
import { packageRoot } from '../src/cli/package-root.js';
import { generateArticles } from './generate-articles.js';
import { startPeakRss } from './memory.js';
import { measureWinkFloor } from './wink-floor.js';
import { writeCorpus } from './write-corpus.js';

interface BenchResult {
  readonly count: number;
  readonly megabytes: number;
  readonly ingestSeconds: number;
  readonly articlesPerSecond: number;
  readonly mbPerSecond: number;
  readonly peakRssMb: number;
  readonly workers: number;
  readonly winkSeconds: number;
  readonly winkMbPerSecond: number;
  readonly ratioToWink: number;
}

interface Baseline {
  readonly recorded: string;
  readonly machine: string;
  readonly node: string;
  readonly result: BenchResult;
}

/** The recorded baseline lives in the source tree (bench/), whether this runs from source or from dist/. */
const BASELINE = join(packageRoot(), 'bench', 'baseline.json');

/** Runs the ingest benchmark and prints it beside the baseline. */
async function runBench(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string', default: '0' },
      record: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  try {
    // 1. The corpus, written to disk so ingest reads files as a user's would be read.
    process.stderr.write(`generating ${count} articles (seed ${seed}) …\n`);
    const corpus = await writeCorpus(join(dir, 'corpus'), count, { seed });

    // 2. Ingest into a fresh embedded store.
    const config = loadConfig({ db: join(dir, 'bench.db'), ingest: { workers: Number(values.workers) } }, {});
    const store = await openStore(config.db);
    const rss = startPeakRss();
    const started = process.hrtime.bigint();
    const summary = await ingestInputs([join(dir, 'corpus')], { store, config });
    const ingestSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { peakRssMb } = rss.stop();
    await store.close();
    if (summary.failed.length > 0) process.stderr.write(`note: ${summary.failed.length} generated inputs failed, e.g. ${summary.failed[0]?.message}\n`);

    // 3. The floor: wink-nlp tokenising the same texts, nothing else.
    const texts = Array.from(generateArticles(count, { seed }), (a) => a.content);
    const floor = measureWinkFloor(texts);

    const megabytes = corpus.bytes / 1e6;
    const result: BenchResult = {
      count,
      megabytes: round(megabytes),
      ingestSeconds: round(ingestSeconds),
      articlesPerSecond: round(count / ingestSeconds),
      mbPerSecond: round(megabytes / ingestSeconds),
      peakRssMb: round(peakRssMb),
      workers: summary.workers,
      winkSeconds: round(floor.seconds),
      winkMbPerSecond: round(floor.mbPerSecond),
      ratioToWink: round(ingestSeconds / floor.seconds),
    };
    report(result, readBaseline());
    if (values.record) {
      const baseline: Baseline = { recorded: new Date().toISOString(), machine: machineLabel(), node: process.version, result };
      writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
      process.stderr.write(`baseline recorded in ${BASELINE}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(result: BenchResult, baseline: Baseline | null): void {
  const rows: [string, keyof BenchResult, string][] = [
    ['articles', 'count', ''],
    ['corpus size', 'megabytes', 'MB'],
    ['ingest + store', 'ingestSeconds', 's'],
    ['throughput', 'articlesPerSecond', 'articles/s'],
    ['throughput', 'mbPerSecond', 'MB/s'],
    ['peak RSS', 'peakRssMb', 'MB'],
    ['worker threads', 'workers', ''],
    ['wink-nlp tokenise only', 'winkSeconds', 's'],
    ['wink-nlp tokenise only', 'winkMbPerSecond', 'MB/s'],
    ['ingest time / wink time', 'ratioToWink', '×'],
  ];
  const before = baseline?.result;
  console.log(`sitrep ingest bench — ${machineLabel()}, Node ${process.version}`);
  console.log(`${'measure'.padEnd(26)}${'now'.padStart(12)}${'baseline'.padStart(12)}  unit`);
  for (const [label, key, unit] of rows) {
    const now = result[key];
    const then = before && before.count === result.count ? before[key] : undefined;
    console.log(`${label.padEnd(26)}${String(now).padStart(12)}${String(then ?? '—').padStart(12)}  ${unit}`);
  }
  if (before && before.count !== result.count) console.log(`(baseline was recorded at ${before.count} articles; not compared)`);
  if (!before) console.log('(no baseline recorded yet: npm run bench -- --record)');
}

function readBaseline(): Baseline | null {
  if (!existsSync(BASELINE)) return null;
  return JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
}

function machineLabel(): string {
  return `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

await runBench();
