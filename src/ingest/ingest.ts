/**
 * The ingest batch: read inputs, run the per-document pipeline (in-process, or on a worker pool once
 * the batch is large enough to pay for it), and write results through one store writer.
 * A bad input is recorded and the batch goes on; the same bytes twice change nothing.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Config } from '../config.js';
import { docIdFromSha256 } from '../doc/doc-id.js';
import { processArticle, type ProcessResult } from '../pipeline/process-article.js';
import { inputName } from '../pipeline/runner.js';
import type { WorkerTask } from '../pipeline/worker.js';
import type { FailureRecord, PutOutcome, Store } from '../store/store.js';
import { readPathInputs } from './files.js';
import { readUrlInputs } from './read-url-inputs.js';
import type { InputResult, RawArticle } from './types.js';

/** One line of the closing summary: a document written or skipped. */
export interface IngestedItem {
  readonly input: string;
  readonly id: string;
  readonly outcome: PutOutcome;
  readonly title: string | null;
}

export interface IngestSummary {
  readonly stored: number;
  readonly newVersions: number;
  readonly unchanged: number;
  readonly failed: readonly FailureRecord[];
  /** Non-fatal problems: a truncated page stored as far as it goes, a stage that failed on one document. */
  readonly warnings: readonly { readonly input: string; readonly message: string }[];
  /** Informational lines, e.g. "feed unchanged since last fetch". */
  readonly notes: readonly string[];
  readonly items: readonly IngestedItem[];
  /** Worker threads used (0: all in-process). */
  readonly workers: number;
}

export interface IngestProgress {
  readonly done: number;
  readonly stored: number;
  readonly unchanged: number;
  readonly failed: number;
  /** Bytes of input content processed so far (UTF-16 length of decoded text, a proxy). */
  readonly chars: number;
}

export interface IngestOptions {
  readonly store: Store;
  readonly config: Config;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly now?: () => Date;
}

/** True for the http(s) URLs ingest fetches; everything else is a path (or `-` for stdin). */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Reads every input, in the order given, yielding articles and failures as they come. */
export async function* readInputs(
  inputs: readonly string[],
  options: {
    readonly config: Config;
    readonly store?: Store;
    readonly now?: () => Date;
    readonly onNote?: (note: string) => void;
    readonly signal?: AbortSignal;
  },
): AsyncGenerator<InputResult> {
  const now = options.now ?? (() => new Date());
  const { config, store, signal } = options;
  const encoding = config.ingest.encoding ? { encoding: config.ingest.encoding } : {};
  const abort = signal ? { signal } : {};
  // Keep the user's order: consecutive runs of paths or URLs are read together.
  let index = 0;
  while (index < inputs.length) {
    const url = isUrl(inputs[index] ?? '');
    let end = index;
    while (end < inputs.length && isUrl(inputs[end] ?? '') === url) end += 1;
    const group = inputs.slice(index, end);
    index = end;
    if (!url) {
      yield* readPathInputs(group, { maxBytes: config.ingest.maxBytes, now, ...encoding, ...abort });
      continue;
    }
    yield* readUrlInputs(group, {
      timeoutMs: config.fetch.timeoutMs,
      maxBytes: config.ingest.maxBytes,
      maxRedirects: config.fetch.maxRedirects,
      userAgent: config.fetch.userAgent,
      respectRobots: config.fetch.respectRobots,
      concurrency: config.fetch.concurrency,
      now,
      ...encoding,
      ...abort,
      ...(store
        ? {
            getFetchState: async (u: string) => {
              const state = await store.getFetchState(u);
              return state ? { etag: state.etag, lastModified: state.lastModified } : null;
            },
            setFetchState: (s: { url: string; etag: string | null; lastModified: string | null; fetched: string }) =>
              store.setFetchState(s),
          }
        : {}),
      ...(options.onNote ? { onNote: options.onNote } : {}),
    });
  }
}

/** Turns raw articles into processed documents, moving to a worker pool once the batch is large. */
class Processor {
  private pool: Piscina | null = null;
  private dispatched = 0;

  constructor(private readonly config: Config) {}

