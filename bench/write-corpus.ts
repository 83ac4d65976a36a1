/**
 * Writes a generated corpus to disk, 1000 files per subfolder, so benchmarks read real files.
 *
 *   node --import tsx bench/write-corpus.ts --count 10000 --out /tmp/corpus [--seed 1] [--html-share 0.3] [--start-date 2022-07-25]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArticles, type GenerateOptions } from './generate-articles.js';

/** Options of {@link writeCorpus}: the generator's, plus I/O controls. */
export interface WriteCorpusOptions extends GenerateOptions {
  /** Files written at once; default 32. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called after each file with the running totals. */
  readonly onProgress?: (progress: { readonly files: number; readonly bytes: number }) => void;
}

/** What was written. */
export interface CorpusSummary {
  readonly files: number;
  /** UTF-8 bytes of all files. */
  readonly bytes: number;
}

const FILES_PER_SHARD = 1000;

/** Generates `count` articles and writes them under `dir` in shards `000/`, `001/`, … of 1000 files. */
export async function writeCorpus(dir: string, count: number, options: WriteCorpusOptions = {}): Promise<CorpusSummary> {
  const concurrency = options.concurrency ?? 32;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new RangeError(`Cannot write with concurrency ${String(concurrency)}: it must be a whole number, 1 or more`);
  const shardWidth = Math.max(3, String(Math.max(0, Math.ceil(count / FILES_PER_SHARD) - 1)).length);
  const inFlight = new Set<Promise<void>>();
  let files = 0;
  let bytes = 0;
  let index = 0;
  let shardMade = -1;

  try {
    for (const article of generateArticles(count, options)) {
      options.signal?.throwIfAborted();
      const shard = Math.floor(index / FILES_PER_SHARD);
      const shardDir = join(dir, String(shard).padStart(shardWidth, '0'));
      // Articles come in index order, so each shard folder is made once, before its first file.
      if (shard !== shardMade) {
        await mkdir(shardDir, { recursive: true });
        shardMade = shard;
      }
      const size = Buffer.byteLength(article.content, 'utf8');
      const write = writeFile(join(shardDir, article.name), article.content, { encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) }).then(() => {
        files += 1;
        bytes += size;
        options.onProgress?.({ files, bytes });
      });
      const tracked = write.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      // Bounded: wait for a slot before generating the next article.
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
      index += 1;
    }
  } catch (error) {
    // Let writes already started settle, so none rejects later with nobody listening.
    await Promise.allSettled(inFlight);
    throw error;
  }
  await Promise.all(inFlight);
  return { files, bytes };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'html-share': { type: 'string' },
      'start-date': { type: 'string' },
    },
  });
  if (!values.out) {
    process.stderr.write('usage: node --import tsx bench/write-corpus.ts --count 10000 --out DIR [--seed 1] [--html-share 0.3] [--start-date YYYY-MM-DD]\n');
    process.exitCode = 2;
    return;
  }
  const count = Number(values.count);
  const dir = resolve(values.out);
  const tty = process.stderr.isTTY;
  const started = process.hrtime.bigint();
  const summary = await writeCorpus(dir, count, {
    seed: Number(values.seed),
    ...(values['html-share'] === undefined ? {} : { htmlShare: Number(values['html-share']) }),
    ...(values['start-date'] === undefined ? {} : { startDate: values['start-date'] }),
    onProgress: ({ files }) => {
      if (tty && (files % 1000 === 0 || files === count)) process.stderr.write(`\rwritten ${files}/${count}`);
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (tty) process.stderr.write('\n');
  process.stdout.write(`${summary.files} files, ${(summary.bytes / 1e6).toFixed(1)} MB in ${dir} (${seconds.toFixed(2)} s)\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`write-corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
