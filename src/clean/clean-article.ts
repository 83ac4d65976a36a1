/**
 * clean: the only code that sets Doc.text. A raw article (plain text or HTML) becomes a Doc whose
 * text is the title and the body paragraphs, with a `segments` layer saying which is which.
 */
import type { Caption, Comment, Doc, Embed, Outlet, Published, SegmentKind, SegmentSpan } from '../doc/types.js';
import { unknownPublished } from '../doc/types.js';
import { docIdFromSha256 } from '../doc/doc-id.js';
import type { RawArticle } from '../ingest/types.js';
import { extractHtml } from './extract-html.js';
import { normaliseText } from './normalise-text.js';
import { segmentPlainText } from './segment-text.js';
import { dateFromLede, datelineAgency, type YearHint } from './lede-date.js';
import { detectLanguage } from './detect-language.js';
import { parseSuppliedDate } from './supplied-date.js';

/** Version of the clean step; bump when its output changes. */
export const CLEAN_VERSION = 2;

/** Values the user supplied for inputs that carry none (CLI options, config). */
export interface CleanOptions {
  readonly published?: string | null;
  readonly outlet?: string | null;
}

export type CleanResult =
  | { readonly ok: true; readonly doc: Doc }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** Cleans one raw article into a Doc, or says why it cannot. */
export function cleanArticle(raw: RawArticle, options: CleanOptions = {}): CleanResult {
  // 1. Main text and page metadata.
  const extracted = raw.format === 'html' ? extractHtml(raw.content) : fromPlainText(raw.content);
  const title = (raw.meta.title ? normaliseText(raw.meta.title).replace(/\s+/g, ' ').trim() : '') || extracted.title;
  const paragraphs = extracted.paragraphs;
  if (paragraphs.length === 0 && !title) {
    return { ok: false, code: 'empty', message: 'no text left after cleaning (the input has no article text)' };
  }
  if (paragraphs.length === 0) {
    return { ok: false, code: 'empty-body', message: `only a title ("${truncate(title ?? '', 60)}") and no body text` };
  }

  // 2. Assemble the text every span points into, and the segments over it: article first, then
  //    captions, embeds and comments, each its own kind of evidence.
  const builder = new TextBuilder();
  if (title) builder.add('title', title);
  for (const line of extracted.meta ?? []) builder.add('meta', line);
  const standfirst = extracted.standfirst ?? null;
  if (standfirst) builder.add('standfirst', standfirst);
  for (const paragraph of paragraphs) builder.add('body', paragraph);
  const captions = extracted.captions ?? [];
  captions.forEach((caption, index) => {
    if (caption.text) builder.add('caption', caption.text, index);
  });
  const embeds = extracted.embeds ?? [];
  embeds.forEach((embed, index) => {
    if (embed.text) builder.add('embed', embed.text, index);
  });
  const comments = extracted.comments ?? [];
  comments.forEach((comment, index) => {
    if (comment.text) builder.add('comment', comment.text, index);
  });

  // 3. Publication date and outlet: what the input says, else what the text or page says, else
  //    what the user supplied; failing all, bounds from the evidence, never the ingest date.
  const published =
    datedFrom(raw.meta.published, 'supplied with the input (published field)') ??
    extracted.publishedFromText ??
    datedFrom(extracted.published ?? undefined, extracted.publishedEvidence ?? 'HTML metadata') ??
    datedFrom(options.published ?? undefined, 'supplied by the user (--published)') ??
    boundedByComments(comments) ??
    unknownPublished('no publication date in the input, its text or its metadata');
  const outlet: Outlet | null = raw.meta.outlet
    ? { name: raw.meta.outlet, evidence: 'supplied with the input (outlet field)' }
    : extracted.outlet
      ? extracted.outlet
      : options.outlet
        ? { name: options.outlet, evidence: 'supplied by the user (--outlet)' }
        : null;

  const doc: Doc = {
    id: docIdFromSha256(raw.origin.sha256),
    origin: raw.origin,
    language: raw.meta.language ?? extracted.language ?? detectLanguage(paragraphs.join('\n')),
    title: title ?? null,
    standfirst,
    published,
    outlet,
    text: builder.text,
    body: paragraphs.join('\n\n'),
    captions,
    embeds,
    comments,
    boilerplate: extracted.boilerplate ?? [],
    layers: { segments: builder.segments },
    errors: [...raw.warnings],
    stages: { clean: CLEAN_VERSION },
  };
  return { ok: true, doc };
}

