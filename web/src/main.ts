/**
 * The sitrep dashboard: a map of places, a timeline with a brush, an "as of" slider, and a side
 * panel (evidence, document, documents, sources, actors, search). One state object; every change
 * goes through `update`, which redraws what depends on it. All data comes from the local API.
 */
import './styles.css';
import {
  allDocuments,
  allIncidents,
  getJson,
  inWindow,
  windowParams,
  type Alert,
  type CampsPage,
  type DocSummary,
  type DocumentJson,
  type Escalation,
  type FramingMarker,
  type FramingPage,
  type LedgerItem,
  type Entity,
  type Incident,
  type Place,
  type PlaceEvidence,
  type SearchHit,
  type Source,
  type Window,
} from './api.js';
import { dayNumber, dayString } from './dates.js';
import { documentView } from './document-view.js';
import { h, replace } from './h.js';
import { MapView } from './map-view.js';
import { actorsPanel, documentsPanel, evidencePanel, incidentPanel, searchPanel } from './panels.js';
import { contradictionsPanel, escalationPanel, sourcesComparison } from './picture-panels.js';
import { TimelineView } from './timeline-view.js';

type Tab = 'evidence' | 'document' | 'documents' | 'sources' | 'contradictions' | 'escalation' | 'actors' | 'search';
const TABS: readonly { readonly id: Tab; readonly label: string }[] = [
  { id: 'evidence', label: 'Evidence' },
  { id: 'document', label: 'Document' },
  { id: 'documents', label: 'Documents' },
  { id: 'sources', label: 'Sources' },
  { id: 'contradictions', label: 'Contradictions' },
  { id: 'escalation', label: 'Escalation' },
  { id: 'actors', label: 'Actors' },
  { id: 'search', label: 'Search' },
];

interface State {
  docs: readonly DocSummary[];
  brush: Window;
  /** Last day shown; null is "latest", which also shows undated documents. */
  asOf: string | null;
  place: string | null;
  /** The incident whose evidence is open (exclusive with `place`). */
  incident: string | null;
  tab: Tab;
}

const state: State = { docs: [], brush: { since: null, until: null }, asOf: null, place: null, incident: null, tab: 'documents' };
let sources: readonly Source[] = [];
let places: readonly Place[] = [];
let incidents: readonly Incident[] = [];
/** What the document and search tabs last showed, so coming back to them shows it again. */
const kept = new Map<Tab, HTMLElement>();
/** Bumped on every refresh, so a slow answer for an old window never overwrites a newer one. */
let generation = 0;

const root = document.getElementById('app') ?? document.body;
const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
const problem = h('p', { class: 'problem', role: 'alert' });
const asOfInput = h('input', { type: 'range', id: 'as-of', min: 0, max: 0, value: 0, step: 1, 'aria-describedby': 'as-of-value' });
const asOfValue = h('output', { id: 'as-of-value', for: 'as-of' }, 'latest');
const searchInput = h('input', { type: 'search', id: 'search', placeholder: 'Search the articles', 'aria-label': 'Full-text search', required: true, maxlength: 500 });
const panel = h('div', { class: 'panel-body', id: 'panel', role: 'tabpanel', tabindex: -1 });
const tabButtons = new Map<Tab, HTMLButtonElement>();

const map = new MapView({ onSelect: (place) => void selectPlace(place.key), onSelectIncident: (incident) => void selectIncident(incident.id) });
const timeline = new TimelineView({
  onBrush: (since, until) => {
    state.brush = { since: since !== null && until !== null && since > until ? until : since, until: since !== null && until !== null && since > until ? since : until };
    void refresh();
  },
  onOpen: (id) => void openDocument(id),
});

asOfInput.addEventListener('input', () => {
  state.asOf = asOfFromSlider();
  asOfValue.textContent = state.asOf ?? 'latest (with undated)';
  void refresh();
});

const searchForm = h(
  'form',
  {
    class: 'search',
    role: 'search',
    // form-action 'none' in the CSP: the form never submits, the API is called instead.
    onsubmit: (event: Event) => {
      event.preventDefault();
      void runSearch(searchInput.value.trim());
    },
  },
  searchInput,
  h('button', { type: 'submit' }, 'Search'),
);

replace(
  root,
  h(
    'header',
    { class: 'top' },
    h('h1', {}, 'sitrep'),
    h('div', { class: 'as-of-control' }, h('label', { for: 'as-of' }, 'As of '), asOfInput, ' ', asOfValue),
    searchForm,
    status,
  ),
  problem,
  h(
    'main',
    { class: 'layout' },
    map.element,
    h(
      'aside',
      { class: 'side', 'aria-label': 'Details' },
      h(
        'div',
        { class: 'tabs', role: 'tablist' },
        TABS.map(({ id, label }) => {
          const button = h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': 'panel', onclick: () => void showTab(id) }, label);
          tabButtons.set(id, button);
          return button;
        }),
      ),
      panel,
    ),
    timeline.element,
  ),
);

