/**
 * The timeline: documents per publication day as bars, a brush (drag across the bars, or the From
 * and To date fields for keyboard users) that filters every other view, the "as of" line, and the
 * undated documents listed apart because they cannot be placed in time. d3-brush is not among the
 * dependencies, so the brush is a few pointer handlers here.
 */
import type { DocSummary, Window } from './api.js';
import { dayNumber, dayString, shortDay } from './dates.js';
import { h, replace, s } from './h.js';

/** What the timeline tells its owner. */
export interface TimelineOptions {
  readonly onBrush: (since: string | null, until: string | null) => void;
  readonly onOpen: (id: string) => void;
}

const HEIGHT = 96;
const AXIS = 18;
const PAD = 8;

/** The timeline view. */
export class TimelineView {
  /** The element to place in the page. */
  readonly element: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly undated: HTMLElement;
  private docs: readonly DocSummary[] = [];
  private brush: Window = { since: null, until: null };
  private asOf: string | null = null;
  private dragging: { readonly anchor: number; current: number } | null = null;

  constructor(private readonly options: TimelineOptions) {
    this.svg = s('svg', { class: 'timeline-svg', role: 'img', 'aria-label': 'Documents per publication day; drag to select a period' });
    this.svg.addEventListener('pointerdown', (event) => this.pointerDown(event));
    this.svg.addEventListener('pointermove', (event) => this.pointerMove(event));
    this.svg.addEventListener('pointerup', (event) => this.pointerUp(event));
    const changed = (): void => this.options.onBrush(this.from.value || null, this.to.value || null);
    this.from = h('input', { type: 'date', id: 'brush-from', onchange: changed });
    this.to = h('input', { type: 'date', id: 'brush-to', onchange: changed });
    this.undated = h('div', { class: 'undated' });
    this.element = h(
      'section',
      { class: 'timeline', 'aria-label': 'Timeline' },
      h(
        'div',
        { class: 'timeline-main' },
        this.svg,
        h(
          'div',
          { class: 'brush-controls' },
          h('label', { for: 'brush-from' }, 'From '),
          this.from,
          h('label', { for: 'brush-to' }, ' to '),
          this.to,
          h('button', { type: 'button', class: 'clear-brush', onclick: () => this.options.onBrush(null, null) }, 'All dates'),
        ),
      ),
      this.undated,
    );
    new ResizeObserver(() => this.draw()).observe(this.svg);
  }

  /** Sets the documents, the brushed period and the as-of date (null: latest). */
  update(docs: readonly DocSummary[], brush: Window, asOf: string | null): void {
    this.docs = docs;
    this.brush = brush;
    this.asOf = asOf;
    this.from.value = brush.since ?? '';
    this.to.value = brush.until ?? '';
    this.draw();
    this.drawUndated();
  }