/** What a main-text extractor gives back, for plain text or HTML alike. */
export interface Extracted {
  readonly title: string | null;
  readonly paragraphs: readonly string[];
  readonly published?: string | null;
  readonly publishedEvidence?: string | null;
  readonly outlet?: Outlet | null;
  readonly language?: string | null;
  readonly standfirst?: string | null;
  /** Byline and dateline lines, kept as `meta` segments. */
  readonly meta?: readonly string[];
  readonly captions?: readonly Caption[];
  readonly embeds?: readonly Embed[];
  readonly comments?: readonly Comment[];
  readonly boilerplate?: readonly string[];
  /** A publication date read from the text itself (stamp line, metadata glued to the title). */
  readonly publishedFromText?: Published | null;
}

function fromPlainText(content: string): Extracted {
  const segments = segmentPlainText(content);
  let publishedFromText: Published | null = null;
  const { stamp, titleDate, metaDate } = segments;
  if (!stamp && !titleDate && metaDate) {
    publishedFromText = { ...unknownPublished(), date: metaDate.date, time: metaDate.time, updated: metaDate.updated, evidence: metaDate.evidence };
  } else if (stamp || titleDate) {
    const evidence = [titleDate?.evidence, stamp?.evidence].filter(Boolean).join('; ');
    publishedFromText = {
      ...unknownPublished(),
      date: titleDate?.date ?? stamp?.date ?? null,
      time: stamp && (!titleDate || titleDate.date === stamp.date) ? stamp.time : null,
      updated: stamp?.updated ?? null,
      evidence,
    };
  }
  if (!publishedFromText && segments.paragraphs[0]) {
    const lede = dateFromLede(segments.paragraphs[0], yearHints(segments.boilerplate, segments.comments));
    if (lede) publishedFromText = { ...unknownPublished(), date: lede.date, evidence: lede.evidence };
  }
  return {
    title: segments.title,
    paragraphs: segments.paragraphs,
    standfirst: segments.standfirst,
    meta: segments.meta,
    captions: segments.captions,
    embeds: segments.embeds,
    comments: segments.comments,
    boilerplate: segments.boilerplate,
    outlet: segments.outlet ?? (segments.paragraphs[0] ? datelineAgency(segments.paragraphs[0]) : null),
    publishedFromText,
  };
}

/** Years the text gives evidence for: copyright lines, then reader-comment stamps. */
function yearHints(boilerplate: readonly string[], comments: readonly Comment[]): YearHint[] {
  const hints: YearHint[] = [];
  for (const line of boilerplate) {
    const year = /^(?:\(c\)|©|copyright)\D{0,60}\b((?:19|20)\d{2})\b/iu.exec(line)?.[1];
    if (year) hints.push({ year: Number(year), evidence: `the line "${line}"` });
  }
  for (const comment of comments) {
    if (comment.posted) hints.push({ year: Number(comment.posted.slice(0, 4)), evidence: `a reader comment stamped ${comment.posted.replace('T', ' ')}` });
  }
  return hints;
}

/** With no date anywhere, the earliest reader comment still bounds publication from above. */
function boundedByComments(comments: readonly Comment[]): Published | null {
  const times = comments.map((c) => c.posted).filter((p): p is string => p !== null).sort();
  const earliest = times[0];
  if (!earliest) return null;
  return {
    ...unknownPublished(),
    not_after: earliest.slice(0, 10),
    evidence: `no date in the text or metadata; the earliest reader comment is dated ${earliest.replace('T', ' ')}`,
  };
}

function datedFrom(value: string | undefined, evidence: string): Published | null {
  if (!value) return null;
  const parsed = parseSuppliedDate(value);
  if (!parsed) return null;
  return { ...unknownPublished(), date: parsed.date, time: parsed.time, evidence: `${evidence}: "${value}"` };
}

function truncate(value: string, length: number): string {
  return value.length <= length ? value : `${value.slice(0, length - 1)}…`;
}

/** Appends blocks separated by a blank line and records a segment span for each. */
class TextBuilder {
  text = '';
  readonly segments: SegmentSpan[] = [];

  add(label: SegmentKind, block: string, index?: number): void {
    if (this.text.length > 0) this.text += '\n\n';
    const start = this.text.length;
    this.text += block;
    this.segments.push(index === undefined ? { start, end: this.text.length, label } : { start, end: this.text.length, label, index });
  }
}
