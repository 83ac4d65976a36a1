/**
 * One document posted to the API, to the store: the same steps as `sitrep ingest` for a single
 * input (read, skip if the bytes are known, clean and run the stages, store), returning a value
 * for every expected outcome so the route only maps it to a status.
 */
import { docIdFromSha256 } from '../doc/doc-id.js';
import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import { readInputs } from '../ingest/ingest.js';
import type { InputMeta, RawArticle } from '../ingest/types.js';
import { processArticle } from '../pipeline/process-article.js';
import { StoreError, StoreErrorCodes } from '../store/store-error.js';
import { privateUrlReason } from './address-guard.js';
import type { PutOutcome, Store } from '../store/store.js';

/** The posted fields, as validated by the route. */
export interface PostedDocument {
  readonly text?: string | undefined;
  readonly html?: string | undefined;
  readonly url?: string | undefined;
  readonly title?: string | undefined;
  readonly published?: string | undefined;
  readonly outlet?: string | undefined;
  readonly language?: string | undefined;
}

/** What storing a posted document did. */
export interface PostedResult {
  readonly outcome: PutOutcome;
  readonly id: string;
  readonly version: number;
  readonly supersedes: string | null;
  readonly title: string | null;
  /** Non-fatal problems: a stage that failed, a page that looks truncated. */
  readonly warnings: readonly string[];
}

/** A posted document that could not be stored, and why (a value: bad input is expected). */
export interface PostedFailure {
  /** `invalid-input` for content the pipeline rejects, `fetch-failed` and kin for URLs. */
  readonly code: string;
  readonly message: string;
  /** 422 for what the client sent, 502 when the page it named could not be fetched. */
  readonly status: 422 | 502;
}

/** What ingestPosted needs. */
export interface PostOptions {
  readonly store: Store;
  readonly config: Config;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  /** Fetch URLs whose host is loopback, private or link-local (default false: refused, see address-guard.ts). */
  readonly allowPrivateUrls?: boolean;
}

/** Ingests one posted document into the store. */
export async function ingestPosted(
  posted: PostedDocument,
  options: PostOptions,
): Promise<{ readonly ok: true; readonly result: PostedResult } | { readonly ok: false; readonly failure: PostedFailure }> {
  const { store, config } = options;
  const now = options.now ?? (() => new Date());

  // 1. Raw article: posted content as it is, or the page at the URL.
  const read = posted.text === undefined && posted.html === undefined ? await readUrl(posted, options) : fromContent(posted, now);
  if (!read.ok) return read;
  const raw = read.article;

  // 2. Clean and run the stages. Known bytes go through again rather than skipping ahead as a
  //    batch does: it costs milliseconds, and the store then answers with their real version.
  const processed = await processArticle(raw, config);
  if (!processed.ok) {
    return { ok: false, failure: { status: 422, code: processed.failure.code, message: `Cannot make a document of this input: ${processed.failure.message}` } };
  }
  const warnings = [...raw.warnings];
  for (const failure of processed.failures) {
    warnings.push(`stage ${failure.stage} failed (${failure.code}): ${failure.message}`);
    await store.recordFailure(failure);
  }

  // 3. Store; the store decides stored / new-version / unchanged.
  try {
    const put = await store.putDocument(processed.doc);
    return { ok: true, result: { ...put, title: processed.doc.title, warnings } };
  } catch (error) {
    if (error instanceof StoreError && error.code === StoreErrorCodes.E_STORE_VALUE) {
      return { ok: false, failure: { status: 422, code: 'unstorable', message: error.message.replace(/^\[\w+\] /, '') } };
    }
    throw error;
  }
}

/** Origin for posted content: its URL when given, otherwise a path naming the API and the bytes. */
function fromContent(posted: PostedDocument, now: () => Date): { readonly ok: true; readonly article: RawArticle } {
  const content = posted.html ?? posted.text ?? '';
  const sha256 = createHash('sha256').update(content, 'utf8').digest('hex');
  const where = posted.url !== undefined ? { url: posted.url } : { path: `api:${docIdFromSha256(sha256)}` };
  return {
    ok: true,
    article: {
      origin: { ...where, sha256, fetched: now().toISOString(), encoding: { name: 'utf-8', method: 'posted as JSON' } },
      format: posted.html !== undefined ? 'html' : 'text',
      content,
      meta: meta(posted),
      warnings: [],
    },
  };
}

async function readUrl(
  posted: PostedDocument,
  options: PostOptions,
): Promise<{ readonly ok: true; readonly article: RawArticle } | { readonly ok: false; readonly failure: PostedFailure }> {
  const url = posted.url ?? '';
  // The server fetches what the client names: not its own or its network's services.
  if (options.allowPrivateUrls !== true) {
    const reason = await privateUrlReason(url);
    if (reason !== null) {
      return {
        ok: false,
        failure: {
          status: 422,
          code: 'private-address',
          message: `Not fetched: ${reason}. This server fetches public addresses only (start it with private URLs allowed to change that)`,
        },
      };
    }
  }
  const results = readInputs([url], {
    config: options.config,
    store: options.store,
    ...(options.now ? { now: options.now } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  // One document per POST: a feed's first item is read; returning ends the generator, so the
  // rest are never fetched.
  for await (const result of results) {
    if (!result.ok) {
      const { code, message } = result.failure;
      const status = /^(empty|binary|bad-encoding|too-large)$/.test(code) ? 422 : 502;
      return { ok: false, failure: { status, code, message } };
    }
    const article = result.article;
    return { ok: true, article: { ...article, meta: { ...article.meta, ...meta(posted) } } };
  }
  return {
    ok: false,
    failure: { status: 422, code: 'no-article', message: `${url} gave no article (a feed that has not changed, or has no items)` },
  };
}

function meta(posted: PostedDocument): InputMeta {
  return {
    ...(posted.title !== undefined ? { title: posted.title } : {}),
    ...(posted.published !== undefined ? { published: posted.published } : {}),
    ...(posted.outlet !== undefined ? { outlet: posted.outlet } : {}),
    ...(posted.language !== undefined ? { language: posted.language } : {}),
  };
}
