/** The side panel's views, each a function from data to elements: evidence, documents, actors, search hits (sources, contradictions and escalation are in picture-panels.ts). */
import { inWindow, type DocSummary, type Entity, type Incident, type PlaceEvidence, type PlaceMention, type SearchHit, type Window } from './api.js';
import { h, s } from './h.js';
import { TYPE_COLOURS, typeName } from './map-view.js';

/** Opens a document, optionally at a span start. */
export type OpenDocument = (id: string, focus?: number | null) => void;
/** Opens a document at one of its events. */
export type OpenEvent = (id: string, event: string) => void;

/** The evidence for one incident: every report, with its document, certainty, attribution and quoted sentence. */
export function incidentPanel(incident: Incident, open: OpenEvent): HTMLElement {
  const place = incident.place === null ? 'an unknown place' : `${incident.place.name}${incident.place.country ? ` (${incident.place.country})` : ''}`;
  const date = incident.date === null ? 'undated' : incident.date.start === incident.date.end ? incident.date.start : `${incident.date.start} – ${incident.date.end}`;
  return h(
    'div',
    { class: 'evidence incident-evidence', 'data-id': incident.id },
    h(
      'h2',
      {},
      s('svg', { class: 'type-swatch', viewBox: '-6 -6 12 12', 'aria-hidden': 'true' }, s('path', { d: 'M0 -5L5 0L0 5L-5 0Z', fill: TYPE_COLOURS[incident.type] ?? '#555' })),
      ` ${typeName(incident.type)} at ${place}`,
    ),
    h(
      'p',
      { class: 'meta' },
      `${date} · ${incident.reports.length} report${incident.reports.length === 1 ? '' : 's'} · ` +
        `${incident.independent_sources} independent source${incident.independent_sources === 1 ? '' : 's'} confirm it happened · story ${incident.story} · incident ${incident.id}`,
    ),
    h(
      'p',
      { class: 'meta sources-line' },
      'Sources: ',
      incident.sources.map((source, i) => [
        i > 0 ? '; ' : '',
        h('span', { class: 'family' }, source.outlets.length > 0 ? source.outlets.join(', ') : familyLabel(source.family)),
        ` (${source.documents.length} doc${source.documents.length === 1 ? '' : 's'}${source.reprints.length > 0 ? `, ${source.reprints.length} reprint${source.reprints.length === 1 ? '' : 's'}` : ''})`,
      ]),
    ),
    incident.contradictions.length > 0
      ? h(
          'div',
          { class: 'contradictions', role: 'note' },
          h('h3', {}, `Contradictions (${incident.contradictions.length})`),
          h(
            'ul',
            {},
            incident.contradictions.map((contradiction) =>
              h('li', {}, h('strong', {}, contradiction.kind), `: ${contradiction.summary} — `, contradiction.sides.map((side) => `${side.claim} [${side.sources.map(familyLabel).join(', ')}]`).join(' vs ')),
            ),
          ),
        )
      : null,
    h(
      'ol',
      { class: 'evidence-docs reports' },
      incident.reports.map((report) =>
        h(
          'li',
          { 'data-document': report.document, 'data-certainty': report.certainty },
          h('button', { type: 'button', class: 'link doc-link', onclick: () => open(report.document, report.event) }, report.title ?? report.document),
          h(
            'div',
            { class: 'meta' },
            `${report.outlet ?? 'unknown outlet'} · ${report.published ?? 'undated'} · `,
            h('span', { class: `certainty certainty-${report.certainty.replace(/[^a-z-]/g, '')}` }, report.certainty),
            ` · ${attributionText(report.attribution)}`,
            report.reprint_of !== null ? ` · reprint of ${report.reprint_of}` : '',
            ` · document ${report.document}, characters ${report.evidence.start}–${report.evidence.end}`,
          ),
          h(
            'blockquote',
            { class: 'sentence' },
            h('q', { class: 'quoted' }, report.evidence.text),
            ' ',
            h('button', { type: 'button', class: 'link small', onclick: () => open(report.document, report.event), 'aria-label': `Open in document: ${report.title ?? report.document}` }, 'in context →'),
          ),
        ),
      ),
    ),
  );
}

/** A publisher family as people read it: an unnamed publisher is its own family, `unknown:<document>`. */
function familyLabel(family: string): string {
  return family.startsWith('unknown:') ? 'unknown outlet' : family;
}

function attributionText(attribution: { readonly kind: string; readonly text: string | null }): string {
  const by = attribution.kind === 'outlet' ? 'on the outlet’s own word' : `according to ${attribution.kind.replace(/-/g, ' ')}`;
  return attribution.text ? `${by}: ${attribution.text}` : by;
}

