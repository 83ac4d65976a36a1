/**
 * `npm run bench:stories`: the cost of adding one document to the story index as the index grows,
 * measured in windows ending at 10k, 100k and 1M stored documents, with memory. Issue 6's bar: the
 * per-document cost at 1M within 1.5x of its cost at 10k.
 *
 *   node --expose-gc --import tsx bench/stories-bench.ts [--sizes 10000,100000,1000000] [--window 5000] [--per-day 500] [--seed 1]
 *
 * Documents are synthetic DocFacts fed to `addFacts`, not articles run through the NLP pipeline:
 * the pipeline's cost per document does not depend on the store's size (bench:stages measures it)
 * and would make a million documents take hours. The facts imitate news about one conflict: a few
 * hundred documents a day, developments that run for days with their own entities, places and
 * words, shared backdrop vocabulary, 5% near-copies (a signature copied with small changes), two
 * events a document at the development's places.
 */
import { parseArgs } from 'node:util';
import { createStoryIndex, type DocFacts, type FactEvent } from '../src/stories/story-index.js';
import type { PloverType } from '../src/stages/events/event-span.js';

/** mulberry32: small, fast and seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Development {
  readonly entities: readonly string[];
  readonly places: readonly { name: string; lat: number; lon: number }[];
  readonly words: readonly string[];
  readonly types: readonly PloverType[];
  readonly endDay: number;
}

const TYPES: readonly PloverType[] = ['ASSAULT', 'PROTEST', 'COERCE', 'MOBILIZE', 'ACCUSE', 'THREATEN', 'REJECT', 'REQUEST'];
const OUTLETS = ['Balkan Wire Service', 'Barjak Online', 'Eurasia Herald', 'Prishtina Courier', 'UraMost', 'Borderlands Watch', 'Truthline Daily', 'Frontline Opinion'];
const START_DAY = Math.floor(Date.parse('2022-07-25T00:00:00Z') / 86_400_000);

/** A stream of synthetic document facts, in publication order. */
function createFactStream(seed: number, perDay: number): () => DocFacts {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  // Zipf-like draw from a vocabulary of n: a few terms are everywhere, most are rare.
  const zipf = (n: number): number => Math.floor(n ** r()) - 1;
  const active: Development[] = [];
  // Feature names are interned, as a store's would be: the bench measures the index, not string building.
  const pools = new Map<string, string[]>();
  const term = (prefix: string, k: number): string => {
    let pool = pools.get(prefix);
    if (!pool) pools.set(prefix, (pool = []));
    return (pool[k] ??= `${prefix}${k}`);
  };
  const recent: Uint32Array[] = [];
  let n = 0;
  const newDevelopment = (day: number): Development => ({
    entities: Array.from({ length: 6 }, () => term('e:ent', zipf(5000))),
    places: Array.from({ length: 2 }, () => {
      const k = Math.floor(r() * 800);
      return { name: term('place', k), lat: 42 + (k % 40) * 0.05, lon: 20 + Math.floor(k / 40) * 0.05 };
    }),
    words: Array.from({ length: 25 }, () => term('w:word', zipf(30000))),
    types: Array.from({ length: 3 }, () => pick(TYPES)),
    endDay: day + 2 + Math.floor(r() * 6),
  });
  return () => {
    const day = START_DAY + Math.floor(n / perDay);
    const id = `d${n++}`;
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.endDay < day) active.splice(i, 1);
    while (active.length < perDay / 20) active.push(newDevelopment(day));
    // One document in ten is about something new.
    const dev = r() < 0.1 ? newDevelopment(day) : pick(active);
    if (dev.endDay >= day && !active.includes(dev) && r() < 0.5) active.push(dev);
    const features = new Map<string, number>();
    const bump = (f: string, k = 1): void => void features.set(f, (features.get(f) ?? 0) + k);
    for (let i = 0; i < 4; i++) bump(pick(dev.entities));
    bump(term('p:place', Number(pick(dev.places).name.slice(5))));
    for (let i = 0; i < 30; i++) bump(pick(dev.words));
    for (let i = 0; i < 12; i++) bump(term('w:common', zipf(3000)));
    bump('e:backdrop-police');
    // Signatures: random, or (5%) a recent document's with a few hashes changed, like a reprint.
    let hashes: Uint32Array;
    if (recent.length > 0 && r() < 0.05) {
      hashes = pick(recent).slice();
      for (let i = 0; i < 10; i++) hashes[Math.floor(r() * hashes.length)] = Math.floor(r() * 4294967296);
    } else {
      hashes = new Uint32Array(128);
      for (let i = 0; i < hashes.length; i++) hashes[i] = Math.floor(r() * 4294967296);
    }
    recent.push(hashes);
    if (recent.length > 200) recent.shift();
    const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    const events: FactEvent[] = Array.from({ length: 2 }, (_, i) => {
      const p = pick(dev.places);
      return {
        id: `e${i + 1}`,
        type: pick(dev.types),
        certainty: r() < 0.05 ? 'denied' : 'asserted',
        attribution: { kind: 'outlet', text: null, entity: null },
        date: { start: date, end: date, precision: 1, basis: 'text' },
        place: { name: p.name, text: p.name, country: 'XK', admin1: null, admin2: null, lat: p.lat, lon: p.lon, geonameid: null, precision: 1, basis: 'sentence', start: 0, end: 1 },
        actors: [pick(dev.entities)],
        recipients: [],
        quantities: { participants: null, fatalities: null, injured: null },
        evidence: 'synthetic evidence sentence',
        evidenceSpan: { start: 0, end: 27 },
      };
    });
    return { id, title: null, outlet: pick(OUTLETS), origin: null, day: date, dayOfYear: null, features, signature: { hashes, shingles: 300 }, events };
  };
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function runStoriesBench(): void {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000,1000000' },
      window: { type: 'string', default: '5000' },
      'per-day': { type: 'string', default: '500' },
      seed: { type: 'string', default: '1' },
    },
  });
  const sizes = values.sizes.split(',').map(Number).sort((a, b) => a - b);
  const window = Number(values.window);
  const perDay = Number(values['per-day']);
  const gc = (globalThis as { gc?: () => void }).gc;
  console.log(`stories bench: synthetic DocFacts fed to addFacts (no NLP pipeline), ${perDay} documents a day, windows of ${window} documents${gc ? '' : ' (run with --expose-gc for steadier memory figures)'}`);
  const next = createFactStream(Number(values.seed), perDay);
  const index = createStoryIndex();
  const started = performance.now();
  let added = 0;
  const results: { size: number; usPerDoc: number; wallUsPerDoc: number; heapMb: number; rssMb: number }[] = [];
  for (const size of sizes) {
    while (added < size - window) {
      index.addFacts(next());
      added++;
    }
    // Generate the window first, so that only the index's work is timed.
    const batch = Array.from({ length: size - added }, () => next());
    gc?.();
    // CPU time of this process, not wall time: the machine may be shared, and other processes'
    // load must not read as the index slowing down. The window is timed in five parts and the
    // median part counts, so one stall (a major GC, a busy neighbour) does not decide the figure.
    const parts: { cpu: number; wall: number }[] = [];
    const part = Math.ceil(batch.length / 5);
    for (let i = 0; i < batch.length; i += part) {
      const slice = batch.slice(i, i + part);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (const facts of slice) index.addFacts(facts);
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      parts.push({ cpu: (cpu.user + cpu.system) / slice.length, wall: (wall * 1000) / slice.length });
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    added = size;
    gc?.();
    const mem = process.memoryUsage();
    const usPerDoc = median(parts.map((p) => p.cpu));
    const wallUsPerDoc = median(parts.map((p) => p.wall));
    results.push({ size, usPerDoc, wallUsPerDoc, heapMb: mb(mem.heapUsed), rssMb: mb(mem.rss) });
    const s = index.stats();
    console.log(
      `${String(size).padStart(9)} docs: ${usPerDoc.toFixed(1).padStart(7)} µs CPU/doc (${wallUsPerDoc.toFixed(1)} µs wall), median of 5 parts of the last ${batch.length}; heap ${mb(mem.heapUsed)} MB, rss ${mb(mem.rss)} MB; ` +
        `${s.stories} stories (${s.hotStories} hot, ${s.hotDocuments} hot documents), ${s.incidents} incidents, ${s.postings} posting entries, ${s.buckets} bucket entries; ${((performance.now() - started) / 1000).toFixed(0)} s so far`,
    );
  }
  const first = results[0]!;
  const last = results[results.length - 1]!;
  const ratio = last.usPerDoc / first.usPerDoc;
  console.log(`per-document CPU cost at ${last.size} / at ${first.size}: ${ratio.toFixed(2)}x (bar: within 1.5x) ${ratio <= 1.5 ? 'PASS' : 'FAIL'}; wall-clock ratio ${(last.wallUsPerDoc / first.wallUsPerDoc).toFixed(2)}x`);
}

runStoriesBench();
