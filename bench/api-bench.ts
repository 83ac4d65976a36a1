/**
 * `npm run bench:api`: read load on the HTTP API over a large store. Figures are reported, never
 * asserted.
 *
 *   npm run bench:api -- [--docs 100000] [--clients 32] [--seconds 60] [--pipeline 2000] [--seed 1] [--fresh]
 *                        [--only documents,document,search,places,events,stats]
 *
 * 1. The store: a SQLite file cached under the OS tmp dir (reused on later runs with the same
 *    settings; `--fresh` rebuilds it). `--pipeline N` generated articles (bench/generate-articles.ts)
 *    go through the full ingest pipeline; the other `docs - N` documents are copies of those
 *    processed Documents under new ids, origins and hashes, inserted straight through
 *    Store.putDocument. Ingesting 100k with the pipeline takes ~10 min on a 2-core machine; the
 *    copies take about a minute. The copies repeat text, so search hits repeat too; the output says
 *    how the store was made. `--pipeline all` runs every document through the pipeline.
 * 2. The server: `sitrep serve`'s startServer in a child process on an ephemeral port, so the
 *    load generator does not share the server's event loop.
 * 3. Warm-up: one request to each endpoint, timed (the first /api/events builds the event index).
 * 4. Load: `--clients` concurrent clients (fetch loops with keep-alive), each taking the endpoints
 *    in turn, for `--seconds`; per endpoint and overall: requests, requests/s, p50/p95/p99, errors.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../src/api/serve.js';
import { loadConfig } from '../src/config.js';
import { docIdFromSha256 } from '../src/doc/doc-id.js';
import type { Doc } from '../src/doc/types.js';
import { ingestInputs } from '../src/ingest/ingest.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { writeCorpus } from './write-corpus.js';

interface Options {
  readonly docs: number;
  readonly clients: number;
  readonly seconds: number;
  /** Articles through the full pipeline; the rest are copies. */
  readonly pipeline: number;
  readonly seed: number;
  readonly fresh: boolean;
  /** Endpoint short names to load (default all): documents, document, search, places, events, stats. */
  readonly only: readonly string[] | null;
}

/** What the cached store holds, written beside it once it is complete. */
interface StoreMeta {
  readonly docs: number;
  readonly pipeline: number;
  readonly seed: number;
  readonly pipelineSeconds: number;
  readonly copySeconds: number;
  readonly failed: number;
}

const SELF = fileURLToPath(import.meta.url);

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '100000' },
      clients: { type: 'string', default: '32' },
      seconds: { type: 'string', default: '60' },
      pipeline: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      fresh: { type: 'boolean', default: false },
      only: { type: 'string' },
      serve: { type: 'string' },
    },
  });
  const docs = whole(values.docs, 'docs', 1);
  const pipeline = values.pipeline === 'all' ? docs : Math.min(docs, whole(values.pipeline, 'pipeline', 1));
  const only = values.only === undefined ? null : values.only.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !SHORT_NAMES.includes(name)) ?? [];
  if (unknown.length > 0) throw new RangeError(`--only ${unknown.join(',')}: expected some of ${SHORT_NAMES.join(', ')}`);
  return { docs, clients: whole(values.clients, 'clients', 1), seconds: whole(values.seconds, 'seconds', 1), pipeline, seed: whole(values.seed, 'seed', 0), fresh: values.fresh, only };
}

