/**
 * Plain-text segmentation of a scraped article: title (and any metadata glued to it), date stamps,
 * standfirst, body paragraphs, captions with credits, tweet embeds, reader-comment threads and
 * boilerplate. Decisions rest on the shape of lines (indentation, clock stamps, numbering, caption
 * and credit conventions) and on boilerplate families kept as data, never on a particular site.
 */
import type { Caption, Comment, Embed, Outlet } from '../doc/types.js';
import { matchBoilerplate } from './boilerplate-families.js';
import { findDate, findStamp } from './clock-stamps.js';
import { normaliseText } from './normalise-text.js';

export interface PlainTextSegments {
  readonly title: string | null;
  readonly standfirst: string | null;
  readonly paragraphs: readonly string[];
  readonly captions: readonly Caption[];
  readonly embeds: readonly Embed[];
  readonly comments: readonly Comment[];
  readonly boilerplate: readonly string[];
  /** A date glued to the title by the scraper (` date 2022-07-31 Title…`). */
  readonly titleDate: { readonly date: string; readonly evidence: string } | null;
  /** A publication stamp line (`18:00 GMT 31.07.2022 (Updated: 18:57 GMT 31.07.2022)`). */
  readonly stamp: { readonly date: string; readonly time: string | null; readonly updated: string | null; readonly evidence: string } | null;
  readonly outlet: Outlet | null;
  /** Byline and dateline lines (`Outlet | 14 October 2022, 11:26 | Author`), in order. */
  readonly meta: readonly string[];
  /** Publication date and time read from the first dated meta line. */
  readonly metaDate: { readonly date: string; readonly time: string | null; readonly updated: string | null; readonly evidence: string } | null;
}

interface Line {
  readonly text: string;
  readonly indent: number;
}

const TERMINAL = /[.!?:;…"”’»)\]]$/u;
const GLUED_TITLE_META = /^(?:date|published|posted|updated)\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?\s+(?=\S)/iu;
const STAMP_LINE =
  /^(?:published:?\s*)?(\d{1,2}):(\d{2})\s*(GMT|UTC|Z)?,?\s+(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*\((?:updated|upd\.?):?\s*(\d{1,2}):(\d{2})\s*(GMT|UTC|Z)?,?\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\))?$/iu;
const TWEET =
  /^(?<text>.*?)\s*(?<link>(?:https?:\/\/)?(?:pic\.twitter\.com|t\.co)\/\w+)?\s*[—–-]\s*(?<name>[^()\n]{1,60}?)\s*\(@(?<handle>\w{1,30})\)\s*(?<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})$/iu;
const CREDIT_PREFIX = /^(?:©|(?:photo|foto|image|picture|illustration)\s*(?:credit)?\s*:)\s*/iu;
const CREDIT_SUFFIX = /(?:\s\/\s*|[.,;]\s+|\s\()(?:photo|foto|image|picture)\s*(?:credit)?\s*:\s*([^()]{1,80}?)\)?$/iu;
const CAPTION_MARKERS: readonly RegExp[] = [
  /\s\/\s*(?:photo|foto|video|image|illustration)$/iu,
  CREDIT_PREFIX,
  CREDIT_SUFFIX,
];
const NUMBERED_STATUS = /^(\d{1,3})\.\s+(.+?)\s+(?:offline|online)\b\s*(.*)$/iu;
const NUMBERED = /^(\d{1,3})\.\s+(.+)$/u;
const QUOTE = /^quote:\s*(.+)$/iu;
/** Like and vote counts under a comment; group 1 is the count of approvals. */
const LIKES: readonly RegExp[] = [
  /^liked by (\d+|one) (?:person|people)$/iu,
  /^(\d+) likes?$/iu,
  /^likes?:\s*(\d+)$/iu,
  /^\+(\d+)(?:\s*\/\s*[-−–]\d+)?$/u,
  /^(?:reply\s*[|·]\s*)?(?:👍|▲|↑)\s*(\d+)(?:\s*(?:👎|▼|↓)\s*\d+)?$/iu,
];

/** The approval count a likes/votes line gives, or null when the line is not one. */
function likesIn(text: string): number | null {
  for (const re of LIKES) {
    const n = re.exec(text)?.[1];
    if (n !== undefined) return n.toLowerCase() === 'one' ? 1 : Number(n);
  }
  return null;
}
const REPLY = /^(?:reply|report|share|↵ reply)$/iu;

