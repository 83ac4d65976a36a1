/** The evaluation as people read it: totals first, then what to look at (wrong fields, worst pages). */
import type { EvalResults } from './evaluate.js';
import { formatActorsReport } from './actors-eval.js';
import { formatPlacesReport } from './places-eval.js';
import { formatGeoparsingReport } from './geoparsing-eval.js';
import { formatEventsReport } from './events-eval.js';
import { formatStoriesReport } from './stories-eval.js';
import { PUBLISHED_PEERS, worstPages, type ExtractionEvalResult, type ExtractionRun } from './extraction-eval.js';
import type { GateResult } from './gate.js';
import { ITEM_FIELDS, type ItemsTotals, type SeedFileResult, type SeedsResult, type Tally } from './seeds-score.js';
import { displayPath } from './shared-data.js';

/** Options for {@link formatReport}. */
export interface ReportOptions {
  /** How many of the worst extraction pages to list. */
  readonly worst?: number;
}

/** The whole report: seeds, extraction, then the gate's verdict when there is one. */
export function formatReport(results: EvalResults, gate: GateResult | null, options: ReportOptions = {}): string {
  const parts: string[] = [];
  for (const reason of results.skipped) parts.push(`SKIPPED: ${reason}`);
  if (results.seeds) parts.push(formatSeeds(results.seeds));
  if (results.extraction) parts.push(formatExtraction(results.extraction, options.worst ?? 10));
  if (results.actors) parts.push(formatActorsReport(results.actors));
  if (results.places) parts.push(formatPlacesReport(results.places));
  if (results.geoparsing) parts.push(formatGeoparsingReport(results.geoparsing));
  if (results.events) parts.push(formatEventsReport(results.events.seeds, results.events.gsr));
  if (results.stories) parts.push(formatStoriesReport(results.stories));
  if (gate) parts.push(formatGate(gate));
  return `${parts.join('\n\n')}\n`;
}

function formatSeeds(seeds: SeedsResult): string {
  const t = seeds.totals;
  const lines = [
    `Cleaning against the seed gold (${displayPath(seeds.dataset)}/gold, ${t.files} files)`,
    row('cleaned (a document came out)', tally(t.cleaned)),
    row('title exact', tally(t.title)),
    row('body starts with body_first', tally(t.bodyFirst)),
    row('body ends with body_last', tally(t.bodyLast)),
    row('not_in_body snippets in body', `${t.notInBody.found} of ${t.notInBody.total} (lower is better)`),
    row('standfirst', tally(t.standfirst)),
    row('published (date/bound/unknown)', tally(t.published)),
    row('published time, updated', `${tally(t.publishedTime)}, ${tally(t.publishedUpdated)}`),
    items('comments', t.comments, ITEM_FIELDS.comments),
    items('embeds', t.embeds, ITEM_FIELDS.embeds),
    items('captions', t.captions, ITEM_FIELDS.captions),
    '',
    'Per file (✗ = wrong; expected → got):',
  ];
  for (const file of seeds.files) lines.push(...formatSeedFile(file));
  const unscored = [...new Set(seeds.files.flatMap((file) => file.unscored))];
  // places, actors, events and story have evaluation parts of their own (--only places|actors|events|stories).
  const elsewhere = new Set(['places', 'not_places', 'unresolved_places', 'actors', 'events', 'story']);
  const notScored = unscored.filter((field) => !elsewhere.has(field));
  if (notScored.length > 0) lines.push('', `Gold fields no evaluation scores yet: ${notScored.join(', ')}`);
  return lines.join('\n');
}