function whole(text: string, name: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`--${name} ${text}: expected a whole number, ${min} or more`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// 1. The store

/** Opens (building if need be) the cached store for these options. */
async function ensureStore(options: Options): Promise<{ readonly db: string; readonly meta: StoreMeta; readonly reused: boolean }> {
  const dir = join(tmpdir(), 'sitrep-api-bench');
  mkdirSync(dir, { recursive: true });
  const name = `store-d${options.docs}-p${options.pipeline}-s${options.seed}`;
  const db = join(dir, `${name}.db`);
  const metaFile = join(dir, `${name}.json`);
  if (!options.fresh && existsSync(db) && existsSync(metaFile)) {
    return { db, meta: JSON.parse(readFileSync(metaFile, 'utf8')) as StoreMeta, reused: true };
  }
  for (const file of [db, `${db}-wal`, `${db}-shm`, metaFile]) rmSync(file, { force: true });

  // 1a. The pipeline part: generated files, ingested as a user's would be.
  const corpus = join(dir, `${name}-corpus`);
  rmSync(corpus, { recursive: true, force: true });
  log(`generating ${options.pipeline} articles (seed ${options.seed}) …`);
  await writeCorpus(corpus, options.pipeline, { seed: options.seed });
  const config = loadConfig({ db }, {});
  const store = await openStore(db);
  try {
    log(`ingesting ${options.pipeline} articles through the full pipeline …`);
    let started = performance.now();
    const summary = await ingestInputs([corpus], {
      store,
      config,
      onProgress: ({ done }) => {
        if (done % 500 === 0) log(`  ${done}/${options.pipeline}`);
      },
    });
    const pipelineSeconds = (performance.now() - started) / 1000;
    rmSync(corpus, { recursive: true, force: true });

    // 1b. The copies: processed Documents under new ids, straight into the store.
    const templates: Doc[] = [];
    for await (const doc of store.exportDocuments()) templates.push(doc);
    const copies = options.docs - (await store.stats()).documents;
    started = performance.now();
    if (copies > 0 && templates.length > 0) log(`inserting ${copies} copies of the ${templates.length} processed documents through Store.putDocument …`);
    for (let i = 0; i < copies; i += 1) {
      await store.putDocument(copyOf(templates[i % templates.length] as Doc, i));
      if ((i + 1) % 10_000 === 0) log(`  ${i + 1}/${copies}`);
    }
    const copySeconds = (performance.now() - started) / 1000;
    const meta: StoreMeta = { docs: (await store.stats()).documents, pipeline: options.pipeline, seed: options.seed, pipelineSeconds, copySeconds, failed: summary.failed.length };
    writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
    return { db, meta, reused: false };
  } finally {
    await store.close();
  }
}

/** A processed document under a new identity: new bytes hash, id and URL; same text and layers. */
function copyOf(doc: Doc, n: number): Doc {
  const sha256 = createHash('sha256').update(`sitrep-api-bench copy ${n} of ${doc.id}`).digest('hex');
  const { path: _path, ...origin } = doc.origin;
  return { ...doc, id: docIdFromSha256(sha256), origin: { ...origin, url: `https://bench.example/copy/${n}`, sha256 } };
}

// ---------------------------------------------------------------------------------------------
// 2. The server, in a child process

/** Child mode: serve the store and tell the parent where. */
async function serveChild(db: string): Promise<void> {
  const config = loadConfig({ db }, {});
  const store = await openStore(db);
  const server = await startServer({ store, config, token: null, port: 0, log: (line) => process.stderr.write(`${line}\n`) });
  process.send?.({ url: server.url });
  // The parent asks for the server's memory after the load.
  process.on('message', (message) => {
    if (message === 'memory') process.send?.({ rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) });
  });
  process.on('disconnect', () => {
    void server.close().finally(() => store.close().finally(() => process.exit(0)));
  });
}