/** Segments a plain-text article. */
export function segmentPlainText(content: string): PlainTextSegments {
  const lines: Line[] = normaliseText(content)
    .split('\n')
    .map((raw) => ({ text: raw.trim().replace(/ {2,}/g, ' '), indent: raw.length - raw.trimStart().length }));

  // 1. Title: the first non-blank line, minus any metadata the scraper glued to it.
  let cursor = lines.findIndex((l) => l.text.length > 0);
  let title: string | null = null;
  let titleDate: PlainTextSegments['titleDate'] = null;
  const rest = cursor >= 0 ? lines.slice(cursor + 1).some((l) => l.text.length > 0) : false;
  if (cursor >= 0 && rest && (lines[cursor]?.text.length ?? 0) <= 300) {
    let text = lines[cursor]?.text ?? '';
    const glued = GLUED_TITLE_META.exec(text);
    if (glued?.[1]) {
      titleDate = { date: glued[1], evidence: `metadata glued to the title: "${glued[0].trim()}"` };
      text = text.slice(glued[0].length);
    }
    title = text;
    cursor += 1;
  } else {
    cursor = Math.max(cursor, 0);
  }

  // 2. Walk the lines: body until a comment section opens.
  const bodyLines: (Line | null)[] = []; // null marks a paragraph break
  const captions: Caption[] = [];
  const embeds: Embed[] = [];
  const boilerplate: string[] = [];
  const commentLines: Line[] = [];
  let stamp: PlainTextSegments['stamp'] = null;
  let outlet: Outlet | null = null;
  let inComments = false;
  /** After a 'read more' or 'related' line, link titles follow until a sentence does. */
  let afterFooter = false;
  const meta: string[] = [];
  let metaDate: PlainTextSegments['metaDate'] = null;
  /** Index in bodyLines after which the first caption came: the standfirst test needs it. */
  let firstCaptionAfter: number | null = null;
  let bodyTextLines = 0;

  for (let i = cursor; i < lines.length; i += 1) {
    const line = lines[i] as Line;
    if (line.text.length === 0) {
      if (inComments) commentLines.push(line);
      else bodyLines.push(null);
      continue;
    }
    const family = matchBoilerplate(line.text);
    if (inComments) {
      // Likes and replies belong to the thread; the rest of a form is boilerplate.
      if (family && likesIn(line.text) === null && !REPLY.test(line.text)) {
        boilerplate.push(line.text);
        outlet ??= outletFrom(family.outlet, line.text);
      } else {
        commentLines.push(line);
      }
      continue;
    }
    if (family && !(family.family === 'copyright' && isCaptionLine(line.text))) {
      boilerplate.push(line.text);
      outlet ??= outletFrom(family.outlet, line.text);
      if (family.role === 'comments-open') inComments = true;
      if (family.role === 'footer') afterFooter = true;
      continue;
    }
    if (afterFooter) {
      // Link titles are short; the first long line is text again.
      if (line.text.length <= 120) {
        boilerplate.push(line.text);
        continue;
      }
      afterFooter = false;
    }
    const metaFields = readMetaLine(line.text, bodyTextLines === 0);
    if (metaFields) {
      meta.push(line.text);
      if (!metaDate && metaFields.date) metaDate = { ...metaFields, date: metaFields.date, evidence: `byline: "${line.text}"` };
      continue;
    }
    if (bodyTextLines === 0 && stamp === null) {
      const parsed = parseStampLine(line.text);
      if (parsed) {
        stamp = parsed;
        continue;
      }
    }
    const tweet = TWEET.exec(line.text);
    if (tweet?.groups) {
      const g = tweet.groups;
      embeds.push({
        kind: 'tweet',
        author: `@${g.handle}`,
        display_name: g.name?.trim() || null,
        date: parseMonthDate(g.date ?? ''),
        text: (g.text ?? '').trim(),
        url: g.link ? (g.link.startsWith('http') ? g.link : `https://${g.link}`) : null,
      });
      continue;
    }
    if (isCaptionLine(line.text)) {
      const caption = splitCaption(line.text);
      const last = captions[captions.length - 1];
      // The same caption printed twice (image alt text and caption) is one caption.
      if (!last || last.text !== caption.text || last.credit !== caption.credit) captions.push(caption);
      firstCaptionAfter ??= bodyTextLines;
      continue;
    }
    if (bodyTextLines > 0 && line.indent >= 2 && looksLikeCommentStart(lines, i)) {
      inComments = true;
      commentLines.push(line);
      continue;
    }
    bodyLines.push(line);
    bodyTextLines += 1;
  }

  // 3. Body paragraphs, and a standfirst: a short lede standing above the photo.
  let paragraphs = paragraphsFrom(bodyLines);
  let standfirst: string | null = null;
  if (firstCaptionAfter === 1 && paragraphs.length > 1 && (paragraphs[0]?.length ?? 0) <= 320) {
    standfirst = paragraphs[0] ?? null;
    paragraphs = paragraphs.slice(1);
  }

  return {
    title,
    standfirst,
    paragraphs,
    captions,
    embeds,
    comments: parseComments(commentLines),
    boilerplate,
    titleDate,
    stamp,
    outlet,
    meta,
    metaDate,
  };
}

