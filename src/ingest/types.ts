/**
 * What ingest hands to the pipeline: decoded article content with its origin.
 * Ingest is I/O (files, stdin, HTTP, feeds); everything after it is pure.
 */
import type { Origin } from '../doc/types.js';

/** Metadata an input may carry beside its content (JSONL fields, feed items, CLI options). */
export interface InputMeta {
  readonly url?: string;
  readonly title?: string;
  /** As supplied: an ISO date or date-time, or an RFC 822 date from a feed. */
  readonly published?: string;
  readonly outlet?: string;
  readonly language?: string;
}

/** One decoded article ready for cleaning. */
export interface RawArticle {
  readonly origin: Origin;
  /** Whether `content` is HTML markup or plain text. */
  readonly format: 'text' | 'html';
  readonly content: string;
  readonly meta: InputMeta;
  /** Non-fatal problems met while reading (e.g. "HTML ends before </html>: the page looks truncated"). */
  readonly warnings: readonly string[];
}

/** An input that could not be read or decoded; the batch goes on without it. */
export interface InputFailure {
  /** The input as the user named it: a path, a URL, `-`, or `file.jsonl:12` for a line. */
  readonly input: string;
  /** Stable machine code, e.g. `binary`, `empty`, `too-large`, `fetch-failed`, `robots-disallowed`. */
  readonly code: string;
  /** What went wrong and why, quoting the value. */
  readonly message: string;
}

/** A single result of reading inputs: an article or a failure. */
export type InputResult =
  | { readonly ok: true; readonly article: RawArticle }
  | { readonly ok: false; readonly failure: InputFailure };
