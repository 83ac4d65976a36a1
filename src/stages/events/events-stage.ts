/**
 * events: what happened. Finds event triggers per sentence with the PLOVER lexicon
 * (data/events/triggers.json), and for each event its actors and recipients, place, date,
 * counts, ACLED coding, who asserts it and how firmly, its scope (article, or a comment, embed
 * or caption as evidence of their own), and its salience. Rules over the earlier layers, so an
 * analyst can read why each event was coded (`rule`).
 */
import type { Doc } from '../../doc/types.js';
import type { Stage } from '../../pipeline/stage.js';
import { acledTypeOf } from './acled-type.js';
import { RHETORIC, certaintyOf, quoted, sentenceSource, type SentenceSource } from './attribution.js';
import { headlinePlace, mentionsOf, pickActors, pickDate, pickPlace, pickQuantities, type Mention } from './event-arguments.js';
import type { Certainty, EventActor, EventSpan, EventsLayers, PloverType } from './event-span.js';
import { eventLexicon, type EventLexicon, type TriggerEntry, type TriggerValue } from './lexicon.js';
import { findPhrases, type PhraseMatch } from './phrase-matcher.js';
import { mergeDuplicates, type MergeableDraft } from './merge-duplicates.js';
import { clauseBreakBetween, sentenceContexts, type SentenceContext } from './sentence-context.js';

/** Finds the events of a Doc; requires sentences, entities, places and dates (quantities when present). */
export const eventsStage: Stage<'events'> = {
  name: 'events',
  version: 3,
  requires: ['sentences', 'entities', 'places', 'dates'],
  assigns: ['events'],
  run: (doc: Doc): EventsLayers => ({ events: findEvents(doc, eventLexicon()) }),
};

interface Draft extends MergeableDraft {
  readonly order: number;
  readonly weight: number;
}

const REGION_WEIGHT: Readonly<Record<string, number>> = { title: 3, standfirst: 2.5, caption: 0.5, embed: 0.6, comment: 0.2 };
const CERTAINTY_WEIGHT: Readonly<Record<Certainty, number>> = { asserted: 1, reported: 0.9, alleged: 0.8, expected: 0.7, hypothetical: 0.5, denied: 0.6 };