const META_SEPARATOR = /\s[|·•]\s/u;
const BYLINE = /^(?:posted|published|updated|written|by)\b/iu;

/**
 * A byline or dateline line: short, made of fields separated by `|`, `·` or `•` with a date among
 * them, or opening with `Posted`/`Published`/`By` (only before the body starts, where a byline stands).
 */
function readMetaLine(text: string, beforeBody: boolean): { date: string | null; time: string | null; updated: string | null } | null {
  if (text.length > 200) return null;
  const separated = META_SEPARATOR.test(text);
  const byline = beforeBody && BYLINE.test(text) && !/[.!?]$/u.test(text) && text.length <= 120;
  if (!separated && !byline) return null;
  const updatedAt = /\bupdated:?\s/iu.exec(text);
  const main = updatedAt ? text.slice(0, updatedAt.index) : text;
  const stamp = findStamp(main);
  const date = stamp ? stamp.value.slice(0, 10) : (findDate(main)?.value ?? null);
  if (separated && !date) return null;
  const updated = updatedAt ? (findStamp(text.slice(updatedAt.index))?.value ?? findDate(text.slice(updatedAt.index))?.value ?? null) : null;
  return { date, time: stamp ? stamp.value.slice(11) : null, updated };
}

function outletFrom(name: string | null, line: string): Outlet | null {
  if (!name) return null;
  return { name: name.replace(/\.$/, ''), evidence: `boilerplate line: "${line}"` };
}

function isCaptionLine(text: string): boolean {
  if (text.length > 400) return false;
  return CAPTION_MARKERS.some((re) => re.test(text));
}

/** `© AP Photo / Name SurnameText…` → credit and text, splitting where the scrape glued them. */
function splitCaption(text: string): Caption {
  const prefix = CREDIT_PREFIX.exec(text);
  if (prefix) {
    const body = text.slice(prefix[0].length);
    // Glue shows as a lower-case letter running straight into a capitalised word ("KryeziuKosovo");
    // the last such point within a credit's length that leaves a sentence after it is the seam.
    let seam = -1;
    for (const glue of body.matchAll(/\p{Ll}(?=\p{Lu}\p{Ll})/gu)) {
      const after = body.slice(glue.index + 1);
      if (glue.index < 80 && after.split(/\s+/).length >= 3) seam = glue.index + 1;
    }
    if (seam > 0) return { credit: body.slice(0, seam).trim(), text: body.slice(seam).trim() };
    const dash = /^(.{3,80}?)\s+[—–-]\s+(.+)$/u.exec(body);
    if (dash?.[1] && dash[2]) return { credit: dash[1].trim(), text: dash[2].trim() };
    return { credit: body.trim(), text: '' };
  }
  const suffix = CREDIT_SUFFIX.exec(text);
  if (suffix?.[1]) return { text: text.slice(0, suffix.index).replace(/[\s,;]+$/u, '').trim(), credit: suffix[1].trim() };
  return { text, credit: null };
}

