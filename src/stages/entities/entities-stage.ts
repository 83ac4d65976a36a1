/**
 * entities: who acts in an article. Finds people, forces, police, governments, organisations and
 * communal groups, links them to the knowledge base across spellings and scripts, and gives each
 * a stable id, a canonical name, a kind and, where the text or the KB says, a role.
 *
 * Written by hand on purpose: no installed NER model knows Kosovo's institutions or the loaded
 * labels of this conflict's press, and the KB plus cue words keep every decision inspectable.
 */
import type { Doc, Span } from '../../doc/types.js';
import type { Stage } from '../../pipeline/stage.js';
import { loadKnowledgeBase, type EntityKind, type KbEntry, type KnowledgeBase, type Qualifier } from './knowledge-base.js';
import { nameKey, slug } from './name-key.js';
import { buildPhraseIndex, longestMatch, type PhraseIndex } from './phrase-index.js';
import { isAllCaps, isCapitalised, joined, wordTokens, type WordToken } from './word-tokens.js';

/** How an entity mention was found. */
export type EntityVia =
  | 'alias'
  | 'context-alias'
  | 'qualified'
  | 'demonym'
  | 'ethnonym-label'
  | 'metonym'
  | 'title'
  | 'apposition'
  | 'unit-pattern'
  | 'back-reference'
  | 'surname'
  | 'members'
  | 'fallback';

/** One mention of an actor. */
export interface EntitySpan extends Span {
  readonly label: EntityKind;
  readonly text: string;
  /** Stable across documents: the KB id when linked, else `x:<kind>:<name slug>`. */
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly role: string | null;
  readonly country: string | null;
  readonly affiliation: string | null;
  readonly linked: boolean;
  readonly via: EntityVia;
  /** Set when a place name stands for its government ("Belgrade warned"). */
  readonly metonym?: true;
  readonly confidence: number;
}

/** What the entities stage assigns. */
export interface EntitiesLayers {
  readonly entities: readonly EntitySpan[];
}

/** A span in the making: an EntitySpan before its text is cut, starting at token offset `first`. */
type Candidate = Omit<EntitySpan, 'start' | 'label' | 'text'> & { readonly first: number };

type CueKind = 'title' | 'modifier';

interface Cues {
  readonly titles: PhraseIndex<CueKind>;
  readonly institutionWords: ReadonlySet<string>;
  readonly metonymVerbs: ReadonlySet<string>;
  readonly metonymPrefixes: ReadonlySet<string>;
  readonly locatives: ReadonlySet<string>;
  readonly speechVerbs: ReadonlySet<string>;
  readonly unitHeads: ReadonlySet<string>;
  readonly unitModifiers: PhraseIndex<true>;
  readonly policeUnits: PhraseIndex<true>;
  readonly orgHeads: ReadonlySet<string>;
  readonly mediaHeads: ReadonlySet<string>;
  readonly notName: ReadonlySet<string>;
}

interface Context {
  readonly text: string;
  readonly tokens: readonly WordToken[];
  readonly kb: KnowledgeBase;
  readonly cues: Cues;
  readonly packsOn: ReadonlySet<string>;
}

const cueCache = new WeakMap<KnowledgeBase, Cues>();

/** The entities stage over a knowledge base (by default data/kb/, loaded once at first use). */
export function createEntitiesStage(options: { readonly knowledgeBase?: () => KnowledgeBase } = {}): Stage<'entities'> {
  const kbOf = options.knowledgeBase ?? (() => loadKnowledgeBase());
  return {
    name: 'entities',
    version: 1,
    requires: [],
    assigns: ['entities'],
    run: (doc: Doc) => ({ entities: findEntities(doc.text, kbOf()) }),
  };
}

/** The default entities stage. */
export const entitiesStage: Stage<'entities'> = createEntitiesStage();

