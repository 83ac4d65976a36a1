/** Human-readable rendering of a Doc for `sitrep show` and `sitrep extract --format text`. */
import pc from 'picocolors';
import type { Doc } from '../doc/types.js';

type Colors = ReturnType<typeof pc.createColors>;

/** Renders a document as readable text; colours only when `color` is true (a TTY). */
export function formatDoc(doc: Doc, options: { readonly color: boolean }): string {
  const c: Colors = pc.createColors(options.color);
  const lines: string[] = [];
  const field = (name: string, value: string): void => {
    lines.push(`${c.dim(name.padEnd(10))} ${value}`);
  };
  lines.push(c.bold(doc.title ?? '(untitled)'));
  field('id', doc.id);
  field('origin', `${doc.origin.url ?? doc.origin.path ?? '-'}${doc.origin.item === undefined ? '' : `:${doc.origin.item}`}`);
  field('sha256', doc.origin.sha256);
  if (doc.origin.encoding) field('encoding', `${doc.origin.encoding.name} (${doc.origin.encoding.method})`);
  const p = doc.published;
  field('published', p.date ? `${p.date}${p.time ? ` ${p.time}` : ''}` : c.yellow('unknown'));
  if (p.not_before || p.not_after) field('bounds', `${p.not_before ?? '…'} – ${p.not_after ?? '…'}`);
  if (p.evidence) field('', c.dim(p.evidence));
  field('outlet', doc.outlet ? `${doc.outlet.name} ${c.dim(`(${doc.outlet.evidence})`)}` : c.yellow('unknown'));
  if (doc.language) field('language', doc.language);
  if (doc.standfirst) lines.push('', c.italic(doc.standfirst));
  lines.push('', highlightedBody(doc, c));
  if (options.color) lines.push(c.dim(`(${c.cyan('entities')} · ${c.green('places')} · ${c.yellow('dates')})`));
  const summary = layerSummary(doc);
  if (summary.length > 0) lines.push('', ...summary);
  if (doc.captions.length > 0) {
    lines.push('', c.cyan(`Captions (${doc.captions.length})`));
    for (const caption of doc.captions) lines.push(`  ${caption.text}${caption.credit ? c.dim(` — ${caption.credit}`) : ''}`);
  }
  if (doc.embeds.length > 0) {
    lines.push('', c.cyan(`Embeds (${doc.embeds.length})`));
    for (const e of doc.embeds) lines.push(`  [${e.kind}] ${e.display_name ?? ''}${e.author ? ` (@${e.author})` : ''}${e.date ? ` ${e.date}` : ''}: ${e.text}`);
  }
  if (doc.comments.length > 0) {
    lines.push('', c.cyan(`Comments (${doc.comments.length})`));
    for (const comment of doc.comments) {
      const indent = '  '.repeat(comment.depth + 1);
      lines.push(`${indent}${c.bold(comment.author ?? 'anonymous')}${comment.posted ? c.dim(` ${comment.posted}`) : ''}: ${comment.text}`);
    }
  }
  if (doc.boilerplate.length > 0) lines.push('', c.dim(`Boilerplate removed: ${doc.boilerplate.length} line(s)`));
  const layerNames = Object.keys(doc.layers);
  if (layerNames.length > 0) {
    lines.push('', c.dim(`Layers: ${layerNames.map((n) => `${n} (${doc.layers[n]?.length ?? 0})`).join(', ')}`));
  }
  if (doc.errors.length > 0) {
    lines.push('', c.yellow('Problems:'));
    for (const error of doc.errors) lines.push(`  ${error}`);
  }
  return lines.join('\n');
}

type Highlight = { readonly start: number; readonly end: number; readonly paint: (s: string) => string };
type Named = { readonly start: number; readonly end: number; readonly name?: string; readonly text?: string; readonly kind?: string; readonly role?: string | null; readonly country?: string | null; readonly value?: { readonly start: string | null; readonly end: string | null } };

/** The body paragraphs read from Doc.text, with entities, places and dates painted where colour is on. */
function highlightedBody(doc: Doc, c: Colors): string {
  const body = (doc.layers.segments ?? []).filter((s) => s.label === 'body');
  if (body.length === 0) return doc.body;
  const marks: Highlight[] = [
    ...((doc.layers.entities ?? []) as readonly Named[]).map((s) => ({ start: s.start, end: s.end, paint: c.cyan })),
    ...((doc.layers.places ?? []) as readonly Named[]).map((s) => ({ start: s.start, end: s.end, paint: c.green })),
    ...((doc.layers.dates ?? []) as readonly Named[]).map((s) => ({ start: s.start, end: s.end, paint: c.yellow })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  return body
    .map((segment) => {
      let out = '';
      let at = segment.start;
      for (const mark of marks) {
        // Overlapping marks: the first (longest) wins, the rest stay plain.
        if (mark.start < at || mark.end > segment.end || mark.start < segment.start) continue;
        out += doc.text.slice(at, mark.start) + mark.paint(doc.text.slice(mark.start, mark.end));
        at = mark.end;
      }
      return out + doc.text.slice(at, segment.end);
    })
    .join('\n\n');
}

/** One line each for entities, places and dates: what the layers found, deduplicated. */
function layerSummary(doc: Doc): string[] {
  const unique = (items: readonly string[]): string[] => [...new Set(items)];
  const lines: string[] = [];
  const entities = (doc.layers.entities ?? []) as readonly Named[];
  const places = (doc.layers.places ?? []) as readonly Named[];
  const dates = (doc.layers.dates ?? []) as readonly Named[];
  if (entities.length > 0) lines.push(`Entities: ${unique(entities.map((e) => `${e.name ?? e.text}${e.role ? ` (${e.role})` : ''}`)).join('; ')}`);
  if (places.length > 0) lines.push(`Places: ${unique(places.map((p) => `${p.name ?? p.text}${p.country ? ` ${p.country}` : ' (unresolved)'}`)).join('; ')}`);
  if (dates.length > 0) {
    lines.push(`Dates: ${unique(dates.map((d) => `${d.text ?? ''} → ${d.value?.start ?? '?'}${d.value?.end && d.value.end !== d.value.start ? `…${d.value.end}` : ''}`)).join('; ')}`);
  }
  return lines;
}
