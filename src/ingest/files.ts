/**
 * Paths the user names (files, folders, `-` for stdin) to articles and failures. Folders are
 * walked in sorted order so a batch is reproducible; nothing is read before its size is checked;
 * JSONL files are streamed a line at a time, each line an input of its own.
 */
import type { Stats } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { articleFromBytes, decodeWith, sha256 } from './article-from-bytes.js';
import { formatBytes } from './format-bytes.js';
import { htmlLooksTruncated, sniffContent } from './sniff.js';
import type { InputMeta, InputResult } from './types.js';

/** Options for readPathInputs; maxBytes and now come from the caller's config and clock. */
export interface PathInputOptions {
  /** Files (and JSONL lines, and stdin) larger than this fail with `too-large`. */
  readonly maxBytes: number;
  readonly now: () => Date;
  /** Force this character encoding instead of detecting it. */
  readonly encoding?: string | undefined;
  /** What `-` reads; process.stdin unless given (tests pass their own). */
  readonly stdin?: AsyncIterable<Uint8Array> | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Extensions read when walking a folder; other files there are skipped without a word. */
const FOLDER_EXTENSIONS = new Set(['.txt', '.text', '.html', '.htm', '.xhtml', '.jsonl', '.ndjson']);
const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
const META_FIELDS = ['url', 'published', 'outlet', 'title', 'language'] as const;

/** Reads files, folders (recursively, sorted, hidden entries skipped) and `-`, yielding an article or a failure per input. */
export async function* readPathInputs(paths: readonly string[], options: PathInputOptions): AsyncGenerator<InputResult> {
  for (const given of paths) {
    if (options.signal?.aborted) return;
    if (given === '-') {
      yield* readStdin(options);
      continue;
    }
    const name = normalize(given);
    let info: Stats;
    try {
      info = await stat(given);
    } catch (error) {
      yield failure(name, ...describeFsError(name, error));
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(name, options, new Set([await realpath(given).catch(() => given)]));
    else yield* readFile(name, info, options);
  }
}

/** Walks a folder depth-first, names in plain code-unit order (not locale order, so every machine walks alike); symlinked folders are followed once. */
async function* walkFolder(folder: string, options: PathInputOptions, visited: Set<string>): AsyncGenerator<InputResult> {
  let names: string[];
  try {
    names = (await readdir(folder)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    yield failure(folder, ...describeFsError(folder, error));
    return;
  }
  for (const entry of names) {
    if (options.signal?.aborted) return;
    if (entry.startsWith('.')) continue;
    const path = join(folder, entry);
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      // A dangling symlink in a folder is worth a word: the user may expect that file to be read.
      if (FOLDER_EXTENSIONS.has(extname(entry).toLowerCase())) yield failure(path, ...describeFsError(path, error));
      continue;
    }
    if (info.isDirectory()) {
      const real = await realpath(path).catch(() => path);
      if (visited.has(real)) continue;
      visited.add(real);
      yield* walkFolder(path, options, visited);
    } else if (info.isFile() && FOLDER_EXTENSIONS.has(extname(entry).toLowerCase())) {
      yield* readFile(path, info, options);
    }
  }
}

/** Reads one named file: JSONL line by line, anything else whole after a size check. */
async function* readFile(name: string, info: Stats, options: PathInputOptions): AsyncGenerator<InputResult> {
  const extension = extname(name).toLowerCase();
  if (JSONL_EXTENSIONS.has(extension)) {
    yield* readJsonlFile(name, options);
    return;
  }
  if (info.isFile() && info.size > options.maxBytes) {
    yield failure(name, 'too-large', `${name} is ${formatBytes(info.size)}, over the ${formatBytes(options.maxBytes)} limit (set --max-bytes to raise it)`);
    return;
  }
  let bytes: Uint8Array | null;
  try {
    // Read with the cap even after the size check: the file may grow, or be a pipe (`<(cmd)`).
    bytes = await readCapped(name, options.maxBytes);
  } catch (error) {
    yield failure(name, ...describeFsError(name, error));
    return;
  }
  if (bytes === null) {
    yield failure(name, 'too-large', `${name} is over the ${formatBytes(options.maxBytes)} limit; stopped reading (set --max-bytes to raise it)`);
    return;
  }
  yield articleFromBytes(bytes, { input: name, origin: { path: name }, name, forced: options.encoding, fetched: options.now().toISOString() });
}

/** The file's bytes, or null when there are more than `limit`. */
async function readCapped(path: string, limit: number): Promise<Uint8Array | null> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return null;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

async function* readStdin(options: PathInputOptions): AsyncGenerator<InputResult> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of options.stdin ?? (process.stdin as AsyncIterable<Uint8Array>)) {
    total += chunk.length;
    if (total > options.maxBytes) {
      yield failure('-', 'too-large', `- (stdin) is over the ${formatBytes(options.maxBytes)} limit; stopped reading (set --max-bytes to raise it)`);
      return;
    }
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks, total);
  if (looksLikeJsonl(bytes)) {
    yield* readJsonlLines('-', singleChunk(bytes), options);
    return;
  }
  yield articleFromBytes(bytes, { input: '-', origin: { path: '-' }, forced: options.encoding, fetched: options.now().toISOString() });
}