/** Finds every actor mention in a text, sorted by start then end. */
export function findEntities(text: string, kb: KnowledgeBase): EntitySpan[] {
  const tokens = wordTokens(text);
  const ctx: Context = { text, tokens, kb, cues: cuesOf(kb), packsOn: packsInContext(kb, tokens) };
  // 1. Candidates from the KB, state qualifiers, capital metonyms, unit patterns and titles.
  const candidates = [
    ...aliasCandidates(ctx),
    ...qualifiedCandidates(ctx),
    ...metonymCandidates(ctx),
    ...unitCandidates(ctx),
    ...titledPersonCandidates(ctx),
  ];
  // 2. Longest mention wins, then the surest.
  const accepted = resolve(candidates);
  // 3. Unlinked names the cues make people or organisations of.
  accepted.push(...resolve(fallbackCandidates(ctx, accepted)));
  // 4. Surnames alone: back to a full name in this document, else to a well-known KB person.
  const withSurnames = surnameCandidates(ctx, accepted);
  // 5. Roles from titles and appositions; then groupings of states named by their members.
  const withRoles = withSurnames.map((c) => (c.kind === 'person' ? { ...c, role: roleFor(ctx, c) ?? c.role } : c));
  const all = [...withRoles, ...memberGroups(ctx, withRoles)];
  return all
    .map((c) => toSpan(ctx, c))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
}

function cuesOf(kb: KnowledgeBase): Cues {
  const cached = cueCache.get(kb);
  if (cached) return cached;
  const c = kb.cues;
  const keys = (list: readonly string[]): Set<string> => new Set(list.map((w) => nameKey(w)));
  const cues: Cues = {
    titles: buildPhraseIndex<CueKind>(
      [...c.personTitles.map((t) => [t, 'title'] as const), ...c.titleModifiers.map((t) => [t, 'modifier'] as const)],
      false,
    ),
    institutionWords: new Set(c.institutionHeads.map((h) => nameKey(h).split(' ').pop() ?? '')),
    metonymVerbs: keys(c.metonymVerbs),
    metonymPrefixes: keys(c.metonymPrefixes),
    locatives: keys(c.locatives),
    speechVerbs: keys(c.personSpeechVerbs),
    unitHeads: keys(c.unitHeads),
    unitModifiers: buildPhraseIndex(c.unitModifiers.map((m) => [m, true] as const), false),
    policeUnits: buildPhraseIndex(c.policeUnitPhrases.map((m) => [m, true] as const), false),
    orgHeads: keys(c.organisationHeads),
    mediaHeads: keys(c.mediaHeads),
    notName: keys([...c.notNameWords, ...c.months, ...c.weekdays]),
  };
  cueCache.set(kb, cues);
  return cues;
}

function packsInContext(kb: KnowledgeBase, tokens: readonly WordToken[]): Set<string> {
  const haystack = ` ${tokens.map((t) => t.key).join(' ')} `;
  const on = new Set<string>();
  for (const [pack, phrases] of kb.contexts) {
    if (phrases.some((p) => haystack.includes(` ${wordTokens(p).map((t) => t.key).join(' ')} `))) on.add(pack);
  }
  return on;
}

function fromEntry(first: number, end: number, entry: KbEntry, via: EntityVia, confidence: number): Candidate {
  return {
    first, end, id: entry.id, name: entry.name, kind: entry.kind, role: entry.role, country: entry.country,
    affiliation: entry.affiliation, linked: true, via, confidence,
  };
}

function unlinked(first: number, end: number, name: string, kind: EntityKind, via: EntityVia, confidence: number): Candidate {
  return { first, end, id: `x:${kind}:${slug(name)}`, name, kind, role: null, country: null, affiliation: null, linked: false, via, confidence };
}

function previousWord(ctx: Context, i: number): WordToken | undefined {
  const token = ctx.tokens[i - 1];
  return token && joined(ctx.text, token, ctx.tokens[i]!) ? token : undefined;
}

