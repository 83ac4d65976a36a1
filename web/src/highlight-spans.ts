/** Splits a stretch of text at the edges of overlapping evidence spans, so each piece knows every span covering it. */

/** An evidence span to highlight: a range of the document text, its kind and a tooltip. */
export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly title: string;
}

/** A run of text [start, end) covered by the same marks throughout. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly marks: readonly Mark[];
}

/** Cuts [from, to) into pieces at every mark edge inside it; overlapping marks all cover the pieces they share. */
export function splitByMarks(from: number, to: number, marks: readonly Mark[]): readonly Piece[] {
  const inside = marks.filter((mark) => mark.end > from && mark.start < to && mark.end > mark.start);
  const edges = new Set<number>([from, to]);
  for (const mark of inside) {
    edges.add(Math.max(from, mark.start));
    edges.add(Math.min(to, mark.end));
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i] ?? from;
    const end = sorted[i + 1] ?? to;
    if (end <= start) continue;
    pieces.push({ start, end, marks: inside.filter((mark) => mark.start <= start && mark.end >= end) });
  }
  return pieces;
}
