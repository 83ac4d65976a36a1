/** The dates stage: date expressions per sentence, resolved against the right anchor for their region. */
import type { Doc, SegmentSpan } from '../../doc/types.js';
import type { Stage } from '../../pipeline/stage.js';
import { parseIsoDay } from './calendar.js';
import { findDates, type DateAnchor, type DateSpan } from './find-dates.js';

/** Assigns `dates` (DateSpan); requires `sentences`. Uses `segments`, when present, to anchor comments on their posted time. */
export const datesStage: Stage<'dates'> = {
  name: 'dates',
  version: 1,
  requires: ['sentences'],
  assigns: ['dates'],
  run(doc) {
    const documentAnchor = anchorOf(doc);
    const segments = doc.layers.segments ?? [];
    const dates: DateSpan[] = [];
    let s = 0;
    for (const sentence of doc.layers.sentences ?? []) {
      while (s < segments.length && (segments[s] as SegmentSpan).end <= sentence.start) s += 1;
      const segment = segments[s];
      const inSegment = segment !== undefined && segment.start <= sentence.start;
      const anchor = inSegment && segment.label === 'comment' ? commentAnchor(doc, segment.index, documentAnchor) : documentAnchor;
      dates.push(...findDates(doc.text, sentence.start, sentence.end, anchor));
    }
    return { dates: dates.sort((a, b) => a.start - b.start || a.end - b.end) };
  },
};

/** The anchor for the article's own text: its publication day, else its bounds, else none. Never the ingest date. */
export function anchorOf(doc: Doc): DateAnchor {
  const day = parseIsoDay(doc.published.date);
  if (day !== null) return { kind: 'published', notBefore: day, notAfter: day };
  const notBefore = parseIsoDay(doc.published.not_before);
  const notAfter = parseIsoDay(doc.published.not_after);
  if (notBefore === null && notAfter === null) return { kind: 'none', notBefore: null, notAfter: null };
  return { kind: 'bounds', notBefore, notAfter };
}

// A comment's dates are relative to when it was posted, which is known even when the article's date is not.
function commentAnchor(doc: Doc, index: number | undefined, fallback: DateAnchor): DateAnchor {
  const posted = parseIsoDay(index === undefined ? null : doc.comments[index]?.posted);
  return posted === null ? fallback : { kind: 'comment', notBefore: posted, notAfter: posted };
}