function nextWord(ctx: Context, end: number): WordToken | undefined {
  const token = ctx.tokens[end];
  return token && joined(ctx.text, ctx.tokens[end - 1]!, token) ? token : undefined;
}

function aliasCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < ctx.tokens.length; i += 1) {
    const match = longestMatch(ctx.kb.aliases, ctx.text, ctx.tokens, i, (v) => !v.contextual || ctx.packsOn.has(v.entry.pack));
    const value = match?.values[0];
    if (!match || !value) continue;
    const entry = value.entry;
    // A state after "in", "from", "northern" is a place, which the places stage reports.
    if (entry.kind === 'state' && ctx.cues.locatives.has(previousWord(ctx, i)?.key ?? '')) continue;
    out.push(fromEntry(i, match.end, entry, value.contextual ? 'context-alias' : 'alias', value.contextual ? 0.8 : entry.kind === 'state' ? 0.9 : 0.95));
  }
  return out;
}

function qualifierAt(ctx: Context, i: number): { readonly end: number; readonly qualifiers: readonly Qualifier[] } | null {
  const match = longestMatch(ctx.kb.qualifiers, ctx.text, ctx.tokens, i, (q) => q.pack === null || ctx.packsOn.has(q.pack));
  if (!match) return null;
  let end = match.end;
  // "Serbia's Defence Ministry": the possessive belongs to the qualifier.
  if (ctx.tokens[end]?.key === "'" && ctx.tokens[end + 1]?.key === 's' && ctx.tokens[end]?.start === ctx.tokens[end - 1]?.end) end += 2;
  // Loaded labels first, so "Albanian police" in a Kosovo article reads as Kosovo's police.
  const qualifiers = [...match.values].sort((a, b) => Number(b.via === 'ethnonym-label') - Number(a.via === 'ethnonym-label'));
  return { end, qualifiers };
}

function qualifiedCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text, kb } = ctx;
  for (let i = 0; i < tokens.length; i += 1) {
    // "<qualifier> <generic>": "Serbian Defence Ministry", "Pristina special police units".
    const q = qualifierAt(ctx, i);
    if (q && tokens[q.end] && joined(text, tokens[q.end - 1]!, tokens[q.end]!)) {
      for (const qualifier of q.qualifiers) {
        const g = longestMatch(kb.generics, text, tokens, q.end, (byCountry) => byCountry.has(qualifier.country));
        const entry = g?.values[0]?.get(qualifier.country);
        if (!g || !entry) continue;
        if (qualifier.kinds && !qualifier.kinds.includes(entry.kind)) continue;
        const via: EntityVia = qualifier.via === 'ethnonym-label' ? 'ethnonym-label' : qualifier.via === 'demonym' ? 'demonym' : 'qualified';
        out.push(fromEntry(i, g.end, entry, via, via === 'ethnonym-label' ? 0.7 : 0.85));
        break;
      }
    }
    // "<generic> of <state>", "<generic> in <capital>": "Ministry of Defence of Serbia", "regime in Pristina".
    const g = longestMatch(kb.generics, text, tokens, i);
    const link = tokens[g?.end ?? -1]?.key;
    if (g && (link === 'of' || link === 'in')) {
      let at = g.end + 1;
      if (tokens[at]?.key === 'the') at += 1;
      const after = qualifierAt(ctx, at);
      const wanted = link === 'of' ? 'state' : 'capital';
      const qualifier = after?.qualifiers.find((q2) => q2.via === wanted);
      const entry = qualifier ? g.values[0]?.get(qualifier.country) : undefined;
      if (after && entry) out.push(fromEntry(i, after.end, entry, 'qualified', 0.85));
    }
  }
  return out;
}

function metonymCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, cues } = ctx;
  const capitalAt = (i: number): { end: number; country: string } | null => {
    const match = longestMatch(ctx.kb.qualifiers, ctx.text, tokens, i, (q) => q.via === 'capital');
    const country = match?.values[0]?.country;
    return match && country ? { end: match.end, country } : null;
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const capital = capitalAt(i);
    if (!capital) continue;
    const before = previousWord(ctx, i)?.key ?? '';
    if (cues.locatives.has(before)) continue;
    let isActor = cues.metonymPrefixes.has(before) || cues.metonymVerbs.has(nextWord(ctx, capital.end)?.key ?? '');
    // "Belgrade and Pristina agreed", "talks between Belgrade and Pristina": both capitals act.
    const partnerAt = nextWord(ctx, capital.end)?.key === 'and' ? capitalAt(capital.end + 1) : null;
    if (partnerAt && (before === 'between' || cues.metonymVerbs.has(nextWord(ctx, partnerAt.end)?.key ?? ''))) isActor = true;
    const previousCapital = tokens[i - 1]?.key === 'and' ? findCapitalEndingAt(ctx, i - 1, capitalAt) : null;
    if (previousCapital !== null && (tokens[previousCapital - 1]?.key === 'between' || cues.metonymVerbs.has(nextWord(ctx, capital.end)?.key ?? ''))) isActor = true;
    if (!isActor) continue;
    const government = ctx.kb.entries.get(`kb:${capital.country}:government`);
    if (government) out.push({ ...fromEntry(i, capital.end, government, 'metonym', 0.75), metonym: true });
  }
  return out;
}

function findCapitalEndingAt(ctx: Context, end: number, capitalAt: (i: number) => { end: number } | null): number | null {
  for (let start = Math.max(0, end - 4); start < end; start += 1) {
    if (capitalAt(start)?.end === end) return start;
  }
  return null;
}

function unitCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text, cues } = ctx;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    // "63rd Airborne Brigade", "4th army brigade": an ordinal, modifiers, a unit head.
    if (/^\d+(st|nd|rd|th)$/i.test(token.text)) {
      let j = i + 1;
      for (;;) {
        const modifier = longestMatch(cues.unitModifiers, text, tokens, j);
        if (!modifier || !joined(text, tokens[j - 1]!, tokens[j]!)) break;
        j = modifier.end;
      }
      const head = tokens[j];
      if (head && cues.unitHeads.has(head.key) && joined(text, tokens[j - 1]!, head)) {
        out.push(unlinked(i, j + 1, text.slice(token.start, head.end).replace(/\s+/g, ' '), 'military_unit', 'unit-pattern', 0.7));
      }
    }
    // "Nis Corps": a capitalised name before a capitalised unit head.
    const next = tokens[i + 1];
    if (
      next && isCapitalised(token) && isCapitalised(next) && !cues.notName.has(token.key) && /^(corps|brigade|battalion|regiment|division)$/.test(next.key) &&
      joined(text, token, next)
    ) {
      out.push(unlinked(i, i + 2, `${token.text} ${next.text}`, 'military_unit', 'unit-pattern', 0.65));
    }
    // "special police units" with no state before it: a police unit we cannot link.
    const police = longestMatch(cues.policeUnits, text, tokens, i);
    if (police) out.push(unlinked(i, police.end, text.slice(token.start, tokens[police.end - 1]!.end).toLowerCase(), 'police', 'unit-pattern', 0.5));
  }
  return out;
}

/** Capitalised name words starting at `i` (at most four), or the index `i` itself when none. */
function nameRun(ctx: Context, i: number, max = 4): number {
  let j = i;
  while (j < ctx.tokens.length && j - i < max) {
    const token = ctx.tokens[j]!;
    if (!token.isWord || !isCapitalised(token) || ctx.cues.notName.has(token.key) || /^\d/.test(token.text)) break;
    if (j > i && !joined(ctx.text, ctx.tokens[j - 1]!, token)) break;
    j += 1;
    // "Gërvalla-Schwarz": a hyphen inside a name keeps the run going.
    if (ctx.tokens[j]?.text === '-' && ctx.tokens[j]!.start === token.end && ctx.tokens[j + 1]?.start === ctx.tokens[j]!.end) j += 1;
  }
  return ctx.tokens[j - 1]?.text === '-' ? j - 1 : j;
}

