/**
 * Is an input text, HTML, binary or empty? Decided from the bytes first (a PDF named .html is
 * still a PDF), then from the name and Content-Type, then from what the start of the text looks like.
 */
import { extname } from 'node:path';
import { bomEncoding, decodeBytes, utf16ByNulPattern } from './decode.js';

/** What an input's bytes are, with the reason when it cannot be read as an article. */
export interface Sniffed {
  readonly kind: 'text' | 'html' | 'binary' | 'empty';
  /** Why it is binary or empty, quoting the evidence: "a PDF document", "12% NUL or control bytes in the first 8 KiB". */
  readonly reason?: string;
}

/** What else is known about the bytes: their name and Content-Type. */
export interface SniffOptions {
  /** A file name or URL path; only its extension is used. */
  readonly name?: string | undefined;
  /** An HTTP Content-Type header value. */
  readonly contentType?: string | null | undefined;
}

/** Bytes looked at for binary markers and HTML signs. */
const SAMPLE_BYTES = 8 * 1024;

/** Share of NUL and control bytes above which an input is binary. */
const CONTROL_SHARE_LIMIT = 0.02;

/** Formats that announce themselves in their first bytes. */
const MAGIC: readonly { readonly bytes: readonly number[]; readonly offset?: number; readonly what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' }, // GIF8(7|9)a
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a DOCX/ODT/EPUB, which are ZIP archives)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed data' },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, what: 'a WebP image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office document (DOC/XLS)' },
];

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text']);

/** Decides whether bytes are text, HTML, binary or empty. Never throws. */
export function sniffContent(bytes: Uint8Array, options: SniffOptions = {}): Sniffed {
  if (bytes.length === 0) return { kind: 'empty', reason: '0 bytes' };

  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes, m.offset ?? 0));
  if (magic) return { kind: 'binary', reason: magic.what };

  // UTF-16 and UTF-32 are full of NULs by design; decode them before judging.
  const bom = bomEncoding(bytes);
  const wide = (bom !== null && bom.name !== 'utf-8') || utf16ByNulPattern(bytes) !== null;
  const sampleText = wide ? decodeBytes(bytes.subarray(0, SAMPLE_BYTES)).text : latin1(bytes.subarray(0, SAMPLE_BYTES));
  if (!wide) {
    const sample = bytes.subarray(0, SAMPLE_BYTES);
    const controls = countControlBytes(sample);
    if (controls / sample.length > CONTROL_SHARE_LIMIT) {
      const percent = Math.max(1, Math.round((100 * controls) / sample.length));
      const span = sample.length === SAMPLE_BYTES ? 'the first 8 KiB' : `its ${sample.length} bytes`;
      return { kind: 'binary', reason: `${percent}% NUL or control bytes in ${span}` };
    }
  }

  if (isBlank(bytes, wide)) return { kind: 'empty', reason: 'only whitespace' };

  const extension = options.name ? extname(stripQuery(options.name)).toLowerCase() : '';
  const mime = (options.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const head = stripLeadingNoise(sampleText);
  if (HTML_EXTENSIONS.has(extension) || mime === 'text/html' || mime === 'application/xhtml+xml') return { kind: 'html' };
  // A page saved under a .txt name (or served as text/plain) is still a page.
  if (/^<!doctype\s+html\b/i.test(head) || /^<html[\s>]/i.test(head)) return { kind: 'html' };
  if (TEXT_EXTENSIONS.has(extension) || mime === 'text/plain') return { kind: 'text' };
  return looksLikeHtml(head) ? { kind: 'html' } : { kind: 'text' };
}

/**
 * True when an HTML page seems cut short: it never closes </html> or </body>, and it ends inside a
 * tag, a comment, or an element's text. A fragment that ends on a closing tag is taken as complete
 * (closing </body> and </html> is optional in HTML).
 */
export function htmlLooksTruncated(html: string): boolean {
  if (/<\/(html|body)\s*>/i.test(html)) return false;
  const trimmed = html.trimEnd();
  if (trimmed === '') return false;
  if (trimmed.lastIndexOf('<!--') > trimmed.lastIndexOf('-->')) return true;
  const lastOpen = trimmed.lastIndexOf('<');
  const lastClose = trimmed.lastIndexOf('>');
  if (lastOpen > lastClose) return true; // ends mid-tag: `<p class="le`
  if (lastClose < trimmed.length - 1) return true; // ends in text: `<p>Only the first`
  // Ends right after a tag: complete if that tag closes something (or is void/self-closing).
  const lastTag = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>$/.exec(trimmed);
  if (!lastTag) return false;
  const [, closing, name = '', selfClosing] = lastTag;
  return closing === '' && selfClosing === '' && !VOID_ELEMENTS.has(name.toLowerCase());
}

/** Elements that never have a closing tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Tags common in article pages; counted to recognise HTML that has no doctype or <html>. */
const HTML_TAG = /<\/?(p|div|span|a|br|h[1-6]|article|section|header|footer|nav|main|ul|ol|li|table|tr|td|meta|link|script|style|title|head|body|img|figure|figcaption|em|strong|b|i|blockquote|time)\b[^<>]*>/gi;

function looksLikeHtml(head: string): boolean {
  const start = head.slice(0, 2048);
  if (/<(head|body)[\s>]/i.test(start)) return true;
  if (!start.startsWith('<')) return false;
  return (start.match(HTML_TAG)?.length ?? 0) >= 4;
}

/** Skips a BOM, whitespace, an XML declaration and comments, so the first real tag is at 0. */
function stripLeadingNoise(text: string): string {
  let rest = text.replace(/^\ufeff/, '').trimStart();
  for (;;) {
    const next = rest.replace(/^<\?xml[^>]*>\s*/i, '').replace(/^<!--[\s\S]*?-->\s*/, '');
    if (next === rest) return rest;
    rest = next;
  }
}

function stripQuery(name: string): string {
  return name.replace(/[?#].*$/, '');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset: number): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((byte, i) => bytes[offset + i] === byte);
}

/** NUL and C0 controls other than tab, LF, VT, FF, CR and ESC (ANSI colour codes in logs). */
function countControlBytes(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) count += 1;
  }
  return count;
}

function isBlank(bytes: Uint8Array, wide: boolean): boolean {
  if (!wide) {
    const start = bomEncoding(bytes)?.length ?? 0;
    let ascii = true;
    for (let i = start; i < bytes.length; i += 1) {
      const byte = bytes[i] ?? 0;
      if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
      if (byte < 0x80) return false;
      ascii = false;
    }
    if (ascii) return true;
  }
  // Non-ASCII whitespace (NBSP, ideographic space) or UTF-16: decode to be sure. Only short inputs
  // can reach here with nothing but whitespace in them, so decoding the whole is cheap.
  return bytes.length <= 1024 * 1024 && decodeBytes(bytes).text.trim() === '';
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