  private days(): { readonly first: number; readonly count: number; readonly perDay: ReadonlyMap<number, number> } {
    const perDay = new Map<number, number>();
    for (const doc of this.docs) {
      if (doc.published === null) continue;
      const day = dayNumber(doc.published);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const keys = [...perDay.keys()];
    if (keys.length === 0) return { first: 0, count: 0, perDay };
    const first = Math.min(...keys);
    return { first, count: Math.max(...keys) - first + 1, perDay };
  }

  private geometry(): { readonly width: number; readonly step: number; readonly first: number; readonly count: number } {
    const { first, count } = this.days();
    const width = Math.max(200, this.svg.clientWidth || 600);
    return { width, step: count > 0 ? (width - 2 * PAD) / count : 0, first, count };
  }

  private draw(): void {
    const { perDay } = this.days();
    const { width, step, first, count } = this.geometry();
    this.svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    if (count === 0) {
      replace(this.svg, s('text', { x: PAD, y: HEIGHT / 2, class: 'empty' }, 'No dated documents'));
      return;
    }
    this.from.min = this.to.min = dayString(first);
    this.from.max = this.to.max = dayString(first + count - 1);
    const most = Math.max(...perDay.values());
    const chart = HEIGHT - AXIS - 4;
    const selection = this.dragging
      ? { since: Math.min(this.dragging.anchor, this.dragging.current), until: Math.max(this.dragging.anchor, this.dragging.current) }
      : {
          since: this.brush.since === null ? null : dayNumber(this.brush.since),
          until: this.brush.until === null ? null : dayNumber(this.brush.until),
        };
    const asOf = this.asOf === null ? null : dayNumber(this.asOf);
    const bars = [];
    const ticks = [];
    const every = Math.ceil(count / Math.max(1, Math.floor((width - 2 * PAD) / 56)));
    for (let i = 0; i < count; i += 1) {
      const day = first + i;
      const n = perDay.get(day) ?? 0;
      const x = PAD + i * step;
      const inBrush = (selection.since === null || day >= selection.since) && (selection.until === null || day <= selection.until);
      const future = asOf !== null && day > asOf;
      const height = (n / most) * chart;
      if (n > 0) {
        bars.push(
          s(
            'rect',
            {
              class: `bar${inBrush && !future ? ' in' : ''}${future ? ' future' : ''}`,
              x: (x + 1).toFixed(1),
              y: (chart - height + 4).toFixed(1),
              width: Math.max(1, step - 2).toFixed(1),
              height: height.toFixed(1),
            },
            s('title', {}, `${dayString(day)}: ${n} document${n === 1 ? '' : 's'}`),
          ),
        );
      }
      if (i % every === 0) ticks.push(s('text', { x: (x + step / 2).toFixed(1), y: HEIGHT - 4, class: 'tick' }, shortDay(dayString(day))));
    }
    const overlay = [];
    if (selection.since !== null || selection.until !== null) {
      const a = selection.since === null ? 0 : selection.since - first;
      const b = selection.until === null ? count - 1 : selection.until - first;
      overlay.push(s('rect', { class: 'brush', x: (PAD + a * step).toFixed(1), y: 2, width: Math.max(2, (b - a + 1) * step).toFixed(1), height: chart + 4 }));
    }
    if (asOf !== null) {
      const x = PAD + (asOf - first + 1) * step;
      overlay.push(s('line', { class: 'as-of', x1: x.toFixed(1), x2: x.toFixed(1), y1: 0, y2: chart + 6 }));
    }
    replace(this.svg, s('g', {}, bars), s('g', {}, overlay), s('g', {}, ticks));
  }

  private drawUndated(): void {
    const undated = this.docs.filter((doc) => doc.published === null);
    replace(
      this.undated,
      h('h3', {}, `Undated (${undated.length})`),
      undated.length === 0
        ? h('p', { class: 'muted' }, 'Every document has a publication date.')
        : h(
            'ul',
            {},
            undated.map((doc) =>
              h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => this.options.onOpen(doc.id) }, doc.title ?? doc.id)),
            ),
          ),
    );
  }

  private dayAt(event: PointerEvent): number | null {
    const { width, step, first, count } = this.geometry();
    if (count === 0) return null;
    const box = this.svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * width;
    return first + Math.min(count - 1, Math.max(0, Math.floor((x - PAD) / step)));
  }

  private pointerDown(event: PointerEvent): void {
    const day = this.dayAt(event);
    if (day === null) return;
    this.svg.setPointerCapture(event.pointerId);
    this.dragging = { anchor: day, current: day };
    this.draw();
  }

  private pointerMove(event: PointerEvent): void {
    if (this.dragging === null) return;
    const day = this.dayAt(event);
    if (day === null || day === this.dragging.current) return;
    this.dragging.current = day;
    this.draw();
  }

  private pointerUp(event: PointerEvent): void {
    if (this.dragging === null) return;
    const day = this.dayAt(event) ?? this.dragging.current;
    const since = Math.min(this.dragging.anchor, day);
    const until = Math.max(this.dragging.anchor, day);
    this.dragging = null;
    this.options.onBrush(dayString(since), dayString(until));
  }
}
