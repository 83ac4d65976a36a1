/**
 * Who asserts an event and how firmly: reporting verbs and their subjects ("X said", "according
 * to sources", "local outlets have reported"), quotes and their speaker, hedges ("allegedly",
 * "reportedly"), denial and negation ("rejected reports that", "has not crossed"), and modality
 * ("will", "plans to", "could", "if"). Cue words are data (data/events/attribution-cues.json).
 */
import type { Doc } from '../../doc/types.js';
import type { Attribution, AttributionKind, Certainty, PloverType } from './event-span.js';
import type { Mention } from './event-arguments.js';
import type { EventLexicon } from './lexicon.js';
import { findPhrases, type PhraseMatch, type PhraseTable, type WordToken } from './phrase-matcher.js';
import { clauseBreakBetween, type SentenceContext } from './sentence-context.js';

/** What a sentence says about its sources, computed once and shared by its events. */
export interface SentenceSource {
  readonly attribution: Attribution;
  /** Token index of the governing reporting verb, or -1. */
  readonly verb: number;
}

/** Speech acts: their own occurrence is what the speaker did, so modality in the sentence does not hedge them. */
export const RHETORIC: ReadonlySet<PloverType> = new Set<PloverType>(['ACCUSE', 'REJECT', 'THREATEN', 'REQUEST', 'SUPPORT']);

const OUTLET: Attribution = { kind: 'outlet', entity: null, text: null, cue: null };

function positions(table: PhraseTable<true>, tokens: readonly WordToken[]): number[] {
  return findPhrases(table, tokens).map((m) => m.first);
}

function sourceKindNear(lex: EventLexicon, tokens: readonly WordToken[], from: number, to: number): { kind: AttributionKind; first: number; last: number } | null {
  const window = tokens.slice(Math.max(0, from), Math.max(0, to));
  const found: { kind: AttributionKind; first: number; last: number }[] = [];
  for (const [kind, table] of lex.sources) {
    for (const m of findPhrases(table, window)) found.push({ kind: kind as AttributionKind, first: m.first + Math.max(0, from), last: m.last + Math.max(0, from) });
  }
  if (found.length === 0) return null;
  // Social media named beside other outlets still makes the claim one of social media.
  return found.find((f) => f.kind === 'social-media') ?? found.find((f) => f.kind === 'media') ?? found[0]!;
}

function speechCapable(m: Mention, lex: EventLexicon): boolean {
  return m.entity ? lex.speechKinds.has(m.entity.kind) : m.class === 'state';
}

/** The source a sentence names for what it tells: a speaker, media, unnamed sources, or the outlet itself. */
export function sentenceSource(ctx: SentenceContext, doc: Doc, mentions: readonly Mention[], lex: EventLexicon): SentenceSource {
  if (ctx.scope === 'embed') {
    const embed = doc.embeds[ctx.regionIndex];
    const kind: AttributionKind = embed && /tweet|twitter|x\.com/i.test(`${embed.kind} ${embed.url ?? ''}`) ? 'tweet' : 'social-media';
    return { attribution: { kind, entity: null, text: embed?.author ?? embed?.display_name ?? null, cue: null }, verb: -1 };
  }
  if (ctx.scope === 'comment') {
    const comment = doc.comments[ctx.regionIndex];
    return { attribution: { kind: 'commenter', entity: null, text: comment?.author ?? comment?.display_name ?? null, cue: null }, verb: -1 };
  }
  const tokens = ctx.tokens;
  // Denial verbs introduce their speaker like reporting verbs ("the ministry rejected reports that ...").
  const verbs = [...findPhrases(lex.reportingVerbs, tokens), ...findPhrases(lex.denialVerbs, tokens)].sort((a, b) => a.first - b.first);
  for (const v of verbs) {
    const according = tokens[v.first]?.lower === 'according';
    // "according to X" names its source after the verb; "X said" before it; '"...," X said' right before it too.
    const candidates = according
      ? mentions.filter((m) => m.first > v.last && m.first <= v.last + 4)
      : mentions.filter((m) => m.last < v.first && m.last >= v.first - 6 && speechCapable(m, lex));
    const speaker = according ? candidates[0] : candidates[candidates.length - 1];
    // A passive report names its source with the verb itself ("it is reported that").
    const source = according ? sourceKindNear(lex, tokens, v.last + 1, v.last + 6) : sourceKindNear(lex, tokens, v.first - 6, v.last + 1);
    const cue = { start: tokens[v.first]!.start, end: tokens[v.last]!.end };
    if (speaker && (!source || speaker.last >= source.last)) {
      const kind: AttributionKind = speaker.entity?.kind === 'media' ? 'media' : 'speaker';
      return { attribution: { kind, entity: speaker.id, text: speaker.text, cue }, verb: v.first };
    }
    if (source) return { attribution: { kind: source.kind, entity: null, text: ctx.tokens.slice(source.first, source.last + 1).map((t) => t.lower).join(' '), cue }, verb: v.first };
  }
  // Witnesses who heard or saw the event ("residents heard shooting") are its source.
  for (const v of findPhrases(lex.perceptionVerbs, tokens)) {
    const source = sourceKindNear(lex, tokens, v.first - 6, v.first);
    if (source?.kind === 'unnamed-sources') {
      const cue = { start: tokens[v.first]!.start, end: tokens[v.last]!.end };
      return { attribution: { kind: source.kind, entity: null, text: tokens.slice(source.first, source.last + 1).map((t) => t.lower).join(' '), cue }, verb: v.first };
    }
  }
  // A source named without a reporting verb of our list ("It is reported by the Jerusalem Post", "sources say").
  const media = mentions.find((m) => m.entity?.kind === 'media');
  if (media) return { attribution: { kind: 'media', entity: media.id, text: media.text, cue: null }, verb: -1 };
  return { attribution: OUTLET, verb: -1 };
}

