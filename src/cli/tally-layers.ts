/** Counts of entities and places across documents, for `sitrep entities` and `sitrep places`. */
import type { Doc, Span } from '../doc/types.js';

/** One row of a tally: a canonical thing, how often it was mentioned, in how many documents, and as what. */
export interface TallyRow {
  readonly key: string;
  readonly name: string;
  readonly kind: string | null;
  readonly mentions: number;
  readonly documents: number;
  /** The spellings seen, most frequent first. */
  readonly spellings: readonly string[];
  readonly detail: string | null;
}

type NamedSpan = Span & { readonly text?: string; readonly name?: string; readonly id?: string; readonly kind?: string; readonly role?: string | null; readonly country?: string | null; readonly lat?: number | null; readonly lon?: number | null };

/** Tallies one layer (`entities` or `places`) over documents, most mentioned first. */
export async function tallyLayer(docs: AsyncIterable<Doc>, layer: 'entities' | 'places'): Promise<TallyRow[]> {
  const rows = new Map<string, { name: string; kind: string | null; mentions: number; docs: Set<string>; spellings: Map<string, number>; detail: string | null }>();
  for await (const doc of docs) {
    for (const span of (doc.layers[layer] ?? []) as readonly NamedSpan[]) {
      const name = span.name ?? doc.text.slice(span.start, span.end);
      const key = layer === 'entities' ? (span.id ?? name) : `${name}|${span.country ?? ''}`;
      const detail =
        layer === 'entities'
          ? (span.role ?? null)
          : span.lat !== null && span.lat !== undefined
            ? `${span.country ?? '?'} ${span.lat.toFixed(3)},${span.lon?.toFixed(3)}`
            : 'unresolved';
      const row = rows.get(key) ?? { name, kind: span.kind ?? null, mentions: 0, docs: new Set<string>(), spellings: new Map<string, number>(), detail };
      row.mentions += 1;
      row.docs.add(doc.id);
      const written = span.text ?? doc.text.slice(span.start, span.end);
      row.spellings.set(written, (row.spellings.get(written) ?? 0) + 1);
      rows.set(key, row);
    }
  }
  return [...rows.entries()]
    .map(([key, r]) => ({
      key,
      name: r.name,
      kind: r.kind,
      mentions: r.mentions,
      documents: r.docs.size,
      spellings: [...r.spellings.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s),
      detail: r.detail,
    }))
    .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name));
}