interface TitleChain {
  readonly first: number;
  readonly parts: readonly { readonly first: number; readonly end: number; readonly kind: CueKind | 'qualifier'; readonly qualifier?: Qualifier }[];
}

/** The title phrase right before token `at` ("Serbian President", "former policeman"), if any. */
function titleBefore(ctx: Context, at: number): TitleChain | null {
  const { tokens, text } = ctx;
  const parts: TitleChain['parts'][number][] = [];
  let j = at;
  outer: while (j > 0) {
    // Each part must sit right against what follows it; "Lt. Col." keeps its full stops.
    let last = j;
    if (tokens[j - 1]?.text === '.' && tokens[j - 1]!.end <= tokens[j]!.start) last = j - 1;
    if (last === j && !joined(text, tokens[j - 1]!, tokens[j]!)) break;
    for (let start = Math.max(0, last - 5); start < last; start += 1) {
      const title = longestMatch(ctx.cues.titles, text, tokens, start);
      if (title?.end === last && title.values[0]) {
        parts.unshift({ first: start, end: last, kind: title.values[0] });
        j = start;
        continue outer;
      }
      const q = qualifierAt(ctx, start);
      const qualifier = q?.qualifiers.find((x) => x.via !== 'ethnonym-label');
      if (q?.end === last && qualifier && last === j) {
        parts.unshift({ first: start, end: last, kind: 'qualifier', qualifier });
        j = start;
        continue outer;
      }
    }
    break;
  }
  // Only a real title makes a person ("Serbian Foreign" alone does not); and a qualifier is only
  // read at the left edge ("the Russian Foreign Ministry spokeswoman").
  if (parts.length === 0 || parts[parts.length - 1]!.kind !== 'title') return null;
  return { first: parts[0]!.first, parts };
}

function titledPersonCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i < ctx.tokens.length; i += 1) {
    const token = ctx.tokens[i]!;
    if (!isCapitalised(token) || isAllCaps(token) || ctx.cues.notName.has(token.key)) continue;
    // "spokesman Captain Valdrin Sopaj": a title word is part of the title, not of the name.
    if (longestMatch(ctx.cues.titles, ctx.text, ctx.tokens, i, (k) => k === 'title')) continue;
    const chain = titleBefore(ctx, i);
    if (!chain || chain.parts[chain.parts.length - 1]!.end !== i) continue;
    const end = nameRun(ctx, i);
    if (end === i) continue;
    const name = ctx.text.slice(token.start, ctx.tokens[end - 1]!.end).replace(/\s+/g, ' ');
    out.push(unlinked(i, end, name, 'person', 'title', end - i >= 2 ? 0.8 : 0.6));
  }
  return out;
}

function resolve(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.first - (a.end - a.first) || b.confidence - a.confidence || a.first - b.first);
  const taken: Candidate[] = [];
  const used = new Set<number>();
  for (const c of sorted) {
    let free = true;
    for (let k = c.first; k < c.end; k += 1) if (used.has(k)) free = false;
    if (!free) continue;
    for (let k = c.first; k < c.end; k += 1) used.add(k);
    taken.push(c);
  }
  return taken;
}

function coveredSet(accepted: readonly Candidate[]): Set<number> {
  const covered = new Set<number>();
  for (const c of accepted) for (let k = c.first; k < c.end; k += 1) covered.add(k);
  return covered;
}