function formatSeedFile(file: SeedFileResult): string[] {
  const mark = (right: boolean): string => (right ? '✓' : '✗');
  const lines = [
    `  ${file.file}  title ${mark(file.title.right)}  start ${mark(file.bodyFirst.right)}  end ${mark(file.bodyLast.right)}  ` +
      `not_in_body ${file.notInBody.found.length}/${file.notInBody.total}  published ${mark(file.published.right)}  ` +
      `comments ${file.comments.predicted}/${file.comments.expected}  embeds ${file.embeds.predicted}/${file.embeds.expected}  ` +
      `captions ${file.captions.predicted}/${file.captions.expected}`,
  ];
  const detail = (text: string): void => {
    lines.push(`      ${text}`);
  };
  if (file.error) detail(`cleaning failed: ${file.error}`);
  if (!file.title.right) detail(`title: ${quote(file.title.expected)} → ${quote(file.title.actual)}`);
  if (!file.bodyFirst.right) detail(`body start: ${quote(file.bodyFirst.expected)} → ${quote(file.bodyFirst.actual)}`);
  if (!file.bodyLast.right) detail(`body end: ${quote(file.bodyLast.expected)} → ${quote(file.bodyLast.actual)}`);
  for (const snippet of file.notInBody.found) detail(`in body but should not be: ${quote(snippet)}`);
  if (file.standfirst && !file.standfirst.right) detail(`standfirst: ${quote(file.standfirst.expected)} → ${quote(file.standfirst.actual)}`);
  if (!file.published.right) detail(`published: ${file.published.expected} → ${file.published.actual}`);
  if (file.published.time && !file.published.time.right) detail(`published time: ${file.published.time.expected} → ${file.published.time.actual}`);
  if (file.published.updated && !file.published.updated.right) {
    detail(`updated: ${file.published.updated.expected} → ${file.published.updated.actual}`);
  }
  for (const miss of [...file.comments.misses, ...file.embeds.misses, ...file.captions.misses]) detail(miss);
  return lines;
}

function formatExtraction(extraction: ExtractionEvalResult, worst: number): string {
  const runs = Object.values(extraction.runs).filter((run): run is ExtractionRun => run !== undefined);
  const lines = [
    `Main-text extraction: Scrapinghub article-extraction benchmark, ${extraction.pages} development pages (${displayPath(extraction.dataset)})`,
    `  ${'system'.padEnd(36)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)} ${'exact'.padStart(6)} ${'empty'.padStart(6)} ${'pages/s'.padStart(8)}`,
  ];
  for (const run of runs) {
    const s = run.score;
    lines.push(
      `  ${run.label.padEnd(36)} ${fixed(s.precision).padStart(9)} ${fixed(s.recall).padStart(7)} ${fixed(s.f1).padStart(6)} ` +
        `${fixed(s.accuracy).padStart(6)} ${String(run.empty).padStart(6)} ${run.pagesPerSecond.toFixed(1).padStart(8)}`,
    );
  }
  lines.push('  Published F1 on all 181 pages (a different page set; compare with Readability.js above for a same-page reference):');
  for (const peer of PUBLISHED_PEERS) lines.push(`    ${peer.name.padEnd(34)} ${fixed(peer.f1).padStart(24)}`);
  const ours = extraction.runs.sitrep;
  if (ours) {
    const readability = new Map((extraction.runs.readability?.pages ?? []).map((page) => [page.id, page.f1]));
    lines.push(`  Worst ${worst} pages for sitrep (page F1, P, R; Readability.js F1 on the same page):`);
    for (const page of worstPages(ours, worst)) {
      const theirs = readability.get(page.id);
      lines.push(
        `    ${page.id.slice(0, 16)}  F1 ${fixed(page.f1)}  P ${page.precision === null ? '  -  ' : fixed(page.precision)}  ` +
          `R ${page.recall === null ? '  -  ' : fixed(page.recall)}  Readability ${theirs === undefined ? '  -  ' : fixed(theirs)}  ${page.url}` +
          (page.error ? `  (${page.error})` : ''),
      );
    }
  }
  return lines.join('\n');
}

function formatGate(gate: GateResult): string {
  const lines = [gate.ok ? 'Gate: PASS (no metric below its floor or above its ceiling)' : `Gate: FAIL (${gate.regressions.length} regression(s))`];
  for (const regression of gate.regressions) lines.push(`  REGRESSION ${regression.message}`);
  for (const improvement of gate.improvements) lines.push(`  improved: ${improvement} (pin it with --update-baseline)`);
  return lines.join('\n');
}

function items(name: string, totals: ItemsTotals, fields: readonly string[]): string {
  const shown = fields
    .map((field) => [field, totals.fields[field]] as const)
    .filter((pair): pair is readonly [string, Tally] => pair[1] !== undefined && pair[1].total > 0)
    .map(([field, t]) => `${field} ${tally(t)}`);
  const head = `${totals.expected} in gold, ${totals.predicted} predicted; count right in ${tally(totals.countRight)} files`;
  return `${row(name, head)}${shown.length > 0 ? `\n${' '.repeat(36)}${shown.join('  ')}` : ''}`;
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(33)} ${value}`;
}

function tally(t: Tally): string {
  return `${t.right}/${t.total}`;
}

function fixed(value: number): string {
  return value.toFixed(3);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 99)}…` : text);
}
