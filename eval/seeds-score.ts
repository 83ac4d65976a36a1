/**
 * Cleaning scored against the analyst's gold for the five seed articles (`../shared/seeds/gold`),
 * as `../shared/seeds/README.md` defines it: title, body boundaries, what must stay out of the body,
 * reader comments (count, author, time to the minute, depth, parent), embeds, captions, and the
 * publication date (a date, a bound, or unknown: a confident date where gold has none is wrong).
 *
 * Texts are compared after whitespace normalisation (NFC, runs of white space to one space, trimmed):
 * line breaks and paragraph joins are layout, not content. Nothing else is folded: quotes, dashes and
 * case must match.
 *
 * Extension point: places, actors and events belong to later issues. To score one, add a
 * `scoreX(gold, doc)` beside `scoreComments`, a field in `SeedFileResult` and in `SeedsTotals`, and
 * its headline metrics in gate.ts; then drop its keys from `LATER_ISSUE_FIELDS`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc, Published } from '../src/doc/types.js';
import { cleanSeed } from './shared-data.js';

/** Gold fields that later issues score (places, actors, events, ...); listed per file as not scored yet. */
export const LATER_ISSUE_FIELDS: readonly string[] = [
  'places',
  'not_places',
  'unresolved_places',
  'actors',
  'events',
  'anomalies',
  'story',
  'sources_cited',
  'outlet_hint',
];

/** How many of how many were right. */
export interface Tally {
  readonly right: number;
  readonly total: number;
}

/** One compared value: what gold says, what cleaning gave. */
export interface Check {
  readonly right: boolean;
  readonly expected: string;
  readonly actual: string;
}

/** What kind of publication date the gold gives. */
export type PublishedKind = 'date' | 'bound' | 'unknown';

/** The publication date check for one file. */
export interface PublishedCheck extends Check {
  readonly kind: PublishedKind;
  /** Time of day, where gold gives one. */
  readonly time: Check | null;
  /** Last update stamp, where gold gives one. */
  readonly updated: Check | null;
}

/** A list of items (comments, embeds, captions) against gold: counts, then field by field. */
export interface ItemsResult {
  readonly expected: number;
  readonly predicted: number;
  readonly countRight: boolean;
  readonly fields: Readonly<Record<string, Tally>>;
  /** Each wrong field, for people: `comment 2 author: expected "x", got "y"`. */
  readonly misses: readonly string[];
}

/** Everything scored for one seed file. */
export interface SeedFileResult {
  readonly file: string;
  /** Why cleaning produced no document (its code and message), else null; then every check fails. */
  readonly error: string | null;
  readonly title: Check;
  readonly bodyFirst: Check;
  readonly bodyLast: Check;
  /** The `not_in_body` snippets that were found in the body. */
  readonly notInBody: { readonly total: number; readonly found: readonly string[] };
  readonly standfirst: Check | null;
  readonly published: PublishedCheck;
  readonly comments: ItemsResult;
  readonly embeds: ItemsResult;
  readonly captions: ItemsResult;
  /** Gold fields present in this file that no scorer reads yet (later issues). */
  readonly unscored: readonly string[];
}

/** Totals over the items of every file. */
export interface ItemsTotals {
  /** Files whose item count matches gold. */
  readonly countRight: Tally;
  readonly expected: number;
  readonly predicted: number;
  readonly fields: Readonly<Record<string, Tally>>;
}

/** Totals over every seed file. */
export interface SeedsTotals {
  readonly files: number;
  readonly cleaned: Tally;
  readonly title: Tally;
  readonly bodyFirst: Tally;
  readonly bodyLast: Tally;
  /** Snippets found in the body that must not be there, of all `not_in_body` snippets: lower is better. */
  readonly notInBody: { readonly found: number; readonly total: number };
  readonly standfirst: Tally;
  readonly published: Tally;
  readonly publishedTime: Tally;
  readonly publishedUpdated: Tally;
  readonly comments: ItemsTotals;
  readonly embeds: ItemsTotals;
  readonly captions: ItemsTotals;
}

