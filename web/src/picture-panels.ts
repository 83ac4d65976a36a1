/**
 * The picture's panels: the contradiction ledger, the escalation chart with its drill-down, and the
 * source comparison with camps and framing markers per outlet. Data reaches the page only as text
 * (h/s); the chart is SVG drawn with DOM calls, coloured by classes in styles.css (the CSP allows
 * no inline style).
 */
import type { Alert, CampsPage, Escalation, EscalationDay, FramingMarker, FramingProfile, Incident, LedgerItem, Source } from './api.js';
import { shortDay } from './dates.js';
import { h, onEnterOrSpace, replace, s } from './h.js';
import { typeName } from './map-view.js';

/** Opens an incident's evidence. */
export type OpenIncident = (id: string) => void;
/** Opens a document at one of its events. */
export type OpenEvent = (id: string, event: string) => void;

function dateText(date: { readonly start: string; readonly end: string } | null): string {
  return date === null ? 'undated' : date.start === date.end ? date.start : `${date.start} – ${date.end}`;
}

function familyLabel(family: string): string {
  return family.startsWith('unknown:') ? 'unknown outlet' : family;
}

/** The contradiction ledger: each contradiction with both sides side by side, their sources and quoted evidence. */
export function contradictionsPanel(items: readonly LedgerItem[], openIncident: OpenIncident, openEvent: OpenEvent): HTMLElement {
  return h(
    'div',
    { class: 'ledger' },
    h('h2', {}, `Contradictions (${items.length})`),
    h('p', { class: 'meta' }, 'A report against a denial, different numbers, or different doers of the same act. Each side lists its sources and the words they used.'),
    items.length === 0
      ? h('p', { class: 'hint' }, 'No contradiction among the incidents in this window.')
      : h(
          'ol',
          { class: 'ledger-list' },
          items.map((item) =>
            h(
              'li',
              { class: 'ledger-item', 'data-id': item.id, 'data-incident': item.incident },
              h('h3', {}, h('span', { class: `kind kind-${item.kind.replace(/[^a-z-]/g, '')}` }, item.kind), ` ${item.summary}`),
              h(
                'p',
                { class: 'meta' },
                `${typeName(item.type)} at ${item.place?.name ?? 'an unknown place'} · ${dateText(item.date)} · incident ${item.incident} · `,
                h('button', { type: 'button', class: 'link small open-incident', onclick: () => openIncident(item.incident) }, 'Open the incident’s evidence →'),
              ),
              h(
                'div',
                { class: 'sides' },
                item.sides.map((side) =>
                  h(
                    'section',
                    { class: `side-claim claim-${side.claim.replace(/[^a-z-]/g, '')}`, 'aria-label': `Side: ${side.claim}` },
                    h('h4', {}, side.claim),
                    h('p', { class: 'meta' }, `Sources: ${side.sources.map(familyLabel).join(', ') || 'none named'}`),
                    h(
                      'ul',
                      { class: 'side-reports' },
                      side.reports.map((report) =>
                        h(
                          'li',
                          { 'data-document': report.document },
                          h('div', { class: 'meta' }, `${report.outlet ?? 'unknown outlet'}${report.certainty ? ` · ${report.certainty}` : ''}`),
                          report.evidence === null ? null : h('blockquote', { class: 'sentence' }, h('q', { class: 'quoted' }, report.evidence.text)),
                          h('button', { type: 'button', class: 'link small', onclick: () => openEvent(report.document, report.event), 'aria-label': `Open in document ${report.document}` }, 'in context →'),
                        ),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

const CHART_HEIGHT = 150;
const CHART_AXIS = 18;
const CHART_PAD = 6;
const CHART_WIDTH = 400;
/** Room for the value labels on the left. */
const CHART_LEFT = 36;

/**
 * The escalation chart: per day, physical activity (left bar) against rhetoric (right bar). A day
 * is a button (click, or Tab and Enter): it lists the incidents behind both values below the chart.
 */
export function escalationPanel(escalation: Escalation, alerts: readonly Alert[], incidents: readonly Incident[], openIncident: OpenIncident): HTMLElement {
  const regions = escalation.series.map((series) => series.region);
  const drill = h('div', { class: 'drill', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Choose a day in the chart (click it, or Tab to it and press Enter) to list the incidents behind its values.'));
  const chartBox = h('div', { class: 'chart-box' });
  const byId = new Map(incidents.map((incident) => [incident.id, incident]));
  let selected: string | null = null;

  const show = (days: readonly EscalationDay[]): void => {
    replace(chartBox, chart(days, selected, (day) => {
      selected = day.day;
      show(days);
      replace(drill, drillDown(day, byId, openIncident));
      (chartBox.querySelector(`[data-day="${day.day}"]`) as SVGGElement | null)?.focus();
    }));
  };
  const daysOf = (region: string): readonly EscalationDay[] => (region === '' ? escalation.total : escalation.series.find((series) => series.region === region)?.days ?? []);
  const select = h(
    'select',
    {
      id: 'escalation-region',
      onchange: (event: Event) => {
        selected = null;
        replace(drill, h('p', { class: 'hint' }, 'Choose a day in the chart to list its incidents.'));
        show(daysOf((event.target as HTMLSelectElement).value));
      },
    },
    h('option', { value: '' }, 'All regions'),
    regions.map((region) => h('option', { value: region }, region)),
  );
  show(escalation.total);
  return h(
    'div',
    { class: 'escalation' },
    h('h2', {}, 'Escalation'),
    h(
      'p',
      { class: 'meta' },
      `Per day, certainty-weighted: physical acts (${escalation.physical_types.map(typeName).join(', ')}) against rhetoric (${escalation.rhetoric_types.map(typeName).join(', ')}). Each incident counts once, by its best-attested report.`,
    ),
    h('div', { class: 'chart-controls' }, h('label', { for: 'escalation-region' }, 'Region '), select, ' ', h('span', { class: 'key key-physical' }, 'physical'), ' ', h('span', { class: 'key key-rhetoric' }, 'rhetoric')),
    chartBox,
    drill,
    h('h3', {}, `Alerts (${alerts.length})`),
    alerts.length === 0
      ? h('p', { class: 'muted' }, 'No alert rule fired in this window.')
      : h(
          'ul',
          { class: 'alerts' },
          alerts.map((alert) =>
            h(
              'li',
              { 'data-rule': alert.rule },
              h('span', { class: 'date' }, alert.day),
              ` ${alert.message} `,
              alert.incidents.map((id) => [' ', h('button', { type: 'button', class: 'link small', onclick: () => openIncident(id) }, id)]),
            ),
          ),
        ),
  );
}

function chart(days: readonly EscalationDay[], selected: string | null, choose: (day: EscalationDay) => void): Element {
  if (days.length === 0) return h('p', { class: 'hint' }, 'No physical or rhetorical incident in this window.');
  const most = Math.max(1, ...days.flatMap((day) => [day.physical.value, day.rhetoric.value]));
  const plot = CHART_HEIGHT - CHART_AXIS - CHART_PAD;
  const step = (CHART_WIDTH - CHART_PAD - CHART_LEFT) / days.length;
  const bar = Math.max(2, Math.min(18, step / 2 - 2));
  const every = Math.ceil(days.length / Math.max(1, Math.floor((CHART_WIDTH - 30) / 50)));
  const groups = days.map((day, i) => {
    const x = CHART_LEFT + i * step + step / 2;
    const hp = (day.physical.value / most) * plot;
    const hr = (day.rhetoric.value / most) * plot;
    const label = `${day.day}: physical ${day.physical.value} (${day.physical.incidents.length} incident${day.physical.incidents.length === 1 ? '' : 's'}), rhetoric ${day.rhetoric.value} (${day.rhetoric.incidents.length} incident${day.rhetoric.incidents.length === 1 ? '' : 's'})`;
    return s(
      'g',
      { class: `day${day.day === selected ? ' selected' : ''}`, 'data-day': day.day, tabindex: 0, role: 'button', 'aria-label': label, 'aria-pressed': String(day.day === selected), onclick: () => choose(day), onkeydown: onEnterOrSpace(() => choose(day)) },
      s('title', {}, label),
      s('rect', { class: 'hit', x: (x - step / 2).toFixed(1), y: 0, width: step.toFixed(1), height: CHART_HEIGHT - CHART_AXIS }),
      s('rect', { class: 'bar-physical', x: (x - bar - 1).toFixed(1), y: (CHART_PAD + plot - hp).toFixed(1), width: bar.toFixed(1), height: Math.max(hp, day.physical.value > 0 ? 1 : 0).toFixed(1) }),
      s('rect', { class: 'bar-rhetoric', x: (x + 1).toFixed(1), y: (CHART_PAD + plot - hr).toFixed(1), width: bar.toFixed(1), height: Math.max(hr, day.rhetoric.value > 0 ? 1 : 0).toFixed(1) }),
      i % every === 0 ? s('text', { class: 'tick', x: x.toFixed(1), y: CHART_HEIGHT - 4 }, shortDay(day.day)) : null,
    );
  });
  const gridValues = [0, most / 2, most];
  const grid = gridValues.map((value) => {
    const y = CHART_PAD + plot - (value / most) * plot;
    return s('g', { class: 'grid' }, s('line', { x1: CHART_LEFT, x2: CHART_WIDTH - CHART_PAD, y1: y.toFixed(1), y2: y.toFixed(1) }), s('text', { class: 'tick value', x: CHART_LEFT - 4, y: (y + 4).toFixed(1) }, String(Math.round(value * 10) / 10)));
  });
  return s('svg', { class: 'escalation-svg', viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`, role: 'group', 'aria-label': 'Escalation per day: physical and rhetoric; each day is a button' }, s('g', {}, grid), s('g', {}, groups));
}

function drillDown(day: EscalationDay, byId: ReadonlyMap<string, Incident>, openIncident: OpenIncident): HTMLElement {
  const list = (title: string, value: { readonly value: number; readonly incidents: readonly string[] }, kind: string): HTMLElement =>
    h(
      'section',
      { class: `drill-${kind}` },
      h('h4', {}, `${title}: ${value.value} from ${value.incidents.length} incident${value.incidents.length === 1 ? '' : 's'}`),
      value.incidents.length === 0
        ? null
        : h(
            'ul',
            { class: 'drill-incidents' },
            value.incidents.map((id) => {
              const incident = byId.get(id);
              const text =
                incident === undefined
                  ? `incident ${id}`
                  : `${typeName(incident.type)} at ${incident.place?.name ?? 'an unknown place'} — ${incident.reports.length} report${incident.reports.length === 1 ? '' : 's'}, ${incident.independent_sources} independent source${incident.independent_sources === 1 ? '' : 's'}`;
              const best = incident?.reports[0];
              return h(
                'li',
                { 'data-incident': id },
                h('button', { type: 'button', class: 'link', onclick: () => openIncident(id) }, text),
                best === undefined ? null : h('blockquote', { class: 'sentence' }, h('q', { class: 'quoted' }, best.evidence.text), h('span', { class: 'meta' }, ` — ${best.outlet ?? 'unknown outlet'}, ${best.certainty}`)),
              );
            }),
          ),
    );
  return h('div', { class: 'drill-day', 'data-day': day.day }, h('h3', {}, `Incidents on ${day.day}`), list('Physical', day.physical, 'physical'), list('Rhetoric', day.rhetoric, 'rhetoric'));
}

const TECHNIQUES = ['name-calling', 'loaded-language', 'appeal-to-fear', 'exaggeration', 'scare-quotes'] as const;
const TECHNIQUE_LABEL: Readonly<Record<string, string>> = {
  'name-calling': 'Name-calling',
  'loaded-language': 'Loaded language',
  'appeal-to-fear': 'Appeal to fear',
  exaggeration: 'Exaggeration',
  'scare-quotes': 'Scare quotes',
};

/** Loads the markers of one outlet (optionally one technique). */
export type LoadMarkers = (outlet: string, technique: string | null) => Promise<readonly FramingMarker[]>;
/** Opens a document with a marker outlined. */
export type OpenMarker = (marker: FramingMarker) => void;

/**
 * Outlets compared: documents in view and in all, the camps each belongs to, and framing markers
 * by technique; a count is a button listing the marked spans, each opening its document.
 */
export function sourcesComparison(
  sources: readonly Source[],
  inViewCounts: ReadonlyMap<string | null, number>,
  camps: CampsPage | null,
  profiles: readonly FramingProfile[],
  load: LoadMarkers,
  open: OpenMarker,
): HTMLElement {
  const key = (name: string | null): string => (name ?? '').trim().toLowerCase();
  const campsOf = (outlet: string | null): string[] => (camps?.camps ?? []).filter((camp) => camp.outlets.some((o) => key(o) === key(outlet))).map((camp) => camp.name);
  const profileOf = new Map(profiles.map((profile) => [key(profile.outlet), profile]));
  const spans = h('div', { class: 'marker-list', 'aria-live': 'polite' });
  const showMarkers = async (outlet: string, technique: string | null): Promise<void> => {
    replace(spans, h('p', { class: 'hint' }, 'Loading…'));
    try {
      const markers = await load(outlet, technique);
      replace(
        spans,
        h('h3', {}, `${technique === null ? 'Framing markers' : TECHNIQUE_LABEL[technique] ?? technique} in ${outlet} (${markers.length})`),
        h(
          'ul',
          { class: 'markers' },
          markers.map((marker) =>
            h(
              'li',
              { 'data-document': marker.document, 'data-technique': marker.technique },
              h('span', { class: `technique technique-${marker.technique.replace(/[^a-z-]/g, '')}` }, TECHNIQUE_LABEL[marker.technique] ?? marker.technique),
              ' ',
              h('mark', { class: 'hl hl-framing' }, marker.text),
              h('span', { class: 'meta' }, ` · ${marker.entry} · document ${marker.document}, characters ${marker.start}–${marker.end} `),
              h('button', { type: 'button', class: 'link small', onclick: () => open(marker), 'aria-label': `Open in document ${marker.document}: ${marker.text}` }, 'in context →'),
            ),
          ),
        ),
      );
    } catch (error) {
      replace(spans, h('p', { class: 'problem' }, error instanceof Error ? error.message : String(error)));
    }
  };
  const countButton = (outlet: string | null, technique: string | null, n: number | undefined): Element | string => {
    if (outlet === null || n === undefined || n === 0) return '·';
    return h('button', { type: 'button', class: 'link count', 'data-outlet': outlet, 'data-technique': technique ?? 'all', 'aria-label': `${n} ${technique === null ? 'framing markers' : TECHNIQUE_LABEL[technique]} in ${outlet}: list them`, onclick: () => void showMarkers(outlet, technique) }, String(n));
  };
  return h(
    'div',
    { class: 'sources-compare' },
    h('h2', {}, `Sources (${sources.length})`),
    h('p', { class: 'meta' }, `Camps ${camps?.source === 'configured' ? 'as configured' : 'from data/camps.example.json'}; framing markers over all of each outlet’s articles. Click a count to see the marked words.`),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table sources' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Outlet and camp'),
            h('th', { scope: 'col', class: 'num', title: 'Documents in view / in the store' }, 'Docs'),
            h('th', { scope: 'col', title: 'Framing markers, all techniques (per 1000 words)' }, 'Framing'),
            TECHNIQUES.map((technique) => h('th', { scope: 'col', class: 'num', title: TECHNIQUE_LABEL[technique] }, abbreviation(technique))),
          ),
        ),
        h(
          'tbody',
          {},
          sources.map((source) => {
            const profile = profileOf.get(key(source.outlet));
            const inView = inViewCounts.get(source.outlet) ?? 0;
            return h(
              'tr',
              { class: inView ? '' : 'muted', 'data-outlet': source.outlet ?? '' },
              h(
                'th',
                { scope: 'row', class: 'outlet' },
                source.outlet ?? '(unknown outlet)',
                h('div', { class: 'meta camp' }, campsOf(source.outlet).join(', ') || 'no camp'),
                h('div', { class: 'meta' }, source.first_published ? `${source.first_published} – ${source.last_published ?? ''}` : 'undated'),
              ),
              h('td', { class: 'num' }, `${inView} / ${source.documents}`),
              h('td', { class: 'num' }, countButton(source.outlet, null, profile?.markers), profile && profile.markers > 0 ? h('span', { class: 'meta' }, ` (${profile.per_thousand_words})`) : null),
              TECHNIQUES.map((technique) => h('td', { class: 'num' }, countButton(source.outlet, technique, profile?.techniques[technique]))),
            );
          }),
        ),
      ),
    ),
    h('p', { class: 'meta legend-line' }, TECHNIQUES.map((technique) => `${abbreviation(technique)} ${TECHNIQUE_LABEL[technique]}`).join(' · ')),
    camps === null || camps.counts.length === 0
      ? null
      : [
          h('h3', {}, 'Camps over the incidents in view'),
          h(
            'table',
            { class: 'table camps' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Camp'), h('th', { scope: 'col', class: 'num' }, 'Reports'), h('th', { scope: 'col', class: 'num' }, 'Denies'), h('th', { scope: 'col', class: 'num' }, 'Silent'))),
            h(
              'tbody',
              {},
              camps.counts.map((count) =>
                h('tr', {}, h('th', { scope: 'row' }, count.camp), h('td', { class: 'num' }, String(count.reports)), h('td', { class: 'num' }, String(count.denies)), h('td', { class: 'num' }, String(count.silent))),
              ),
            ),
          ),
        ],
    spans,
  );
}

function abbreviation(technique: string): string {
  return { 'name-calling': 'NC', 'loaded-language': 'LL', 'appeal-to-fear': 'AF', exaggeration: 'EX', 'scare-quotes': 'SQ' }[technique] ?? technique;
}
