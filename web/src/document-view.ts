/**
 * One document: its text, part by part (title, body, captions, comments…), with the evidence
 * spans of the places, entities, dates and quantities layers highlighted, a tooltip on each, and
 * a legend whose checkboxes show or hide each kind.
 */
import type { DocumentJson, Span } from './api.js';
import { h, safeHref, type Child } from './h.js';
import { splitByMarks, type Mark } from './highlight-spans.js';

/** The highlighted layers, in legend order. */
const KINDS = [
  { layer: 'places', kind: 'place', label: 'Places' },
  { layer: 'entities', kind: 'entity', label: 'Actors & entities' },
  { layer: 'dates', kind: 'date', label: 'Dates' },
  { layer: 'quantities', kind: 'quantity', label: 'Quantities' },
  { layer: 'events', kind: 'event', label: 'Event triggers' },
] as const;

/** Renders a document; `focus` is a span start to scroll to and outline (a mention opened from evidence). */
export function documentView(doc: DocumentJson, focus: number | null, extra: readonly Mark[] = []): HTMLElement {
  const marks = [...KINDS.flatMap(({ layer, kind }) => (doc.layers[layer] ?? []).map((span) => ({ start: span.start, end: span.end, kind, title: tooltip(kind, span) }))), ...extra];
  const segments = doc.layers.segments?.length ? [...doc.layers.segments].sort((a, b) => a.start - b.start) : [{ start: 0, end: doc.text.length, label: 'body' }];
  const href = safeHref(doc.origin.url);
  const body = h('div', { class: 'doc-text' });
  for (const segment of segments) {
    body.append(
      h(
        'div',
        { class: `seg seg-${cssWord(segment.label)}` },
        segment.label === 'body' || segment.label === 'title' ? null : h('span', { class: 'seg-label' }, segment.label),
        highlighted(doc.text, segment.start, segment.end, marks, focus),
      ),
    );
  }
  const legend = h(
    'fieldset',
    { class: 'legend' },
    h('legend', {}, 'Highlight'),
    KINDS.map(({ kind, label, layer }) =>
      h(
        'label',
        { class: `legend-item hl-${kind}` },
        h('input', {
          type: 'checkbox',
          checked: true,
          onchange: (event: Event) => body.classList.toggle(`hide-${kind}`, !(event.target as HTMLInputElement).checked),
        }),
        ` ${label} (${doc.layers[layer]?.length ?? 0})`,
      ),
    ),
  );
  const view = h(
    'article',
    { class: 'document', 'data-id': doc.id },
    h('h2', {}, doc.title ?? '(untitled)'),
    h(
      'p',
      { class: 'meta' },
      doc.outlet?.name ?? 'unknown outlet',
      ' · ',
      h('span', { class: doc.published.evidence ? 'has-tip' : '', title: doc.published.evidence ? `date from: ${doc.published.evidence}` : null }, doc.published.date ?? 'undated'),
      ' · ',
      href ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'source') : h('span', { class: 'muted' }, doc.origin.path ?? doc.origin.url ?? ''),
      ` · id ${doc.id}`,
    ),
    legend,
    body,
  );
  if (focus !== null) {
    // After layout, so the scroll target has a position.
    requestAnimationFrame(() => view.querySelector('.focus')?.scrollIntoView({ block: 'center' }));
  }
  return view;
}

function highlighted(text: string, from: number, to: number, marks: readonly Mark[], focus: number | null): readonly Child[] {
  return splitByMarks(from, to, marks).map((piece) => {
    const slice = text.slice(piece.start, piece.end);
    if (piece.marks.length === 0) return slice;
    const kinds = [...new Set(piece.marks.map((mark) => mark.kind))];
    const focused = focus !== null && piece.marks.some((mark) => mark.start === focus);
    return h(
      'mark',
      {
        class: `hl ${kinds.map((kind) => `hl-${kind}`).join(' ')}${focused ? ' focus' : ''}`,
        title: piece.marks.map((mark) => mark.title).join('\n'),
        'data-start': piece.start,
      },
      slice,
    );
  });
}

function tooltip(kind: string, span: Span): string {
  const field = (name: string): string | null => (typeof span[name] === 'string' || typeof span[name] === 'number' ? String(span[name]) : null);
  switch (kind) {
    case 'place':
      return `place: ${field('name') ?? ''}${field('country') ? ` (${field('country')})` : ''}${field('role') === 'event' ? ', where something happened' : ''}`;
    case 'entity':
      return `${(field('kind') ?? 'entity').replace(/_/g, ' ')}: ${field('name') ?? ''}`;
    case 'date': {
      const value = span.value as { start?: string | null; end?: string | null } | undefined;
      const resolved = value?.start ? (value.end && value.end !== value.start ? `${value.start} – ${value.end}` : value.start) : 'not resolved';
      return `date: ${resolved}`;
    }
    case 'event':
      return `event: ${field('type') ?? span.label}${field('certainty') ? ` (${field('certainty')})` : ''}${field('id') ? `, ${field('id')}` : ''}`;
    default:
      return `${kind}: ${span.label}`;
  }
}

function cssWord(label: string): string {
  return label.replace(/[^a-z0-9-]/gi, '-');
}