/** JSON Lines on stdin: the first non-blank line is a JSON object with a text or html field. */
function looksLikeJsonl(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024)).toString('utf8');
  const line = head.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  if (!line.startsWith('{') || !line.endsWith('}')) return false;
  try {
    const record = JSON.parse(line) as unknown;
    return typeof record === 'object' && record !== null && ('text' in record || 'html' in record);
  } catch {
    return false;
  }
}

async function* singleChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function* readJsonlFile(name: string, options: PathInputOptions): AsyncGenerator<InputResult> {
  let handle: FileHandle;
  try {
    handle = await open(name, 'r');
  } catch (error) {
    yield failure(name, ...describeFsError(name, error));
    return;
  }
  const stream = handle.createReadStream({ autoClose: false, highWaterMark: 256 * 1024 });
  try {
    yield* readJsonlLines(name, stream as AsyncIterable<Uint8Array>, options);
  } catch (error) {
    yield failure(name, ...describeFsError(name, error));
  } finally {
    stream.destroy();
    await handle.close();
  }
}

/**
 * Each non-blank line is one record; a bad line is a failure named `file.jsonl:LINE` and the rest
 * go on. A JSONL file is a container, so the size limit applies to each line, not to the file:
 * a large corpus streams through in constant memory.
 */
async function* readJsonlLines(name: string, chunks: AsyncIterable<Uint8Array>, options: PathInputOptions): AsyncGenerator<InputResult> {
  let lineNumber = 0;
  let records = 0;
  let sawBytes = false;
  let checkedBinary = false;
  for await (const line of splitLines(chunks, options.maxBytes)) {
    if (options.signal?.aborted) return;
    if (!checkedBinary && line.bytes !== null) {
      checkedBinary = true;
      const sniffed = sniffContent(line.bytes.subarray(0, 8192));
      if (sniffed.kind === 'binary') {
        yield failure(name, 'binary', `${name} looks binary (${sniffed.reason ?? 'unknown format'}), not JSON Lines`);
        return;
      }
    }
    lineNumber += 1;
    sawBytes = true;
    const input = `${name}:${lineNumber}`;
    if (line.bytes === null) {
      yield failure(input, 'too-large', `${input} is over the ${formatBytes(options.maxBytes)} limit for one record (set --max-bytes to raise it)`);
      records += 1;
      continue;
    }
    if (isBlankLine(line.bytes)) continue;
    records += 1;
    yield jsonlRecord(line.bytes, { name, lineNumber, input, options });
  }
  if (records === 0) yield failure(name, 'empty', sawBytes ? `${name} is empty (no records, only blank lines)` : `${name} is empty (0 bytes)`);
}

/** Splits a byte stream on LF, dropping a CR before it; a line longer than `limit` comes back as null. */
async function* splitLines(chunks: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<{ readonly bytes: Uint8Array | null }> {
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let overflow = false;
  const finish = (tail: Uint8Array): { readonly bytes: Uint8Array | null } => {
    if (overflow) return { bytes: null };
    let line = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    return { bytes: line };
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      if (newline === -1) break;
      const tail = chunk.subarray(start, newline);
      overflow ||= pendingLength + tail.length > limit;
      yield finish(tail);
      pending = [];
      pendingLength = 0;
      overflow = false;
      start = newline + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0) {
      pendingLength += rest.length;
      if (pendingLength > limit) {
        // Too long to be a record: stop keeping its bytes, remember only that it overflowed.
        overflow = true;
        pending = [];
      } else pending.push(Buffer.from(rest));
    }
  }
  if (pendingLength > 0) yield finish(new Uint8Array());
}