/** The window every view shows: the brush, cut at the as-of date. */
function currentWindow(): Window {
  const until = state.asOf !== null && (state.brush.until === null || state.asOf < state.brush.until) ? state.asOf : state.brush.until;
  return { since: state.brush.since, until };
}

function dayRange(): { readonly first: number; readonly last: number } | null {
  const days = state.docs.flatMap((doc) => (doc.published === null ? [] : [dayNumber(doc.published)]));
  return days.length === 0 ? null : { first: Math.min(...days), last: Math.max(...days) };
}

function asOfFromSlider(): string | null {
  const range = dayRange();
  const value = Number(asOfInput.value);
  return range === null || value > range.last - range.first ? null : dayString(range.first + value);
}

function inView(): readonly DocSummary[] {
  const window = currentWindow();
  return state.docs.filter((doc) => inWindow(doc.published, window));
}

function showProblem(error: unknown): void {
  problem.textContent = error instanceof Error ? error.message : String(error);
}

/** Re-fetches what depends on the window and redraws. */
async function refresh(): Promise<void> {
  const mine = ++generation;
  const window = currentWindow();
  const visible = inView();
  timeline.update(state.docs, state.brush, state.asOf);
  status.textContent =
    `${visible.length} of ${state.docs.length} documents` +
    (window.since || window.until ? ` · ${window.since ?? '…'} – ${window.until ?? '…'}` : '') +
    (state.asOf !== null ? ` · as of ${state.asOf}` : '');
  try {
    const [next, nextIncidents] = await Promise.all([getJson<{ items: readonly Place[] }>('/api/places', windowParams(window)), allIncidents(window)]);
    if (mine !== generation) return;
    places = next.items;
    incidents = nextIncidents;
    map.setPlaces(places, state.place);
    map.setIncidents(incidents, state.incident);
    problem.textContent = '';
    if (state.tab !== 'document' && state.tab !== 'search') await showTab(state.tab);
  } catch (error) {
    showProblem(error);
  }
}

async function selectPlace(key: string): Promise<void> {
  state.place = key;
  state.incident = null;
  map.setPlaces(places, key);
  map.setIncidents(incidents, null);
  await showTab('evidence');
}

async function selectIncident(id: string): Promise<void> {
  state.incident = id;
  state.place = null;
  map.setPlaces(places, null);
  map.setIncidents(incidents, id);
  await showTab('evidence');
}

async function showTab(tab: Tab, content?: HTMLElement): Promise<void> {
  state.tab = tab;
  for (const [id, button] of tabButtons) button.setAttribute('aria-selected', String(id === tab));
  panel.setAttribute('aria-labelledby', `tab-${tab}`);
  if (content) {
    kept.set(tab, content);
    replace(panel, content);
    return;
  }
  const window = currentWindow();
  try {
    switch (tab) {
      case 'evidence': {
        if (state.incident !== null) {
          const incident = incidents.find((candidate) => candidate.id === state.incident);
          replace(panel, incident === undefined ? h('p', { class: 'hint' }, 'That incident is outside this window.') : incidentPanel(incident, (id, event) => void openEvent(id, event)));
          return;
        }
        if (state.place === null) {
          replace(panel, h('p', { class: 'hint' }, 'Choose an incident (a diamond) or a place (a circle) on the map — click it, or Tab to it and press Enter — to see its evidence.'));
          return;
        }
        const evidence = await getJson<PlaceEvidence>(`/api/places/${encodeURIComponent(state.place)}/evidence`, windowParams(window)).catch((error: unknown) => {
          if ((error as { status?: number }).status === 404) return null;
          throw error;
        });
        replace(panel, evidence === null ? h('p', { class: 'hint' }, 'No document in this window names that place.') : evidencePanel(evidence, openDocument));
        return;
      }
      case 'documents':
        replace(panel, documentsPanel(inView(), openDocument));
        return;
      case 'sources': {
        const [camps, framing] = await Promise.all([
          getJson<CampsPage>('/api/camps', { ...windowParams(window), limit: '1' }).catch(() => null),
          getJson<FramingPage>('/api/framing', { limit: '1' }),
        ]);
        const counts = new Map<string | null, number>();
        for (const doc of inView()) counts.set(doc.outlet, (counts.get(doc.outlet) ?? 0) + 1);
        replace(panel, sourcesComparison(sources, counts, camps, framing.profiles, loadMarkers, (marker) => void openMarker(marker)));
        return;
      }
      case 'contradictions': {
        const ledger = await allContradictions(window);
        replace(panel, contradictionsPanel(ledger, (id) => void selectIncident(id), (id, event) => void openEvent(id, event)));
        return;
      }
      case 'escalation': {
        const [escalation, alerts] = await Promise.all([
          getJson<Escalation>('/api/escalation', windowParams(window)),
          getJson<{ items: readonly Alert[] }>('/api/alerts', windowParams(window)),
        ]);
        replace(panel, escalationPanel(escalation, alerts.items, incidents, (id) => void selectIncident(id)));
        return;
      }
      case 'actors': {
        const entities = await getJson<{ items: readonly Entity[] }>('/api/entities', windowParams(window));
        replace(panel, actorsPanel(entities.items));
        return;
      }
      case 'document':
      case 'search':
        // These show what openDocument and runSearch last put there.
        replace(panel, kept.get(tab) ?? h('p', { class: 'hint' }, tab === 'search' ? 'Type words in the search box and press Enter.' : 'Open a document from the map, a list or a search.'));
        return;
    }
  } catch (error) {
    showProblem(error);
  }
}

