/**
 * The document model: one cleaned text, many standoff layers of spans into it.
 *
 * Every field the product shows can be traced back to a span of `Doc.text`; offsets are
 * half-open UTF-16 code-unit ranges, the unit JavaScript strings index by.
 */

/** Half-open [start, end) range in UTF-16 code units of Doc.text, with a label. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** What part of an article a stretch of the cleaned text is. */
export type SegmentKind =
  | 'title'
  | 'meta'
  | 'standfirst'
  | 'body'
  | 'caption'
  | 'embed'
  | 'comment'
  | 'boilerplate';

/** A segment span: which region of the article this stretch of text belongs to. */
export interface SegmentSpan extends Span {
  readonly label: SegmentKind;
  /** Index into the matching Doc array (captions, embeds, comments, boilerplate), when there is one. */
  readonly index?: number;
}

/**
 * Named standoff layers. Later stages add their own layers (tokens, entities, places, ...);
 * the index signature keeps the JSON contract open while known layers stay typed.
 */
export interface Layers {
  readonly segments?: readonly SegmentSpan[];
  readonly [name: string]: readonly Span[] | undefined;
}

/** Where an input came from. Exactly one of path or url is set (stdin reads as path "-"). */
export interface Origin {
  readonly path?: string;
  readonly url?: string;
  /** For a record inside a container file (JSONL line, feed item): its 1-based position. */
  readonly item?: number;
  /** sha256 (hex) of the input's bytes as read, before decoding. */
  readonly sha256: string;
  /** ISO timestamp at which the bytes were read or fetched. */
  readonly fetched: string;
  /** The character encoding the bytes were decoded from, and how that was decided. */
  readonly encoding?: { readonly name: string; readonly method: string };
}

/** Publication date and what it rests on; unknown stays null with the reason in evidence. */
export interface Published {
  readonly date: string | null;
  readonly time: string | null;
  readonly not_before: string | null;
  readonly not_after: string | null;
  readonly updated: string | null;
  readonly evidence: string | null;
}

export interface Outlet {
  readonly name: string;
  readonly evidence: string;
}

export interface Caption {
  readonly text: string;
  readonly credit: string | null;
}

export interface Embed {
  readonly kind: string;
  readonly author: string | null;
  readonly display_name: string | null;
  readonly date: string | null;
  readonly text: string;
  readonly url: string | null;
}

export interface Comment {
  readonly author: string | null;
  readonly display_name: string | null;
  /** YYYY-MM-DDTHH:MM, or null when the thread gives no time. */
  readonly posted: string | null;
  readonly depth: number;
  /** Index into Doc.comments of the comment this one replies to. */
  readonly parent: number | null;
  readonly quotes: string | null;
  readonly likes: number | null;
  readonly text: string;
}

/** A cleaned article with its layers. Serialised as-is, this is the Document JSON contract. */
export interface Doc {
  readonly id: string;
  readonly origin: Origin;
  readonly language: string | null;
  readonly title: string | null;
  readonly standfirst: string | null;
  readonly published: Published;
  readonly outlet: Outlet | null;
  /** The cleaned text every span points into. */
  readonly text: string;
  /** The article body only, paragraphs separated by a blank line. */
  readonly body: string;
  readonly captions: readonly Caption[];
  readonly embeds: readonly Embed[];
  readonly comments: readonly Comment[];
  readonly boilerplate: readonly string[];
  readonly layers: Layers;
  /** Data-driven problems met while making this document (a stage that failed, a truncated page). */
  readonly errors: readonly string[];
  /** Versions of the stages that made this document, so a re-run knows what is stale. */
  readonly stages: Readonly<Record<string, number>>;
}

/** An unknown publication date, with the reason. */
export function unknownPublished(evidence: string | null = null): Published {
  return { date: null, time: null, not_before: null, not_after: null, updated: null, evidence };
}