function isBlankLine(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== 0x0c && byte !== 0x0b) return false;
  return true;
}

/** One JSONL line to an article: `html` (preferred: the cleaner reads more from markup) or `text`, plus metadata. */
function jsonlRecord(
  bytes: Uint8Array,
  context: { readonly name: string; readonly lineNumber: number; readonly input: string; readonly options: PathInputOptions },
): InputResult {
  const { name, lineNumber, input, options } = context;
  const fail = (code: string, message: string): InputResult => failure(input, code, `${input}: ${message}`);
  const decoded = decodeWith(bytes, { input, forced: options.encoding });
  if (!decoded.ok) return failure(input, 'bad-encoding', decoded.message);
  let record: unknown;
  try {
    record = JSON.parse(decoded.decoded.text);
  } catch (error) {
    return fail('bad-json', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return fail('bad-record', `a record must be a JSON object, got ${Array.isArray(record) ? 'an array' : JSON.stringify(record)}`);
  }
  const fields = record as Record<string, unknown>;
  const html = fields.html;
  const text = fields.text;
  let format: 'html' | 'text';
  let content: string;
  if (typeof html === 'string' && html.trim() !== '') [format, content] = ['html', html];
  else if (typeof text === 'string' && text.trim() !== '') [format, content] = ['text', text];
  else if (html === undefined && text === undefined) return fail('no-content', 'the record has neither "text" nor "html"');
  else {
    const field = text !== undefined ? 'text' : 'html';
    const value = fields[field];
    return typeof value === 'string' ? fail('empty', `"${field}" is empty`) : fail('bad-record', `"${field}" must be a string, got ${JSON.stringify(value)}`);
  }

  const warnings: string[] = [];
  const meta: { -readonly [K in keyof InputMeta]: InputMeta[K] } = {};
  for (const field of META_FIELDS) {
    const value = fields[field];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      if (value.trim() !== '') meta[field] = value.trim();
    } else warnings.push(`"${field}" is not a string (got ${JSON.stringify(value)}); ignored`);
  }
  if (format === 'html' && htmlLooksTruncated(content)) warnings.push('the page looks truncated (no closing </html>)');
  const { encoding, method } = decoded.decoded;
  return {
    ok: true,
    article: {
      origin: { path: name, item: lineNumber, sha256: sha256(bytes), fetched: options.now().toISOString(), encoding: { name: encoding, method } },
      format,
      content,
      meta,
      warnings,
    },
  };
}

function failure(input: string, code: string, message: string): InputResult {
  return { ok: false, failure: { input, code, message } };
}

/** A file-system error as a failure code and a message quoting the path. */
function describeFsError(name: string, error: unknown): [code: string, message: string] {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return ['not-found', `${name}: no such file or folder`];
    case 'ENOTDIR':
      return ['not-found', `${name}: no such file or folder (a part of the path is not a folder)`];
    case 'EACCES':
    case 'EPERM':
      return ['unreadable', `${name}: permission denied (${code})`];
    case 'ELOOP':
      return ['unreadable', `${name}: too many levels of symbolic links (ELOOP)`];
    case 'EISDIR':
      return ['unreadable', `${name}: is a folder where a file was expected (EISDIR)`];
    default:
      return ['unreadable', `${name}: cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`];
  }
}

/**
 * How many inputs readPathInputs will yield, counted cheaply (names and stats only) so a progress
 * display can show an ETA; null when that cannot be known up front (stdin, JSONL records).
 */
export async function countPathInputs(paths: readonly string[]): Promise<number | null> {
  let count = 0;
  const visit = async (path: string, named: boolean): Promise<boolean> => {
    const info = await stat(path).catch(() => null);
    if (info === null) {
      count += 1; // a failure is an input too
      return true;
    }
    if (info.isDirectory()) {
      const names = await readdir(path).catch(() => [] as string[]);
      for (const entry of names) {
        if (!entry.startsWith('.') && !(await visit(join(path, entry), false))) return false;
      }
      return true;
    }
    const extension = extname(path).toLowerCase();
    if (JSONL_EXTENSIONS.has(extension)) return false;
    if (named || (info.isFile() && FOLDER_EXTENSIONS.has(extension))) count += 1;
    return true;
  };
  for (const path of paths) {
    if (path === '-' || !(await visit(path, true))) return null;
  }
  return count;
}