/** The seed evaluation: per file, and totals. */
export interface SeedsResult {
  readonly dataset: string;
  readonly files: readonly SeedFileResult[];
  readonly totals: SeedsTotals;
}

/** The fields scored for each kind of item, in report order. */
export const ITEM_FIELDS = {
  comments: ['text', 'author', 'display_name', 'posted', 'depth', 'parent', 'quotes', 'likes'],
  embeds: ['text', 'kind', 'author', 'display_name', 'date'],
  captions: ['text', 'credit'],
} as const;

interface GoldComment {
  readonly author: string | null;
  readonly display_name?: string | null;
  readonly posted: string | null;
  readonly depth: number;
  readonly parent: number | null;
  readonly quotes?: string | null;
  readonly likes?: number | null;
  readonly starts: string;
}

interface GoldEmbed {
  readonly kind: string;
  readonly author: string | null;
  readonly display_name?: string | null;
  readonly date: string | null;
  readonly text: string;
}

/** Gold captions are either the caption text alone or text with its credit. */
type GoldCaption = string | { readonly text: string; readonly credit?: string | null };

interface GoldSeed {
  readonly file: string;
  readonly title: string;
  readonly published: {
    readonly date: string | null;
    readonly not_after?: string | null;
    readonly time?: string | null;
    readonly updated?: string | null;
  };
  readonly body_first: string;
  readonly body_last: string;
  readonly not_in_body: readonly string[];
  readonly standfirst?: string | null;
  readonly captions: readonly GoldCaption[];
  readonly embeds: readonly GoldEmbed[];
  readonly comments: readonly GoldComment[];
}

/** Cleans every seed article in `dir` (holding the .txt files and gold/) and scores it against its gold. */
export function seedsScore(dir: string): SeedsResult {
  const goldDir = join(dir, 'gold');
  const files = readdirSync(goldDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const goldPath = join(goldDir, name);
      const raw = JSON.parse(readFileSync(goldPath, 'utf8')) as Record<string, unknown>;
      const gold = checkGold(raw, goldPath);
      return scoreSeed(raw, cleanSeed(join(dir, gold.file)), { source: goldPath });
    });
  return { dataset: dir, files, totals: totalsOf(files) };
}

/** Scores one cleaned document (or why cleaning failed) against one gold record as read from its JSON file. */
export function scoreSeed(raw: Readonly<Record<string, unknown>>, cleaned: Doc | string, options: { readonly source?: string } = {}): SeedFileResult {
  const gold = checkGold(raw, options.source ?? '(gold record)');
  const doc = typeof cleaned === 'string' ? null : cleaned;
  const body = norm(doc?.body ?? '');
  const first = norm(gold.body_first);
  const last = norm(gold.body_last);
  return {
    file: gold.file,
    error: typeof cleaned === 'string' ? cleaned : null,
    title: check(gold.title, doc?.title ?? null),
    bodyFirst: { right: doc !== null && body.startsWith(first), expected: first, actual: body.slice(0, first.length + 20) },
    bodyLast: { right: doc !== null && body.endsWith(last), expected: last, actual: body.slice(-(last.length + 20)) },
    notInBody: { total: gold.not_in_body.length, found: gold.not_in_body.filter((snippet) => body.includes(norm(snippet))) },
    standfirst: typeof gold.standfirst === 'string' ? check(gold.standfirst, doc?.standfirst ?? null) : null,
    published: scorePublished(gold.published, doc?.published ?? null),
    comments: scoreComments(gold.comments, doc),
    embeds: scoreEmbeds(gold.embeds, doc),
    captions: scoreCaptions(gold.captions, doc),
    unscored: Object.keys(raw).filter((key) => LATER_ISSUE_FIELDS.includes(key)),
  };
}

/**
 * Date where gold has a date; where gold has only a `not_after` bound, no date and that bound; where
 * gold says unknown, no date and no bound. Time and update stamp are checked where gold gives them.
 */