async function openDocument(id: string, focus: number | null = null): Promise<void> {
  try {
    const doc = await getJson<DocumentJson>(`/api/documents/${encodeURIComponent(id)}`);
    await showTab('document', documentView(doc, focus));
    panel.focus({ preventScroll: focus !== null });
  } catch (error) {
    showProblem(error);
  }
}

/** Opens a document at one of its coded events, the trigger outlined. */
async function openEvent(id: string, event: string): Promise<void> {
  try {
    const doc = await getJson<DocumentJson>(`/api/documents/${encodeURIComponent(id)}`);
    const span = (doc.layers.events ?? []).find((candidate) => candidate.id === event);
    await showTab('document', documentView(doc, span?.start ?? null));
    panel.focus({ preventScroll: span !== undefined });
  } catch (error) {
    showProblem(error);
  }
}

/** Every contradiction of incidents in the window, following the cursors. */
async function allContradictions(window: Window): Promise<readonly LedgerItem[]> {
  const items: LedgerItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: readonly LedgerItem[]; next: string | null } = await getJson('/api/contradictions', { ...windowParams(window), limit: '1000', cursor });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor !== null);
  return items;
}

/** The framing markers of one outlet (and technique), every page. */
async function loadMarkers(outlet: string, technique: string | null): Promise<readonly FramingMarker[]> {
  const items: FramingMarker[] = [];
  let cursor: string | null = null;
  do {
    const page: FramingPage = await getJson('/api/framing', { outlet, technique, limit: '2000', cursor });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor !== null && items.length < 10_000);
  return items;
}

/** Opens a document with a framing marker outlined. */
async function openMarker(marker: FramingMarker): Promise<void> {
  try {
    const doc = await getJson<DocumentJson>(`/api/documents/${encodeURIComponent(marker.document)}`);
    await showTab('document', documentView(doc, marker.start, [{ start: marker.start, end: marker.end, kind: 'framing', title: `${marker.technique}: ${marker.entry}` }]));
    panel.focus({ preventScroll: true });
  } catch (error) {
    showProblem(error);
  }
}

async function runSearch(query: string): Promise<void> {
  if (query === '') return;
  try {
    const result = await getJson<{ hits: readonly SearchHit[] }>('/api/search', { q: query, limit: '50' });
    const byId = new Map(state.docs.map((doc) => [doc.id, doc]));
    await showTab('search', searchPanel(query, result.hits, byId, currentWindow(), openDocument));
  } catch (error) {
    showProblem(error);
  }
}

async function start(): Promise<void> {
  // The basemap loads beside the data; the points are useful without it.
  const basemap = map.loadBasemap().catch((error: unknown) => showProblem(error));
  const [docs, sourceList, allPlaces] = await Promise.all([
    allDocuments(),
    getJson<{ items: readonly Source[] }>('/api/sources'),
    getJson<{ items: readonly Place[] }>('/api/places'),
  ]);
  state.docs = docs;
  sources = sourceList.items;
  map.setExtent(allPlaces.items);
  const range = dayRange();
  // One step per day, and one more past the last for "latest", which includes undated documents.
  const steps = range === null ? 0 : range.last - range.first + 1;
  asOfInput.max = String(steps);
  asOfInput.value = String(steps);
  asOfInput.disabled = steps === 0;
  await refresh();
  await basemap;
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => showProblem(error));