/** Whether the line holding token `i` is written in title case (a headline), where capitals say nothing. */
function inTitleCaseLine(ctx: Context, i: number): boolean {
  const { text } = ctx;
  const at = ctx.tokens[i]!.start;
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
  const words = text.slice(lineStart, lineEnd).match(/\p{L}+/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length >= 4 && long.filter((w) => w[0] !== w[0]!.toLowerCase()).length / long.length > 0.6;
}

function fallbackCandidates(ctx: Context, accepted: readonly Candidate[]): Candidate[] {
  const covered = coveredSet(accepted);
  const out: Candidate[] = [];
  const { tokens, text, cues } = ctx;
  for (let i = 0; i < tokens.length; i += 1) {
    if (covered.has(i)) continue;
    const end = nameRun(ctx, i, 5);
    if (end - i < 2 || inTitleCaseLine(ctx, i)) continue;
    let stop = i;
    while (stop < end && !covered.has(stop)) stop += 1;
    if (stop - i < 2) continue;
    const words = tokens.slice(i, stop).filter((t) => t.isWord);
    if (words.some((t) => isAllCaps(t) && t.text.length > 1)) continue;
    // "the Defense Ministry", "Armed Forces": a generic head with no state names nobody.
    const generic = longestMatch(ctx.kb.generics, text, tokens, i);
    if (generic && generic.end >= stop) {
      i = end - 1;
      continue;
    }
    const name = text.slice(tokens[i]!.start, tokens[stop - 1]!.end).replace(/\s+/g, ' ');
    const last = tokens[stop - 1]!.key;
    const after = nextWord(ctx, stop);
    const before = [tokens[i - 2]?.key, tokens[i - 1]?.key].join(' ');
    if (cues.mediaHeads.has(last)) out.push(unlinked(i, stop, name, 'media', 'fallback', 0.5));
    else if (cues.orgHeads.has(last)) out.push(unlinked(i, stop, name, 'organisation', 'fallback', 0.5));
    else if (words.length <= 3 && (cues.speechVerbs.has(after?.key ?? '') || before === 'according to' || appositionAfter(ctx, stop) !== null)) {
      out.push(unlinked(i, stop, name, 'person', 'fallback', 0.55));
    }
    i = end - 1;
  }
  return out;
}

function surnameCandidates(ctx: Context, accepted: readonly Candidate[]): Candidate[] {
  // Full names of people in this document, by the key of their last word.
  const bySurname = new Map<string, Candidate | null>();
  for (const c of accepted) {
    if (c.kind !== 'person' || c.end - c.first < 2) continue;
    for (const key of [ctx.tokens[c.end - 1]!.key, nameKey(c.name.split(/\s+/).pop() ?? '')]) {
      const old = bySurname.get(key);
      bySurname.set(key, old === undefined || old?.id === c.id ? c : null);
    }
  }
  const relink = (first: number, end: number, key: string, role: string | null): Candidate | null => {
    const full = bySurname.get(key);
    if (full) return { ...full, first, end, role: role ?? full.role, via: 'back-reference', confidence: 0.85 };
    const known = ctx.kb.surnames.get(key);
    return known ? { ...fromEntry(first, end, known, 'surname', 0.75), role: role ?? known.role } : null;
  };
  const covered = coveredSet(accepted);
  const out: Candidate[] = [];
  for (const c of accepted) {
    // "President Vucic": a titled single name is a surname.
    const again = c.kind === 'person' && !c.linked && c.end - c.first === 1 ? relink(c.first, c.end, ctx.tokens[c.first]!.key, c.role) : null;
    out.push(again ?? c);
  }
  for (let i = 0; i < ctx.tokens.length; i += 1) {
    const token = ctx.tokens[i]!;
    if (covered.has(i) || !token.isWord || !isCapitalised(token) || ctx.cues.notName.has(token.key)) continue;
    const found = relink(i, i + 1, token.key, null);
    if (found) out.push(found);
  }
  return out;
}

/** ", the mayor of Zvečan," after a name: the role phrase, when it holds a title. */
function appositionAfter(ctx: Context, end: number): string | null {
  const { tokens, text } = ctx;
  if (tokens[end]?.text !== ',') return null;
  let j = end + 1;
  if (['the', 'a', 'an'].includes(tokens[j]?.key ?? '')) j += 1;
  const start = j;
  let hasTitle = false;
  while (j < tokens.length && j - start < 10 && tokens[j]!.isWord) {
    if (!hasTitle && longestMatch(ctx.cues.titles, text, tokens, j, (k) => k === 'title')) hasTitle = true;
    j += 1;
  }
  const stopper = tokens[j]?.text;
  if (!hasTitle || j === start || (stopper !== ',' && stopper !== '.' && stopper !== ';')) return null;
  return text.slice(tokens[start]!.start, tokens[j - 1]!.end).replace(/\s+/g, ' ');
}

function roleFor(ctx: Context, c: Candidate): string | null {
  const chain = titleBefore(ctx, c.first);
  if (chain) return roleFromTitle(ctx, chain);
  return appositionAfter(ctx, c.end);
}

function roleFromTitle(ctx: Context, chain: TitleChain): string {
  const { text, tokens } = ctx;
  const surface = (first: number, end: number): string => text.slice(tokens[first]!.start, tokens[end - 1]!.end).replace(/\s+/g, ' ');
  const parts = chain.parts;
  const head = parts[0]!;
  const qualifier = head.kind === 'qualifier' ? head.qualifier : undefined;
  const rest = qualifier ? parts.slice(1) : parts;
  if (rest.length === 0) return surface(chain.first, parts[parts.length - 1]!.end);
  const state = qualifier ? ctx.kb.states.get(qualifier.country) : undefined;
  const adjective = state ? (qualifier?.via === 'demonym' ? surface(head.first, head.end) : state.demonyms[0] ?? state.name) : null;
  // "Foreign Ministry spokeswoman": the person's title after the institution's name.
  let split = -1;
  rest.forEach((part, k) => {
    if (ctx.cues.institutionWords.has(tokens[part.end - 1]!.key) && k < rest.length - 1) split = k;
  });
  // Without a state the title reads best as written ("police spokesman Captain").
  if (split >= 0 && adjective) {
    const institution = surface(rest[0]!.first, rest[split]!.end);
    const personal = surface(rest[split + 1]!.first, rest[rest.length - 1]!.end);
    return `${personal}, ${adjective} ${institution}`;
  }
  const title = surface(rest[0]!.first, rest[rest.length - 1]!.end);
  return state ? `${title} of ${state.of}` : title;
}

function memberGroups(ctx: Context, accepted: readonly Candidate[]): Candidate[] {
  const groups = [...ctx.kb.entries.values()].filter((e) => e.members.length > 0);
  if (groups.length === 0) return [];
  const states = accepted.filter((c) => c.kind === 'state' && c.country).sort((a, b) => a.first - b.first);
  const out: Candidate[] = [];
  let chain: Candidate[] = [];
  const flush = (): void => {
    const members = new Set(chain.map((c) => c.country));
    const group = groups.find((g) => g.members.length === members.size && g.members.every((m) => members.has(m)));
    if (chain.length >= 2 && group) out.push(fromEntry(chain[0]!.first, chain[chain.length - 1]!.end, group, 'members', 0.8));
    chain = [];
  };
  for (const c of states) {
    const previous = chain[chain.length - 1];
    const gap = previous ? ctx.text.slice(ctx.tokens[previous.end - 1]!.end, ctx.tokens[c.first]!.start) : '';
    if (previous && !/^\s*(,|,?\s*and)\s*(the\s+)?$/i.test(gap)) flush();
    chain.push(c);
  }
  flush();
  return out;
}

function toSpan(ctx: Context, c: Candidate): EntitySpan {
  const start = ctx.tokens[c.first]!.start;
  const end = ctx.tokens[c.end - 1]!.end;
  return {
    start, end, label: c.kind, text: ctx.text.slice(start, end), id: c.id, name: c.name, kind: c.kind, role: c.role,
    country: c.country, affiliation: c.affiliation, linked: c.linked, via: c.via,
    ...(c.metonym ? { metonym: true as const } : {}),
    confidence: c.confidence,
  };
}