function scorePublished(gold: GoldSeed['published'], published: Published | null): PublishedCheck {
  const notAfter = gold.not_after ?? null;
  const kind: PublishedKind = gold.date !== null ? 'date' : notAfter !== null ? 'bound' : 'unknown';
  const expected = kind === 'date' ? `date ${gold.date}` : kind === 'bound' ? `no date, not after ${notAfter}` : 'unknown';
  const actual = published === null ? '(no document)' : describePublished(published);
  let right = false;
  if (published !== null) {
    if (kind === 'date') right = published.date === gold.date;
    else if (kind === 'bound') right = published.date === null && published.not_after === notAfter;
    else right = published.date === null && published.not_after === null && published.not_before === null;
  }
  // Gold writes times in UTC with a Z ("HH:MMZ", "YYYY-MM-DDTHH:MMZ"); the Doc keeps HH:MM as written.
  const time =
    typeof gold.time === 'string'
      ? minuteCheck(gold.time.replace(/Z$/, ''), published?.time ?? null, (value) => value.slice(0, 5))
      : null;
  const updated =
    typeof gold.updated === 'string'
      ? minuteCheck(gold.updated.replace(/Z$/, '').slice(0, 16), published?.updated ?? null, (value) =>
          value.replace(' ', 'T').slice(0, 16),
        )
      : null;
  return { kind, right, expected, actual, time, updated };
}

/**
 * Comments are paired with gold by their opening words (`starts`), else by position; a reply's parent
 * is right when it points at the comment paired with gold's parent.
 */
function scoreComments(gold: readonly GoldComment[], doc: Doc | null): ItemsResult {
  const predicted = doc?.comments ?? [];
  const sameText = (g: GoldComment, p: (typeof predicted)[number]): boolean => norm(p.text).startsWith(norm(g.starts));
  const pairs = align(gold, predicted, sameText);
  const predToGold = new Map<number, number>();
  pairs.forEach((p, g) => {
    if (p !== null) predToGold.set(p, g);
  });
  const tallies = new Tallies('comment', ITEM_FIELDS.comments);
  gold.forEach((g, i) => {
    const at = pairs[i];
    const p = at === null || at === undefined ? undefined : predicted[at];
    tallies.item(i, p !== undefined, g.starts);
    tallies.add(i, 'text', p !== undefined && sameText(g, p), g.starts, p?.text.slice(0, g.starts.length + 20));
    tallies.add(i, 'author', p !== undefined && eqText(g.author, p.author), g.author, p?.author);
    if ('display_name' in g) tallies.add(i, 'display_name', p !== undefined && eqText(g.display_name ?? null, p.display_name), g.display_name, p?.display_name);
    tallies.add(i, 'posted', p !== undefined && eqMinute(g.posted, p.posted), g.posted, p?.posted);
    tallies.add(i, 'depth', p !== undefined && p.depth === g.depth, g.depth, p?.depth);
    const parentRight =
      p !== undefined && (g.parent === null ? p.parent === null : p.parent !== null && predToGold.get(p.parent) === g.parent);
    tallies.add(i, 'parent', parentRight, g.parent, p?.parent);
    if ('quotes' in g) tallies.add(i, 'quotes', p !== undefined && eqText(g.quotes ?? null, p.quotes), g.quotes, p?.quotes);
    if ('likes' in g) tallies.add(i, 'likes', p !== undefined && p.likes === (g.likes ?? null), g.likes, p?.likes);
  });
  return tallies.result(gold.length, predicted.length);
}

/** Embeds are paired by text (the predicted text contains gold's), else by position; handles compare without `@` and case. */
function scoreEmbeds(gold: readonly GoldEmbed[], doc: Doc | null): ItemsResult {
  const predicted = doc?.embeds ?? [];
  const sameText = (g: GoldEmbed, p: (typeof predicted)[number]): boolean => norm(p.text).includes(norm(g.text));
  const pairs = align(gold, predicted, sameText);
  const tallies = new Tallies('embed', ITEM_FIELDS.embeds);
  gold.forEach((g, i) => {
    const at = pairs[i];
    const p = at === null || at === undefined ? undefined : predicted[at];
    tallies.item(i, p !== undefined, g.text);
    tallies.add(i, 'text', p !== undefined && sameText(g, p), g.text, p?.text);
    tallies.add(i, 'kind', p !== undefined && p.kind === g.kind, g.kind, p?.kind);
    tallies.add(i, 'author', p !== undefined && handle(g.author) === handle(p.author), g.author, p?.author);
    if ('display_name' in g) tallies.add(i, 'display_name', p !== undefined && eqText(g.display_name ?? null, p.display_name), g.display_name, p?.display_name);
    tallies.add(i, 'date', p !== undefined && (p.date?.slice(0, 10) ?? null) === g.date, g.date, p?.date);
  });
  return tallies.result(gold.length, predicted.length);
}