/** Events of a Doc, sorted by offset, with ids and ranks in salience order (e1 the headline event). */
export function findEvents(doc: Doc, lex: EventLexicon): EventSpan[] {
  const contexts = sentenceContexts(doc).filter((c) => c.scope !== null);
  const headline = headlinePlace(contexts);
  // 1. Sources per sentence; quotes without their own take their paragraph's speaker.
  const mentionsBySentence = contexts.map((c) => mentionsOf(c, doc.text, lex));
  const sources: SentenceSource[] = contexts.map((c, i) => sentenceSource(c, doc, mentionsBySentence[i]!, lex));
  contexts.forEach((c, i) => {
    if (sources[i]!.attribution.kind !== 'outlet' || !quoted(doc, c)) return;
    const speaker = contexts.findIndex((o, j) => o.segment === c.segment && sources[j]!.attribution.kind === 'speaker');
    if (speaker >= 0) sources[i] = { ...sources[speaker]!, verb: -1 };
  });
  // 2. Triggers and their events.
  const drafts: Draft[] = [];
  contexts.forEach((ctx, i) => {
    drafts.push(...sentenceEvents(doc, ctx, { contexts, index: i }, mentionsBySentence[i]!, sources[i]!, headline, lex, drafts.length));
  });
  // 3. A headline summarises the body: its event takes the source and certainty the body gives the same type of event.
  const final = drafts.map((d) => {
    if (!d.headline) return d;
    const body = drafts.find((o) => !o.headline && o.scope === 'article' && o.type === d.type);
    return body ? { ...d, attribution: body.attribution, certainty: body.certainty, salience: round(d.salience * CERTAINTY_WEIGHT[body.certainty] / CERTAINTY_WEIGHT[d.certainty]) } : d;
  });
  // 4. One event told twice (headline and body, or neighbouring sentences) is one event.
  const merged = mergeDuplicates(final);
  // 5. Salience: ids and ranks by it, the layer itself by offset.
  const ranked = [...merged].sort((a, b) => b.salience - a.salience || a.order - b.order);
  const rankOf = new Map(ranked.map((d, i) => [d, i + 1]));
  return merged
    .map((d): EventSpan => {
      const { order: _order, headline: _headline, weight: _weight, sentence: _sentence, segmentStart: _segment, anaphoric: _anaphoric, ...rest } = d;
      const rank = rankOf.get(d)!;
      return { ...rest, id: `e${rank}`, rank };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end || a.rank - b.rank);
}

function blocked(lex: EventLexicon, ctx: SentenceContext, m: PhraseMatch<TriggerValue>): boolean {
  const after = lex.blockersAfter.get(m.phrase.value.phrase);
  if (after && findPhrases(after, ctx.tokens.slice(m.last + 1, m.last + 4)).length > 0) return true;
  const before = lex.blockersBefore.get(m.phrase.value.phrase);
  return before !== undefined && findPhrases(before, ctx.tokens.slice(Math.max(0, m.first - 2), m.first)).length > 0;
}

// A trigger governed by "according to", "toward", "to prevent" ... within a few words and the same clause names no happening.
function nonEventive(lex: EventLexicon, ctx: SentenceContext, doc: Doc, m: PhraseMatch<TriggerValue>): boolean {
  const type = m.phrase.value.entry.type;
  const from = Math.max(0, m.first - lex.nonEventiveWindow - 4);
  for (const rule of lex.nonEventive) {
    if (rule.types && !rule.types.has(type)) continue;
    for (const g of findPhrases(rule.governors, ctx.tokens.slice(from, m.first))) {
      const last = g.last + from;
      if (m.first - last - 1 <= lex.nonEventiveWindow && !clauseBreakBetween(doc.text, ctx.tokens, last, m.first)) return true;
    }
  }
  return false;
}

// Longest matches first; a token belongs to one trigger.
function triggersOf(ctx: SentenceContext, lex: EventLexicon, doc: Doc): PhraseMatch<TriggerValue>[] {
  const all = findPhrases(lex.triggers, ctx.tokens);
  all.sort((a, b) => (b.last - b.first) - (a.last - a.first) || b.phrase.value.entry.weight - a.phrase.value.entry.weight || a.first - b.first);
  const used = new Set<number>();
  const kept: PhraseMatch<TriggerValue>[] = [];
  for (const m of all) {
    let free = true;
    for (let i = m.first; i <= m.last; i += 1) if (used.has(i)) free = false;
    if (!free) continue;
    for (let i = m.first; i <= m.last; i += 1) used.add(i);
    // A blocked phrase still claims its tokens, so "raid" inside a blocked "air raid" does not fire alone.
    if (!blocked(lex, ctx, m) && !nonEventive(lex, ctx, doc, m)) kept.push(m);
  }
  return kept.sort((a, b) => a.first - b.first);
}

// Speech acts whose complement names an action that has not happened: "called on X to halt attacks", "threatened to impose", "refused to deploy".
const FRAMING: ReadonlySet<PloverType> = new Set<PloverType>(['REQUEST', 'THREATEN', 'REJECT']);

// Token range (from, to] of what a request, threat or refusal names, or an empty range.
function requestedSpan(ctx: SentenceContext, triggers: readonly PhraseMatch<TriggerValue>[], lex: EventLexicon, speaking: boolean): { from: number; to: number } {
  const tokens = ctx.tokens;
  for (const frame of triggers.filter((m) => FRAMING.has(m.phrase.value.entry.type) && (speaking || !m.phrase.value.entry.needsSpeaker))) {
    // An obligation in reported speech ("Iraq must cooperate") frames what follows it without a linking word; a refusal
    // frames only an infinitive ("refused to deploy"): what a denial denies ("denied that troops crossed") is a denied event.
    const link = frame.phrase.value.entry.mode === 'must'
      || (frame.phrase.value.entry.type === 'REJECT'
        ? tokens[frame.last + 1]?.lower === 'to' || tokens[frame.last]?.lower === 'to'
        : findPhrases(lex.requestLinks, tokens.slice(frame.last, frame.last + 4)).length > 0
          || findPhrases(lex.requestLinks, tokens.slice(frame.last + 1, frame.last + 4)).length > 0);
    if (link) return { from: frame.last, to: contentEnd(ctx, lex, frame.last) };
  }
  return { from: -1, to: -1 };
}

// Token range (from, to] of what an offer or commitment ("agreed to", "is willing to") commits to, or an empty range.
function committedSpan(ctx: SentenceContext, triggers: readonly PhraseMatch<TriggerValue>[], lex: EventLexicon): { from: number; to: number } {
  const offer = triggers.find((m) => m.phrase.value.entry.type === 'AGREE' && m.phrase.value.entry.mode === 'offer');
  return offer ? { from: offer.last, to: contentEnd(ctx, lex, offer.last) } : { from: -1, to: -1 };
}

// The last token of a request's or offer's content begun after token `after`: up to a subordinate clause or reporting verb.
function contentEnd(ctx: SentenceContext, lex: EventLexicon, after: number): number {
  const stops = [...findPhrases(lex.requestContentStops, ctx.tokens), ...findPhrases(lex.reportingVerbs, ctx.tokens)].map((s) => s.first).filter((i) => i > after);
  return stops.length > 0 ? Math.min(...stops) - 1 : ctx.tokens.length - 1;
}

// Words that open a subordinate clause or phrase: what follows is background to the main clause's event ("suspended aid after gunmen attacked").
const SUBORDINATORS = new Set(['after', 'before', 'following', 'since', 'because', 'as', 'when', 'while', 'whilst', 'amid', 'amidst', 'which', 'who', 'whom', 'whose', 'where', 'until', 'despite', 'although', 'though', 'whereas']);
const SUBORDINATE_WEIGHT = 0.5;
// Cooperative acts whose announcement for later is a promise (AGREE).
const PROMISABLE: ReadonlySet<PloverType> = new Set<PloverType>(['SUPPORT', 'AID', 'CONCEDE', 'RETREAT', 'COOPERATE', 'CONSULT']);

// Whether the trigger at token `first` stands in a subordinate clause: a subordinator before it with no clause break between.
function subordinate(doc: Doc, ctx: SentenceContext, first: number): boolean {
  for (let i = first - 1; i >= 0; i -= 1) {
    if (clauseBreakBetween(doc.text, ctx.tokens, i, i + 1)) return false;
    if (SUBORDINATORS.has(ctx.tokens[i]!.lower)) return !(ctx.tokens[i]!.lower === 'as' && ['such', 'well', 'soon'].includes(ctx.tokens[i - 1]?.lower ?? ''));
  }
  return false;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function regionWeight(ctx: SentenceContext): number {
  if (ctx.region === 'body') return ctx.regionIndex === 0 ? 2 : ctx.regionIndex === 1 ? 1.5 : 1 / (1 + 0.1 * ctx.regionIndex);
  return REGION_WEIGHT[ctx.region ?? ''] ?? 0.5;
}

function retyped(entry: TriggerEntry, actors: readonly EventActor[], lex: EventLexicon): { type: PloverType; mode: string; sub_event: string | null } {
  const cls = actors[0]?.class ?? null;
  for (const rule of lex.retype) {
    if (rule.from.type === entry.type && rule.from.mode === entry.mode && cls !== null && rule.actorClasses.includes(cls)) return rule.to;
  }
  return { type: entry.type, mode: entry.mode, sub_event: entry.sub_event };
}

// Protesters and rioters are what the event makes them, whatever noun names them.
function withEventClass(actors: readonly EventActor[], type: PloverType, mode: string): EventActor[] {
  if (type !== 'PROTEST') return [...actors];
  return actors.map((a) => (a.class === 'civilians' ? { ...a, class: mode === 'riot' ? 'rioters' : 'protesters' } : a));
}

function sentenceEvents(
  doc: Doc, ctx: SentenceContext, at: { readonly contexts: readonly SentenceContext[]; readonly index: number }, mentions: readonly Mention[],
  source: SentenceSource, headline: ReturnType<typeof headlinePlace>, lex: EventLexicon, order: number,
): Draft[] {
  const { contexts } = at;
  const out: Draft[] = [];
  const seen = new Set<PloverType>();
  const speaking = source.attribution.kind === 'speaker';
  const triggers = triggersOf(ctx, lex, doc);
  const requested = requestedSpan(ctx, triggers, lex, speaking);
  const committed = committedSpan(ctx, triggers, lex);
  for (const m of triggers) {
    const entry = m.phrase.value.entry;
    if (entry.needsSpeaker && !speaking) continue;
    // What a request asks for ("called on X to halt attacks") has not happened: the request is the event.
    if (m.first > requested.from && m.first <= requested.to) continue;
    // Nor has what an offer commits to ("agreed to hold joint exercises"): the commitment is the event.
    if (m.first > committed.from && m.first <= committed.to) continue;
    const picked = pickActors(ctx, doc.text, mentions, m.first, m.last);
    const { type, mode, sub_event } = retyped(entry, picked.actors, lex);
    // One event per type and sentence: the first trigger stands for the others.
    if (seen.has(type)) continue;
    seen.add(type);
    let actors = withEventClass(picked.actors, type, mode);
    const recipients = picked.recipients.filter((r) => !actors.some((a) => a.id !== null && a.id === r.id));
    // A speech act with no subject of its own is the speaker's.
    if (actors.length === 0 && RHETORIC.has(type) && speaking) {
      const speaker = mentions.find((x) => x.id === source.attribution.entity && x.text === source.attribution.text);
      if (speaker) actors = [{ id: speaker.id, text: speaker.text, class: speaker.class, start: speaker.start, end: speaker.end }];
    }
    const start = ctx.tokens[m.first]!.start;
    const end = ctx.tokens[m.last]!.end;
    const place = pickPlace(ctx, contexts, headline, start, !RHETORIC.has(type));
    const date = pickDate(ctx, doc, start);
    // A statement the outlet reports of a named actor ("Zakharova called on ...") is that actor's assertion.
    const attribution = RHETORIC.has(type) && source.attribution.kind === 'outlet' && actors[0]?.id
      ? { kind: 'speaker' as const, entity: actors[0].id, text: actors[0].text, cue: { start, end } }
      : source.attribution;
    const told = certaintyOf(ctx, { lex, text: doc.text, type, first: m.first, last: m.last, attribution });
    // A cooperative act announced for later ("will release the prisoners", "will visit Albania") is a promise, PLOVER's AGREE:
    // made by a speaker, the promise itself is what happened.
    const promise = told === 'expected' && PROMISABLE.has(type) && !seen.has('AGREE');
    if (promise) seen.add('AGREE');
    const coded = promise ? { type: 'AGREE' as const, mode: 'promise', sub_event: null } : { type, mode, sub_event };
    const certainty: Certainty = promise && attribution.kind === 'speaker' ? 'asserted' : told;
    const acled = acledTypeOf({ type: coded.type, mode: coded.mode, defaultSubEvent: coded.sub_event, actors, recipients, certainty, tokens: ctx.tokens }, lex);
    out.push({
      start, end, label: coded.type, type: coded.type, mode: coded.mode, trigger: doc.text.slice(start, end),
      rule: `${entry.type}/${entry.mode}: ${m.phrase.value.phrase}${promise ? ' (announced for later: a promise)' : ''}`,
      acled, actors, recipients,
      place,
      date,
      quantities: pickQuantities(ctx, lex),
      evidence: { start: ctx.start, end: ctx.end },
      scope: ctx.scope!,
      scopeIndex: ctx.scope === 'article' ? null : ctx.regionIndex,
      attribution,
      certainty,
      salience: round(entry.weight * regionWeight(ctx) * CERTAINTY_WEIGHT[certainty] * (subordinate(doc, ctx, m.first) ? SUBORDINATE_WEIGHT : 1)),
      order: order + out.length,
      headline: ctx.region === 'title' || ctx.region === 'standfirst',
      weight: entry.weight,
      sentence: at.index,
      segmentStart: ctx.segment?.start ?? -1,
      anaphoric: m.first > 0 && findPhrases(lex.anaphora, ctx.tokens.slice(m.first - 1, m.first)).length > 0
        && place?.basis !== 'sentence' && date?.basis !== 'text',
    });
  }
  // What a threat makes its condition or its content ("if they attack, we will respond") has not happened: the threat is the event.
  return out.some((d) => d.type === 'THREATEN') ? out.filter((d) => d.certainty !== 'hypothetical' && d.certainty !== 'expected') : out;
}
