/**
 * One input's bytes to a RawArticle or a failure: sniff (binary? empty? HTML?), decode, and record
 * where it came from. Shared by files, stdin and URLs so they fail and warn in the same words.
 */
import { createHash } from 'node:crypto';
import { decodeBytes, type Decoded } from './decode.js';
import { htmlLooksTruncated, sniffContent } from './sniff.js';
import type { InputMeta, InputResult } from './types.js';

/** Where the bytes came from and what is known about them. */
export interface ArticleSource {
  /** The input as the user named it, for failures and warnings: a path, `-`, or a URL. */
  readonly input: string;
  /** Exactly one of path or url, as Origin wants it. */
  readonly origin: { readonly path: string } | { readonly url: string };
  /** A file name or URL, for its extension. */
  readonly name?: string | undefined;
  readonly contentType?: string | null | undefined;
  /** A charset declared by the source (HTTP Content-Type). */
  readonly declared?: string | undefined;
  /** A charset the user forces. */
  readonly forced?: string | undefined;
  /** ISO time the bytes were read. */
  readonly fetched: string;
  readonly meta?: InputMeta;
}

/** Turns an input's bytes into an article, or a failure saying why it is not one. Never throws. */
export function articleFromBytes(bytes: Uint8Array, source: ArticleSource): InputResult {
  const fail = (code: string, message: string): InputResult => ({ ok: false, failure: { input: source.input, code, message } });
  const sniffed = sniffContent(bytes, { name: source.name, contentType: source.contentType });
  if (sniffed.kind === 'binary') return fail('binary', `${source.input} looks binary (${sniffed.reason ?? 'unknown format'}), not text or HTML`);
  if (sniffed.kind === 'empty') return fail('empty', `${source.input} is empty (${sniffed.reason ?? 'no content'})`);

  const decoded = decodeWith(bytes, source);
  if (!decoded.ok) return fail('bad-encoding', decoded.message);
  const { text, encoding, method } = decoded.decoded;
  if (text.trim() === '') return fail('empty', `${source.input} is empty (only whitespace)`);

  const warnings: string[] = [];
  if (sniffed.kind === 'html' && htmlLooksTruncated(text)) warnings.push('the page looks truncated (no closing </html>)');
  if (method.startsWith('utf-8 mostly valid')) {
    const replaced = text.match(/\ufffd/g)?.length ?? 0;
    warnings.push(`${replaced} byte sequence(s) were not valid UTF-8 and were replaced with U+FFFD`);
  }
  return {
    ok: true,
    article: {
      origin: { ...source.origin, sha256: sha256(bytes), fetched: source.fetched, encoding: { name: encoding, method } },
      format: sniffed.kind,
      content: text,
      meta: source.meta ?? {},
      warnings,
    },
  };
}

/** Decodes, turning an unknown forced encoding into a message instead of an exception. */
export function decodeWith(
  bytes: Uint8Array,
  source: { readonly input: string; readonly declared?: string | undefined; readonly forced?: string | undefined },
): { readonly ok: true; readonly decoded: Decoded } | { readonly ok: false; readonly message: string } {
  try {
    return { ok: true, decoded: decodeBytes(bytes, { declared: source.declared, forced: source.forced }) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, message: `${source.input}: cannot decode as "${source.forced}": no such encoding (from --encoding)` };
    throw error;
  }
}

/** Hex sha256 of bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