/** Captions are paired by exact text, else by position; the credit is scored where gold gives one. */
function scoreCaptions(gold: readonly GoldCaption[], doc: Doc | null): ItemsResult {
  const predicted = doc?.captions ?? [];
  const goldItems = gold.map((g) => (typeof g === 'string' ? { text: g } : g));
  const sameText = (g: (typeof goldItems)[number], p: (typeof predicted)[number]): boolean => norm(p.text) === norm(g.text);
  const pairs = align(goldItems, predicted, sameText);
  const tallies = new Tallies('caption', ITEM_FIELDS.captions);
  goldItems.forEach((g, i) => {
    const at = pairs[i];
    const p = at === null || at === undefined ? undefined : predicted[at];
    tallies.item(i, p !== undefined, g.text);
    tallies.add(i, 'text', p !== undefined && sameText(g, p), g.text, p?.text);
    if ('credit' in g) tallies.add(i, 'credit', p !== undefined && eqText(g.credit ?? null, p.credit), g.credit, p?.credit);
  });
  return tallies.result(goldItems.length, predicted.length);
}

/** Gold index → predicted index: first by a text match, then the same position if it is still free. */
function align<G, P>(gold: readonly G[], predicted: readonly P[], sameText: (g: G, p: P) => boolean): (number | null)[] {
  const used = new Set<number>();
  const pairs: (number | null)[] = gold.map((g) => {
    const at = predicted.findIndex((p, j) => !used.has(j) && sameText(g, p));
    if (at < 0) return null;
    used.add(at);
    return at;
  });
  return pairs.map((at, i) => {
    if (at !== null || i >= predicted.length || used.has(i)) return at;
    used.add(i);
    return i;
  });
}

/** Counts right fields per item kind and words each miss for people. */
class Tallies {
  private readonly right = new Map<string, number>();
  private readonly total = new Map<string, number>();
  private readonly misses: string[] = [];
  private paired = true;

  constructor(
    private readonly noun: string,
    private readonly fields: readonly string[],
  ) {}

  /** Starts a gold item; one without a paired prediction gets one line, not one per field. */
  item(index: number, paired: boolean, text: string): void {
    this.paired = paired;
    if (!paired) this.misses.push(`${this.noun} ${index} not found: ${show(text)}`);
  }

  add(index: number, field: string, right: boolean, expected: unknown, actual: unknown): void {
    this.total.set(field, (this.total.get(field) ?? 0) + 1);
    if (right) this.right.set(field, (this.right.get(field) ?? 0) + 1);
    else if (this.paired) this.misses.push(`${this.noun} ${index} ${field}: expected ${show(expected)}, got ${show(actual)}`);
  }

  result(expected: number, predicted: number): ItemsResult {
    const fields: Record<string, Tally> = {};
    for (const field of this.fields) fields[field] = { right: this.right.get(field) ?? 0, total: this.total.get(field) ?? 0 };
    return { expected, predicted, countRight: expected === predicted, fields, misses: this.misses };
  }
}