/** The evidence for one place: each document naming it, and the sentences, mention marked. */
export function evidencePanel(evidence: PlaceEvidence, open: OpenDocument): HTMLElement {
  const { place } = evidence;
  return h(
    'div',
    { class: 'evidence' },
    h('h2', {}, place.name, place.country ? h('span', { class: 'muted' }, ` ${place.country}`) : null),
    h(
      'p',
      { class: 'meta' },
      `${place.documents} document${place.documents === 1 ? '' : 's'} from ${place.outlets} outlet${place.outlets === 1 ? '' : 's'}; ` +
        `${place.mentions} mention${place.mentions === 1 ? '' : 's'}, ${place.event_mentions} as where something happened; ` +
        `published ${place.first_published ?? '?'} – ${place.last_published ?? '?'}.`,
    ),
    h(
      'ol',
      { class: 'evidence-docs' },
      evidence.documents.map((doc) =>
        h(
          'li',
          {},
          h('button', { type: 'button', class: 'link doc-link', onclick: () => open(doc.id, doc.mentions[0]?.start ?? null) }, doc.title ?? doc.id),
          h('div', { class: 'meta' }, `${doc.outlet ?? 'unknown outlet'} · ${doc.published ?? 'undated'}`),
          bySentence(doc.mentions).map((mentions) => {
            const first = mentions[0] as PlaceMention;
            const { sentence } = first;
            const pieces: (string | HTMLElement)[] = [];
            let at = 0;
            for (const mention of mentions) {
              const from = mention.start - sentence.start;
              if (from < at) continue;
              pieces.push(sentence.text.slice(at, from));
              at = mention.end - sentence.start;
              pieces.push(h('mark', { class: `hl hl-place${mention.role === 'event' ? ' event' : ''}` }, sentence.text.slice(from, at)));
            }
            pieces.push(sentence.text.slice(at));
            return h(
              'blockquote',
              { class: `sentence${first.segment && first.segment !== 'body' ? ' off-body' : ''}` },
              first.segment && first.segment !== 'body' ? h('span', { class: 'seg-label' }, first.segment) : null,
              pieces,
              ' ',
              h('button', { type: 'button', class: 'link small', onclick: () => open(doc.id, first.start), 'aria-label': `Open in document: ${doc.title ?? doc.id}` }, 'in context →'),
            );
          }),
        ),
      ),
    ),
  );
}

/** Mentions grouped by the sentence they are in, in text order: one quotation per sentence. */
function bySentence(mentions: readonly PlaceMention[]): readonly (readonly PlaceMention[])[] {
  const groups = new Map<number, PlaceMention[]>();
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    const group = groups.get(mention.sentence.start) ?? [];
    group.push(mention);
    groups.set(mention.sentence.start, group);
  }
  return [...groups.values()];
}

/** The documents in the window, newest first. */
export function documentsPanel(docs: readonly DocSummary[], open: OpenDocument): HTMLElement {
  const dated = docs.filter((doc) => doc.published !== null).sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
  const undated = docs.filter((doc) => doc.published === null);
  const row = (doc: DocSummary): HTMLElement =>
    h(
      'li',
      {},
      h('span', { class: 'date' }, doc.published?.slice(0, 10) ?? '—'),
      ' ',
      h('button', { type: 'button', class: 'link doc-link', onclick: () => open(doc.id) }, doc.title ?? doc.id),
      h('span', { class: 'muted' }, ` ${doc.outlet ?? 'unknown outlet'}`),
    );
  return h(
    'div',
    {},
    h('h2', {}, `Documents in view (${docs.length})`),
    h('ul', { class: 'doc-list' }, dated.map(row)),
    undated.length > 0 ? [h('h3', {}, `Undated (${undated.length})`), h('ul', { class: 'doc-list' }, undated.map(row))] : null,
  );
}

/** Entities named in the window, most documents first. */
export function actorsPanel(entities: readonly Entity[]): HTMLElement {
  return h(
    'div',
    {},
    h('h2', {}, `Actors & entities (${entities.length})`),
    h(
      'table',
      { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Docs'), h('th', { scope: 'col' }, 'Mentions'))),
      h(
        'tbody',
        {},
        entities.map((entity) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, entity.name),
            h('td', {}, entity.kind.replace(/_/g, ' ')),
            h('td', { class: 'num' }, String(entity.documents)),
            h('td', { class: 'num' }, String(entity.mentions)),
          ),
        ),
      ),
    ),
  );
}

/** Full-text hits; those outside the current window are marked, not hidden, so a search never seems to miss. */
export function searchPanel(query: string, hits: readonly SearchHit[], docs: ReadonlyMap<string, DocSummary>, window: Window, open: OpenDocument): HTMLElement {
  return h(
    'div',
    {},
    h('h2', {}, `Search: “${query}” (${hits.length})`),
    hits.length === 0
      ? h('p', {}, 'No document matches.')
      : h(
          'ol',
          { class: 'hits' },
          hits.map((hit) => {
            const doc = docs.get(hit.id);
            const outside = doc !== undefined && !inWindow(doc.published, window);
            return h(
              'li',
              { class: outside ? 'outside' : '' },
              h('button', { type: 'button', class: 'link doc-link', onclick: () => open(hit.id) }, hit.title ?? hit.id),
              h('div', { class: 'meta' }, `${doc?.outlet ?? 'unknown outlet'} · ${doc?.published ?? 'undated'}${outside ? ' · outside the current window' : ''}`),
              h('p', { class: 'snippet' }, hit.snippet),
            );
          }),
        ),
  );
}