/** Whether the sentence starts inside a quotation opened earlier in its paragraph, or holds one. */
export function quoted(doc: Doc, ctx: SentenceContext): boolean {
  const from = ctx.segment?.start ?? ctx.start;
  const before = doc.text.slice(from, ctx.start);
  const marks = (before.match(/["“”«»]/g) ?? []).length;
  return marks % 2 === 1 || /["“”«»]/.test(doc.text.slice(ctx.start, ctx.end));
}

/** What certaintyOf reads about one trigger. */
export interface CertaintyQuery {
  readonly lex: EventLexicon;
  /** Doc.text, to find the punctuation that bounds clauses. */
  readonly text: string;
  readonly type: PloverType;
  /** Token indexes of the trigger, inclusive. */
  readonly first: number;
  readonly last: number;
  readonly attribution: Attribution;
}

/** How firmly the text asserts the event whose trigger spans tokens [first, last] of the sentence. */
export function certaintyOf(ctx: SentenceContext, query: CertaintyQuery): Certainty {
  const { lex, text, type, first, last, attribution } = query;
  const tokens = ctx.tokens;
  const isTrigger = (i: number): boolean => i >= first && i <= last;
  // A cue reaches the trigger when no clause boundary stands between them.
  const sameClause = (i: number): boolean => !clauseBreakBetween(text, tokens, i, i < first ? first : last);
  // 1. Denial: a denial verb governing the trigger's clause ("denied that troops had crossed"), or a negator just before it.
  const denials = findPhrases(lex.denialVerbs, tokens).filter((m) => m.last < first && !isTrigger(m.first) && sameClause(m.last));
  // A speech act is negated only right before its verb ("did not condemn"); other events within three words ("has not crossed").
  const reach = RHETORIC.has(type) ? 1 : 3;
  const negated = positions(lex.negators, tokens).some((i) => i < first && i >= first - reach);
  if ((denials.length > 0 && type !== 'REJECT') || negated) return 'denied';
  const rhetoric = RHETORIC.has(type);
  // 2. Modality, for events that may not have happened yet (a speech act has happened by being said).
  if (!rhetoric) {
    const hypothetical = findPhrases(lex.modals.get('hypothetical')!, tokens).some((m) => !(tokens[m.first]!.capital && m.first > 0 && tokens[m.first]!.lower === 'may') && m.last < first && (tokens[m.first]!.lower === 'if' || tokens[m.first]!.lower === 'unless' || m.last >= first - 4));
    if (hypothetical) return 'hypothetical';
  }
  // 3. A speaker's own speech act is asserted by them whatever it is about, unless the outlet only relays it.
  if (rhetoric && findPhrases(lex.relayedSpeech, tokens).length > 0) return 'reported';
  if (rhetoric && attribution.kind === 'speaker') return 'asserted';
  // 4. Hedges: an adverb or participle qualifies its own clause ("a unit reportedly stationed"), or all that
  //    follows when it opens the sentence; a source frame ("according to sources") the whole sentence.
  const bound = new Set(findPhrases(lex.clauseBoundHedges, tokens).map((m) => m.first));
  const opensSentence = (i: number): boolean => i < first && !clauseBreakBetween(text, tokens, 0, i);
  const reaches = (m: PhraseMatch<true>): boolean => !isTrigger(m.first) && (!bound.has(m.first) || sameClause(m.first) || opensSentence(m.first));
  if (findPhrases(lex.hedges.get('alleged')!, tokens).some(reaches)) return 'alleged';
  // A plan in the trigger's own words ("is preparing to bring", "will put up") outweighs the source that tells of it.
  if (!rhetoric && findPhrases(lex.modals.get('expected')!, tokens).some((m) => m.last < first && m.last >= first - 4 && sameClause(m.last))) return 'expected';
  if (findPhrases(lex.hedges.get('reported')!, tokens).some(reaches)) return 'reported';
  switch (attribution.kind) {
    case 'outlet':
    case 'speaker':
      return 'asserted';
    case 'commenter':
      return 'alleged';
    default:
      return 'reported';
  }
}