function totalsOf(files: readonly SeedFileResult[]): SeedsTotals {
  const count = (pick: (file: SeedFileResult) => Check | null): Tally => {
    const checks = files.map(pick).filter((c): c is Check => c !== null);
    return { right: checks.filter((c) => c.right).length, total: checks.length };
  };
  const items = (pick: (file: SeedFileResult) => ItemsResult, names: readonly string[]): ItemsTotals => {
    const fields: Record<string, Tally> = {};
    for (const name of names) {
      fields[name] = {
        right: files.reduce((sum, file) => sum + (pick(file).fields[name]?.right ?? 0), 0),
        total: files.reduce((sum, file) => sum + (pick(file).fields[name]?.total ?? 0), 0),
      };
    }
    return {
      countRight: { right: files.filter((file) => pick(file).countRight).length, total: files.length },
      expected: files.reduce((sum, file) => sum + pick(file).expected, 0),
      predicted: files.reduce((sum, file) => sum + pick(file).predicted, 0),
      fields,
    };
  };
  return {
    files: files.length,
    cleaned: { right: files.filter((file) => file.error === null).length, total: files.length },
    title: count((file) => file.title),
    bodyFirst: count((file) => file.bodyFirst),
    bodyLast: count((file) => file.bodyLast),
    notInBody: {
      found: files.reduce((sum, file) => sum + file.notInBody.found.length, 0),
      total: files.reduce((sum, file) => sum + file.notInBody.total, 0),
    },
    standfirst: count((file) => file.standfirst),
    published: count((file) => file.published),
    publishedTime: count((file) => file.published.time),
    publishedUpdated: count((file) => file.published.updated),
    comments: items((file) => file.comments, ITEM_FIELDS.comments),
    embeds: items((file) => file.embeds, ITEM_FIELDS.embeds),
    captions: items((file) => file.captions, ITEM_FIELDS.captions),
  };
}

/** Checks the gold fields the scorers read, so a malformed gold file fails with its name, not deep inside a scorer. */
function checkGold(raw: Readonly<Record<string, unknown>>, path: string): GoldSeed {
  const problems: string[] = [];
  const need = (key: string, ok: (value: unknown) => boolean, what: string): void => {
    if (!ok(raw[key])) problems.push(`"${key}" should be ${what}, got ${JSON.stringify(raw[key])?.slice(0, 60)}`);
  };
  const isString = (v: unknown): boolean => typeof v === 'string';
  need('file', isString, 'a file name');
  need('title', isString, 'a string');
  need('body_first', isString, 'a string');
  need('body_last', isString, 'a string');
  need('not_in_body', (v) => Array.isArray(v) && v.every(isString), 'an array of strings');
  need('published', (v) => typeof v === 'object' && v !== null && 'date' in v, 'an object with "date"');
  for (const key of ['captions', 'embeds', 'comments']) need(key, Array.isArray, 'an array');
  if (problems.length > 0) throw new Error(`Gold file "${path}" is malformed: ${problems.join('; ')}`);
  return raw as unknown as GoldSeed;
}

function describePublished(published: Published): string {
  if (published.date !== null) return `date ${published.date}${published.time ? ` ${published.time}` : ''}`;
  const bounds = [
    published.not_before !== null ? `not before ${published.not_before}` : null,
    published.not_after !== null ? `not after ${published.not_after}` : null,
  ].filter((b) => b !== null);
  return bounds.length > 0 ? `no date, ${bounds.join(', ')}` : 'unknown';
}

function minuteCheck(expected: string, actual: string | null, cut: (value: string) => string): Check {
  return { right: actual !== null && cut(actual) === expected, expected, actual: actual ?? '(none)' };
}

function check(expected: string, actual: string | null): Check {
  return { right: actual !== null && norm(actual) === norm(expected), expected, actual: actual ?? '(none)' };
}

/** Whitespace-normalised text, for comparisons that should not depend on line breaks. */
function norm(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function eqText(expected: string | null, actual: string | null): boolean {
  return expected === null || actual === null ? expected === actual : norm(expected) === norm(actual);
}

/** Same minute: gold's "YYYY-MM-DDTHH:MM" against the Doc's, tolerating seconds or a space for the T. */
function eqMinute(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  return actual.replace(' ', 'T').slice(0, 16) === expected.slice(0, 16);
}

function handle(author: string | null): string | null {
  return author === null ? null : author.trim().replace(/^@/, '').toLowerCase();
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value !== 'string') return JSON.stringify(value);
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value);
}