  get workers(): number {
    return this.pool?.options.maxThreads ?? 0;
  }

  run(raw: RawArticle): Promise<ProcessResult> {
    this.dispatched += 1;
    const threads = this.threadCount();
    if (this.pool === null && threads > 0 && this.dispatched > this.config.ingest.minInputsForWorkers) {
      this.pool = new Piscina({ filename: workerUrl(), minThreads: threads, maxThreads: threads });
    }
    if (this.pool) return this.pool.run({ raw, config: this.config } satisfies WorkerTask) as Promise<ProcessResult>;
    return processArticle(raw, this.config);
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }

  private threadCount(): number {
    const cores = availableParallelism();
    if (cores < 2) return 0;
    return this.config.ingest.workers > 0 ? this.config.ingest.workers : cores;
  }
}

/** The worker module beside this one: .ts when running from source (tsx), .js when built. */
function workerUrl(): string {
  const here = import.meta.url;
  const extension = here.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`../pipeline/worker${extension}`, here).href;
}

/** Ingests inputs into the store; returns what was stored, unchanged, or failed, and why. */
export async function ingestInputs(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const { store, config, signal } = options;
  const processor = new Processor(config);
  const failed: FailureRecord[] = [];
  const warnings: { input: string; message: string }[] = [];
  const notes: string[] = [];
  const items: IngestedItem[] = [];
  let stored = 0;
  let newVersions = 0;
  let unchanged = 0;
  let chars = 0;
  let done = 0;

  const report = (): void =>
    options.onProgress?.({ done, stored: stored + newVersions, unchanged, failed: failed.length, chars });

  const fail = async (failure: FailureRecord): Promise<void> => {
    failed.push(failure);
    await store.recordFailure(failure);
  };

  // The single writer: results are written in arrival order, one at a time.
  let writer: Promise<void> = Promise.resolve();
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.max(4, availableParallelism() * 4);

  const write = async (raw: RawArticle, result: ProcessResult): Promise<void> => {
    const input = inputName(raw.origin);
    if (!result.ok) return fail(result.failure);
    for (const failure of result.failures) {
      warnings.push({ input, message: `stage ${failure.stage} failed (${failure.code}): ${failure.message}` });
      await store.recordFailure(failure);
    }
    for (const warning of raw.warnings) warnings.push({ input, message: warning });
    const put = await store.putDocument(result.doc);
    if (put.outcome === 'stored') stored += 1;
    else if (put.outcome === 'new-version') newVersions += 1;
    else unchanged += 1;
    items.push({ input, id: put.id, outcome: put.outcome, title: result.doc.title });
  };

  try {
    const reading = readInputs(inputs, {
      config,
      store,
      onNote: (note) => notes.push(note),
      ...(options.now ? { now: options.now } : {}),
      ...(signal ? { signal } : {}),
    });
    for await (const result of reading) {
      if (signal?.aborted) break;
      if (!result.ok) {
        const failure = { ...result.failure, stage: 'ingest' };
        writer = writer.then(() => fail(failure));
        await writer;
        done += 1;
        report();
        continue;
      }
      const raw = result.article;
      chars += raw.content.length;
      // Same bytes seen before: skip the pipeline entirely.
      if (await store.hasContent(raw.origin.sha256)) {
        unchanged += 1;
        done += 1;
        items.push({ input: inputName(raw.origin), id: docIdFromSha256(raw.origin.sha256), outcome: 'unchanged', title: raw.meta.title ?? null });
        report();
        continue;
      }
      const task = processor.run(raw).then(
        (processed) => {
          writer = writer.then(() => write(raw, processed));
          return writer;
        },
        (error: unknown) => {
          const failure = { input: inputName(raw.origin), stage: 'pipeline', code: 'E_STAGE_THREW', message: String(error) };
          writer = writer.then(() => fail(failure));
          return writer;
        },
      );
      const tracked = task.finally(() => {
        inFlight.delete(tracked);
        done += 1;
        report();
      });
      inFlight.add(tracked);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await writer;
  } finally {
    await processor.close();
  }
  return { stored, newVersions, unchanged, failed, warnings, notes, items, workers: processor.workers };
}