async function startChild(db: string): Promise<{ readonly child: ChildProcess; readonly url: string }> {
  const child = fork(SELF, ['--serve', db], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the server process exited (${String(code)}) before listening`)));
  });
  return { child, url };
}

// ---------------------------------------------------------------------------------------------
// 3-4. Load

interface Endpoint {
  /** For --only. */
  readonly short: string;
  readonly name: string;
  /** A path for the n-th request of a client. */
  readonly path: (n: number) => string;
}

interface Tally {
  readonly latencies: number[];
  errors: number;
  firstError: string | null;
}

const SHORT_NAMES = ['documents', 'document', 'search', 'places', 'events', 'stats'];
const WORDS = ['Jarinje', 'barricade', 'police', 'Mitrovica', 'Leposavić', 'protest', 'Zubin Potok', 'KFOR', 'border crossing', 'arrest'];
const TYPES = ['ASSAULT', 'PROTEST', 'THREATEN', 'ACCUSE', 'COERCE'];

function endpoints(ids: readonly string[]): Endpoint[] {
  return [
    { short: 'documents', name: 'GET /api/documents', path: () => '/api/documents?limit=50' },
    { short: 'document', name: 'GET /api/documents/{id}', path: (n) => `/api/documents/${ids[(n * 7919) % ids.length] ?? ''}` },
    { short: 'search', name: 'GET /api/search', path: (n) => `/api/search?q=${encodeURIComponent(WORDS[n % WORDS.length] ?? 'police')}&limit=20` },
    { short: 'places', name: 'GET /api/places', path: () => '/api/places' },
    { short: 'events', name: 'GET /api/events', path: (n) => (n % 2 === 0 ? '/api/events?limit=100' : `/api/events?limit=100&type=${TYPES[(n >> 1) % TYPES.length] ?? 'ASSAULT'}`) },
    { short: 'stats', name: 'GET /api/stats', path: () => '/api/stats' },
  ];
}

async function request(url: string): Promise<{ readonly ok: boolean; readonly ms: number; readonly error: string | null }> {
  const started = performance.now();
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return { ok: response.ok, ms: performance.now() - started, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Sample ids spread over the store, for GET /api/documents/{id}. */
async function sampleIds(base: string, want: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const response = await fetch(`${base}/api/documents?limit=500${query}`);
    const page = (await response.json()) as { items: { id: string }[]; next: string | null };
    ids.push(...page.items.map((item) => item.id));
    cursor = page.next;
  } while (cursor !== null && ids.length < want);
  return ids;
}

async function runLoad(base: string, list: readonly Endpoint[], clients: number, seconds: number): Promise<{ readonly tallies: Map<string, Tally>; readonly elapsed: number }> {
  const tallies = new Map(list.map((endpoint) => [endpoint.name, { latencies: [] as number[], errors: 0, firstError: null as string | null }]));
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (c: number): Promise<void> => {
    for (let n = c; performance.now() < deadline; n += 1) {
      const endpoint = list[n % list.length] as Endpoint;
      const result = await request(`${base}${endpoint.path(Math.floor(n / list.length) * clients + c)}`);
      const tally = tallies.get(endpoint.name) as Tally;
      tally.latencies.push(result.ms);
      if (!result.ok) {
        tally.errors += 1;
        tally.firstError ??= result.error;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return { tallies, elapsed: (performance.now() - started) / 1000 };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

function row(name: string, latencies: readonly number[], errors: number, elapsed: number): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (value: number): string => (Number.isNaN(value) ? '—' : value.toFixed(1));
  return [
    name.padEnd(26),
    String(sorted.length).padStart(9),
    (sorted.length / elapsed).toFixed(1).padStart(9),
    ms(percentile(sorted, 50)).padStart(10),
    ms(percentile(sorted, 95)).padStart(10),
    ms(percentile(sorted, 99)).padStart(10),
    String(errors).padStart(7),
  ].join('');
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const { db, meta, reused } = await ensureStore(options);
  const copies = meta.docs - meta.pipeline;
  console.log(`sitrep API bench — ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(
    `store: ${db} (${reused ? 'reused from an earlier run' : 'built now'}): ${meta.docs} documents — ` +
      `${meta.pipeline} generated articles through the full pipeline (${meta.pipelineSeconds.toFixed(1)} s${meta.failed > 0 ? `, ${meta.failed} failed` : ''})` +
      (copies > 0 ? ` + ${copies} copies of those processed Documents inserted with Store.putDocument (${meta.copySeconds.toFixed(1)} s)` : ''),
  );

  const { child, url } = await startChild(db);
  try {
    // 3. Warm-up: each endpoint once, timed; builds what the server caches per store revision.
    const ids = await sampleIds(url, 2000);
    const list = endpoints(ids).filter((endpoint) => options.only === null || options.only.includes(endpoint.short));
    console.log(`server: ${url} (child process ${child.pid}); ${ids.length} sampled ids`);
    console.log('warm-up (first request of each endpoint, ms):');
    for (const endpoint of list) {
      const result = await request(`${url}${endpoint.path(0)}`);
      console.log(`  ${endpoint.name.padEnd(26)}${result.ms.toFixed(1).padStart(10)}${result.ok ? '' : `  error: ${result.error ?? ''}`}`);
    }

    // 4. Load.
    console.log(`load: ${options.clients} clients for ${options.seconds} s, each taking the endpoints in turn …`);
    const { tallies, elapsed } = await runLoad(url, list, options.clients, options.seconds);
    console.log(`${'endpoint'.padEnd(26)}${'requests'.padStart(9)}${'req/s'.padStart(9)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'errors'.padStart(7)}`);
    const all: number[] = [];
    let errors = 0;
    for (const [name, tally] of tallies) {
      console.log(row(name, tally.latencies, tally.errors, elapsed));
      all.push(...tally.latencies);
      errors += tally.errors;
    }
    console.log(row('overall', all, errors, elapsed));
    for (const [name, tally] of tallies) if (tally.firstError !== null) console.log(`first error of ${name}: ${tally.firstError}`);
    const memory = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 5000);
      child.once('message', (message) => {
        clearTimeout(timer);
        resolve((message as { rssMb?: number }).rssMb ?? null);
      });
      child.send('memory');
    });
    if (memory !== null) console.log(`server RSS after the load: ${memory} MB (with the event index and place/entity tallies it keeps per store revision)`);
  } finally {
    child.disconnect();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex >= 0) {
  await serveChild(process.argv[serveIndex + 1] ?? '');
} else {
  await main();
}