function parseStampLine(text: string): PlainTextSegments['stamp'] {
  const m = STAMP_LINE.exec(text);
  if (!m) return null;
  const pad = (s: string | undefined): string => (s ?? '').padStart(2, '0');
  const date = `${m[6]}-${pad(m[5])}-${pad(m[4])}`;
  const utc = m[3] ? 'Z' : '';
  const time = `${pad(m[1])}:${m[2]}`;
  const updated = m[7] ? `${m[12]}-${pad(m[11])}-${pad(m[10])}T${pad(m[7])}:${m[8]}${m[9] ? 'Z' : ''}` : null;
  if (!validDate(date)) return null;
  return { date, time: `${time}${utc}`, updated, evidence: `stamp line: "${text}"` };
}

function validDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d || m > 12) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseMonthDate(text: string): string | null {
  const ms = Date.parse(`${text} 12:00 UTC`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** An indented line after the body opens a comment thread when it has a comment header's shape. */
function looksLikeCommentStart(lines: readonly Line[], index: number): boolean {
  const line = lines[index] as Line;
  return NUMBERED.test(line.text) || readHeader(lines, index) !== null;
}

function nextNonBlank(lines: readonly Line[], index: number): number | null {
  for (let j = index + 1; j < lines.length; j += 1) if ((lines[j]?.text.length ?? 0) > 0) return j;
  return null;
}

function isStampOnly(text: string): boolean {
  const stamp = findStamp(text);
  return stamp !== null && stamp.index === 0 && text.slice(stamp.length).trim().length === 0;
}

function isShortName(text: string): boolean {
  return text.length <= 60 && text.split(/\s+/).length <= 6 && !TERMINAL.test(text);
}

const SAYS = /^(.{1,60}?)\s+(?:says|said|wrote|writes):?$/iu;
const THREAD_NUMBER = /^\d{1,3}(?:\.\d{1,3})*\.?\s+(?=\S)/u;

/** The author name in a header field: numbering (`1.2.1`) and a trailing `says:` removed. */
function authorName(text: string): string | null {
  const name = text.replace(THREAD_NUMBER, '').replace(SAYS, '$1').trim();
  return name.length > 0 ? name : null;
}

/**
 * `Author (Display) | Rank | 12 December 2022 10: 15` → its parts, when a stamp ends the line.
 * Fields after the first (`| Private |`, badges) are dropped.
 */
function headerStamp(text: string): { author: string | null; display: string | null; posted: string } | null {
  const stamp = findStamp(text);
  if (!stamp || text.slice(stamp.index + stamp.length).trim().length > 0) return null;
  const prefix = text.slice(0, stamp.index).trim().replace(/[,|·•—–-]$/u, '').trim();
  if (prefix.length > 80) return null;
  const first = prefix.split(/\s[|·•]\s/u)[0]?.trim() ?? '';
  const named = /^(.*?)\s*\(([^()]{1,60})\)$/u.exec(first);
  return { author: authorName(named ? (named[1] ?? '') : first), display: named?.[2]?.trim() ?? null, posted: stamp.value };
}

interface Header {
  readonly author: string | null;
  readonly display: string | null;
  readonly posted: string | null;
  /** Index of the header's last line. */
  readonly last: number;
}

/**
 * Reads a comment header starting at line `index`: `N. author Offline author` (with the line
 * under it), an author line (`name`, `name says:`) over a stamp line or over a fuller header line,
 * or one line with author and stamp. Null when the line is not a header.
 */
function readHeader(lines: readonly Line[], index: number): Header | null {
  const text = (lines[index] as Line).text;
  const next = nextNonBlank(lines, index);
  const nextText = next === null ? '' : (lines[next] as Line).text;
  const status = NUMBERED_STATUS.exec(text);
  if (status) {
    const under = next === null ? null : headerStamp(nextText);
    const author = authorName(status[2] ?? '');
    if (under && next !== null) return { author: author ?? under.author, display: under.display, posted: under.posted, last: next };
    return { author, display: null, posted: null, last: index };
  }
  const says = SAYS.exec(text);
  if ((says || isShortName(text)) && next !== null) {
    const author = authorName(text);
    if (isStampOnly(nextText)) return { author, display: null, posted: findStamp(nextText)?.value ?? null, last: next };
    const under = headerStamp(nextText);
    if (under?.author && author && under.author.toLowerCase().startsWith(author.toLowerCase())) {
      return { author: under.author, display: under.display, posted: under.posted, last: next };
    }
  }
  const own = headerStamp(text);
  if (own && own.author) return { author: own.author, display: own.display, posted: own.posted, last: index };
  return null;
}

interface DraftComment {
  author: string | null;
  display_name: string | null;
  posted: string | null;
  indent: number;
  quotes: string | null;
  likes: number | null;
  text: string[];
}

/**
 * Parses a comment region into threads. A comment starts at a header: `N. author Offline author`,
 * `author (display) <stamp>`, an author line followed by a stamp line, or a numbered paragraph.
 * Nesting comes from the header's indentation.
 */
function parseComments(lines: readonly Line[]): Comment[] {
  const drafts: DraftComment[] = [];
  let current: DraftComment | null = null;
  let inQuote = false;
  const start = (indent: number, fields: Partial<DraftComment> = {}): DraftComment => {
    const draft: DraftComment = { author: null, display_name: null, posted: null, indent, quotes: null, likes: null, text: [], ...fields };
    drafts.push(draft);
    inQuote = false;
    return draft;
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as Line;
    const text = line.text;
    if (text.length === 0) {
      inQuote = false;
      if (current && current.text.length > 0) current.text.push('');
      continue;
    }
    const header = readHeader(lines, i);
    if (header) {
      current = start(line.indent, { author: header.author, display_name: header.display, posted: header.posted });
      i = header.last;
      continue;
    }
    if (current && current.posted === null && current.text.length === 0 && isStampOnly(text)) {
      current.posted = findStamp(text)?.value ?? null; // a stamp line under a header already read
      continue;
    }
    if (current === null || (NUMBERED.test(text) && line.indent <= current.indent && text.length > 40)) {
      const numbered = NUMBERED.exec(text);
      current = start(line.indent);
      current.text.push(numbered?.[2] ?? text);
      continue;
    }
    const quote = QUOTE.exec(text);
    if (quote?.[1]) {
      current.quotes = quote[1].trim();
      inQuote = true;
      continue;
    }
    if (inQuote) {
      // Quoted words are the other comment's, not this one's: a line is quoted while it stands in an
      // earlier comment of the quoted author (or, with no such comment, until a blank line).
      const source = drafts.filter((d) => d !== current && d.author === current?.quotes).map((d) => d.text.join(' ')).join(' ');
      if (!source || source.includes(text)) continue;
      inQuote = false;
    }
    const likes = likesIn(text);
    if (likes !== null) {
      current.likes = likes;
      continue;
    }
    if (REPLY.test(text)) continue;
    current.text.push(text);
  }

  // Depth from indentation: the smallest header indent is depth 0, the smallest step between levels is one.
  const indents = [...new Set(drafts.map((d) => d.indent))].sort((a, b) => a - b);
  const base = indents[0] ?? 0;
  const steps = indents.slice(1).map((v, k) => v - (indents[k] ?? 0)).filter((s) => s > 0);
  const step = steps.length > 0 ? Math.min(...steps) : 2;
  const comments: Comment[] = [];
  const lastAtDepth: number[] = [];
  for (const draft of drafts) {
    const text = draft.text.join('\n').replace(/\n{2,}/g, '\n\n').trim();
    if (!text && !draft.author) continue;
    const depth = Math.max(0, Math.round((draft.indent - base) / step));
    const parent = depth > 0 ? (lastAtDepth[depth - 1] ?? null) : null;
    const index = comments.length;
    lastAtDepth[depth] = index;
    lastAtDepth.length = depth + 1;
    comments.push({
      author: draft.author,
      display_name: draft.display_name,
      posted: draft.posted,
      depth: parent === null ? 0 : depth,
      parent,
      quotes: draft.quotes,
      likes: draft.likes,
      text,
    });
  }
  return comments;
}

/**
 * Paragraphs from body lines: a blank line always breaks; within a block, a line that ends a
 * sentence ends a paragraph (scraped text often puts one paragraph a line with no blank between),
 * while a line that stops mid-sentence is hard-wrapped and joins the next.
 */
function paragraphsFrom(lines: readonly (Line | null)[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim()) paragraphs.push(current.trim());
    current = '';
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line === null || line === undefined) {
      flush();
      continue;
    }
    current = current ? `${current} ${line.text}` : line.text;
    const next = lines[i + 1];
    const wrapped = next && !TERMINAL.test(line.text) && /^\p{Ll}/u.test(next.text);
    if (!wrapped) flush();
  }
  flush();
  return paragraphs;
}
