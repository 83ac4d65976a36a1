/**
 * The arguments of an event found at a trigger: who acts and on whom (entities, else generic
 * actor nouns), where (places layer), when (dates layer, else the publication day with lower
 * precision, else unknown) and how many (quantities layer).
 */
import type { Doc } from '../../doc/types.js';
import { isoDay, parseIsoDay } from '../dates/calendar.js';
import type { EntitySpan } from '../entities/entities-stage.js';
import type { PlaceSpan } from '../places/places-stage.js';
import type { EventActor, EventDate, EventPlace, EventQuantities } from './event-span.js';
import type { EventLexicon } from './lexicon.js';
import { findPhrases, type WordToken } from './phrase-matcher.js';
import type { SentenceContext } from './sentence-context.js';

/** An actor mention in a sentence: an entity or a generic actor noun, with its token range. */
export interface Mention extends EventActor {
  readonly first: number;
  readonly last: number;
  readonly entity: EntitySpan | null;
}

// Words before a name that make it a place or a possessor rather than an actor of the clause.
const LOCATIVE = new Set(['in', 'at', 'near', 'into', 'from', 'across', 'towards', 'toward', 'around', 'outside', 'inside', 'of', 'with', 'to', 'between', 'through', 'throughout', 'within', 'beyond']);
// Words before a place name that say the event is there ("in", "near"), unlike "border with Serbia".
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'into', 'across', 'around', 'outside', 'inside', 'throughout', 'within', 'to', 'towards']);
// Nouns that make "of X" a location ("north of Kosovo", "the town of Zvecan"); elsewhere "of X" is a possessor ("the orders of Belgrade").
const SPATIAL_NOUNS = new Set([
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'part', 'parts', 'outskirts', 'suburbs', 'suburb', 'centre', 'center',
  'heart', 'city', 'town', 'village', 'villages', 'municipality', 'municipalities', 'region', 'regions', 'area', 'areas', 'district', 'districts',
  'province', 'territory', 'streets', 'vicinity', 'border', 'borders', 'edge', 'capital', 'port', 'county', 'settlement', 'settlements', 'neighbourhood', 'neighborhood',
]);
// Prepositions after a trigger that introduce its target.
const TARGETING = new Set(['against', 'on', 'at', 'upon', 'targeting']);
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'while', 'whereas', 'but', 'after', 'before', 'when', 'because', 'although', 'as', 'if']);
const CLAUSE_MARKS = /[;:"“”«»—()]/;
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got']);

function tokenIndexAt(tokens: readonly WordToken[], offset: number): number {
  const i = tokens.findIndex((t) => t.end > offset);
  return i < 0 ? tokens.length - 1 : i;
}

/** The ACLED actor class of an entity: by kind, with persons holding an office counted as the state. */
export function entityClass(entity: EntitySpan, lex: EventLexicon): string | null {
  if (entity.kind === 'person' && entity.role && lex.officeRoles.some((r) => entity.role!.toLowerCase().includes(r))) return 'state';
  return lex.kindClasses.get(entity.kind) ?? null;
}

/** Entities and generic actor nouns of a sentence, in text order. */
export function mentionsOf(ctx: SentenceContext, text: string, lex: EventLexicon): Mention[] {
  const out: Mention[] = [];
  for (const e of ctx.entities) {
    // A capital standing for its government acts; a country named as a place does not.
    out.push({
      id: e.id, text: e.text, class: entityClass(e, lex), start: e.start, end: e.end, entity: e,
      first: tokenIndexAt(ctx.tokens, e.start), last: tokenIndexAt(ctx.tokens, e.end - 1),
    });
  }
  for (const [cls, table] of lex.actorClasses) {
    for (const m of findPhrases(table, ctx.tokens)) {
      const start = ctx.tokens[m.first]!.start;
      const end = ctx.tokens[m.last]!.end;
      if (out.some((o) => o.start < end && start < o.end)) continue;
      out.push({ id: null, text: text.slice(start, end), class: cls, start, end, entity: null, first: m.first, last: m.last });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function clauseBreak(text: string, tokens: readonly WordToken[], i: number): boolean {
  const token = tokens[i];
  const previous = tokens[i - 1];
  if (!token || !previous) return false;
  return CLAUSE_MARKS.test(text.slice(previous.end, token.start)) || CLAUSE_WORDS.has(token.lower);
}

function isLocative(tokens: readonly WordToken[], m: Mention): boolean {
  const before = tokens[m.first - 1];
  return before !== undefined && LOCATIVE.has(before.lower);
}

function asActor(m: Mention): EventActor {
  return { id: m.id, text: m.text, class: m.class, start: m.start, end: m.end };
}

/** Actors and recipients of the trigger at tokens [first, last]: the subject before it, the object after it, passive voice turned round. */
export function pickActors(
  ctx: SentenceContext, text: string, mentions: readonly Mention[], first: number, last: number,
): { actors: EventActor[]; recipients: EventActor[] } {
  const tokens = ctx.tokens;
  // The clause around the trigger: back to the nearest break, forward to the next.
  let from = first;
  while (from > 0 && !clauseBreak(text, tokens, from)) from -= 1;
  let to = last + 1;
  while (to < tokens.length && !clauseBreak(text, tokens, to)) to += 1;
  const before = mentions.filter((m) => m.last < first && m.first >= from && !isLocative(tokens, m));
  // Subjects of a reporting clause ("X said that ...") stand outside the clause; take them when the clause has none.
  const earlier = before.length > 0 ? before : mentions.filter((m) => m.last < first && !isLocative(tokens, m));
  const after = mentions.filter((m) => m.first > last && m.first < to);
  const passive = PASSIVE_AUX.has(tokens[first - 1]?.lower ?? '') || PASSIVE_AUX.has(tokens[first - 2]?.lower ?? '');
  const byIndex = tokens.findIndex((t, i) => i > last && i < to && t.lower === 'by');
  const agent = byIndex >= 0 ? after.find((m) => m.first > byIndex && m.first <= byIndex + 3) : undefined;
  const subject = nearestGroup(earlier, tokens);
  if (passive || agent) {
    return { actors: agent ? [asActor(agent)] : [], recipients: subject.map(asActor) };
  }
  const objects = after.filter((m) => !isLocative(tokens, m) || TARGETING.has(tokens[m.first - 1]?.lower ?? ''));
  const object = nearestGroup(objects.slice(0, 1).concat(objects.slice(1).filter((m) => coordinated(tokens, objects[0]!, m))), tokens, true);
  return { actors: subject.map(asActor), recipients: object.map(asActor) };
}

function coordinated(tokens: readonly WordToken[], a: Mention, b: Mention): boolean {
  return b.first - a.last <= 2 && tokens.slice(a.last + 1, b.first).every((t) => t.lower === 'and');
}

// The mention nearest the trigger with those coordinated to it ("the Nis Corps, along with the 63rd Brigade").
function nearestGroup(mentions: readonly Mention[], tokens: readonly WordToken[], forward = false): Mention[] {
  if (mentions.length === 0) return [];
  if (forward) return [...mentions];
  const last = mentions[mentions.length - 1]!;
  const group = [last];
  for (let i = mentions.length - 2; i >= 0; i -= 1) {
    const m = mentions[i]!;
    if (coordinated(tokens, m, group[0]!)) group.unshift(m);
    else break;
  }
  return group;
}

function placeOf(p: PlaceSpan, basis: EventPlace['basis']): EventPlace {
  return {
    name: p.name, text: p.text, country: p.country, admin1: p.admin1, admin2: p.admin2, lat: p.lat, lon: p.lon,
    geonameid: p.geonameid, precision: p.precision, basis, start: p.start, end: p.end,
  };
}

/** Places of a sentence that can be where something happened: not a capital standing for its government, not part of an actor's name. */
export function eventPlaces(ctx: SentenceContext): PlaceSpan[] {
  return ctx.places.filter((p) => !ctx.entities.some((e) => e.start <= p.start && p.end <= e.end && (e.metonym || e.end - e.start > p.end - p.start)));
}

/** The best place for an event in its own sentence: role 'event', then after a locative word, then the most precise, nearest the trigger. */
export function sentencePlace(ctx: SentenceContext, triggerStart: number): PlaceSpan | null {
  const places = eventPlaces(ctx);
  if (places.length === 0) return null;
  const score = (p: PlaceSpan): number => {
    const i = tokenIndexAt(ctx.tokens, p.start);
    const locative = isPlaceLocative(ctx.tokens, i) ? 2 : 0;
    return (p.role === 'event' ? 4 : 0) + locative + (4 - p.precision) * 0.5 - Math.abs(p.start - triggerStart) / 1000;
  };
  return [...places].sort((a, b) => score(b) - score(a))[0] ?? null;
}

function isPlaceLocative(tokens: readonly WordToken[], i: number): boolean {
  const before = tokens[i - 1]?.lower ?? '';
  if (PLACE_PREPOSITIONS.has(before)) return true;
  // "the north of Kosovo", "the town of Zvecan": skip an adjective ("the northern part of").
  return before === 'of' && SPATIAL_NOUNS.has(tokens[i - 2]?.lower ?? '');
}

// How many sentences back a specific place (a town, not a country) is still the scene of the text that follows.
const CARRY_SENTENCES = 2;

/**
 * The event's place: its sentence; else the best place of the nearest earlier sentence of its paragraph;
 * else a town or district named in the sentences just before (short news paragraphs go on telling of
 * the place the previous one named; `carry` false for statements, made where the speaker is, not at the
 * scene just told); else the document's headline place.
 */
export function pickPlace(ctx: SentenceContext, all: readonly SentenceContext[], headline: PlaceSpan | null, triggerStart: number, carry = true): EventPlace | null {
  const own = sentencePlace(ctx, triggerStart);
  if (own) return placeOf(own, 'sentence');
  const index = all.indexOf(ctx);
  for (let j = index - 1; j >= 0; j -= 1) {
    const s = all[j]!;
    if (s.segment !== ctx.segment) break;
    const best = sentencePlace(s, s.end);
    if (best) return placeOf(best, 'paragraph');
  }
  if (carry && ctx.scope === 'article' && ctx.region === 'body') {
    for (let j = index - 1; j >= Math.max(0, index - CARRY_SENTENCES); j -= 1) {
      const s = all[j]!;
      if (s.region !== 'body') break;
      const best = eventPlaces(s).filter((p) => p.precision < 3).sort((a, b) => b.start - a.start)[0];
      if (best) return placeOf(best, 'paragraph');
    }
  }
  return headline && ctx.scope === 'article' ? placeOf(headline, 'document') : null;
}

/** The document's headline place: the first place of the title or first paragraph, an 'event' one first. */
export function headlinePlace(contexts: readonly SentenceContext[]): PlaceSpan | null {
  const lead = contexts.filter((c) => c.region === 'title' || c.region === 'standfirst' || (c.region === 'body' && c.regionIndex === 0));
  const places = lead.flatMap((c) => eventPlaces(c));
  return places.find((p) => p.role === 'event') ?? places[0] ?? null;
}

function day(value: string | null): string | null {
  return value === null ? null : value.slice(0, 10);
}

/** The event's date: a date in its sentence, else the comment's posting day or the publication day (a day earlier allowed), else the article's bounds, else unknown. */
export function pickDate(ctx: SentenceContext, doc: Doc, triggerStart: number): EventDate | null {
  const dated = ctx.dates.filter((d) => d.value.start !== null || d.value.end !== null);
  const nearest = [...dated].sort((a, b) => Math.abs(a.start - triggerStart) - Math.abs(b.start - triggerStart))[0];
  if (nearest) {
    const start = day(nearest.value.start) ?? day(nearest.value.end)!;
    const end = day(nearest.value.end) ?? start;
    return { start, end, precision: nearest.precision, basis: 'text' };
  }
  if (ctx.scope === 'comment') {
    const posted = parseIsoDay(doc.comments[ctx.regionIndex]?.posted?.slice(0, 10) ?? null);
    if (posted !== null) return { start: isoDay(posted - 1), end: isoDay(posted), precision: 2, basis: 'posted' };
  }
  const published = parseIsoDay(doc.published.date);
  // Reports usually tell of the day before or the day itself; a range says so without inventing a day.
  if (published !== null) return { start: isoDay(published - 1), end: isoDay(published), precision: 2, basis: 'published' };
  const notBefore = parseIsoDay(doc.published.not_before);
  const notAfter = parseIsoDay(doc.published.not_after);
  if (notBefore !== null && notAfter !== null) {
    return { start: isoDay(notBefore - 1), end: isoDay(notAfter), precision: notAfter - notBefore <= 6 ? 2 : 3, basis: 'bounds' };
  }
  // Only a latest day: the week before it, at the vaguest precision (a report tells of recent days; no day is invented).
  if (notAfter !== null) return { start: isoDay(notAfter - 6), end: isoDay(notAfter), precision: 3, basis: 'bounds' };
  return null;
}

/** Participants, fatalities and injured counted in the sentence. */
export function pickQuantities(ctx: SentenceContext, lex: EventLexicon): EventQuantities {
  let participants: number | null = null;
  let fatalities: number | null = null;
  let injured: number | null = null;
  for (const q of ctx.quantities) {
    if (q.kind !== 'count' || q.value === null) continue;
    const i = tokenIndexAt(ctx.tokens, q.end - 1);
    const following = ctx.tokens.slice(i, i + 4);
    // "three killed" and "killing three soldiers" both count the dead.
    const preceding = ctx.tokens.slice(Math.max(0, tokenIndexAt(ctx.tokens, q.start) - 1), tokenIndexAt(ctx.tokens, q.start));
    const role = (name: string): boolean => findPhrases(lex.quantityRoles.get(name)!, [...preceding, ...following]).length > 0;
    if (role('fatalities')) fatalities = (fatalities ?? 0) + q.value;
    else if (role('injured')) injured = (injured ?? 0) + q.value;
    else if (participants === null && findPhrases(lex.actorClasses.get('protesters')!, following).length + findPhrases(lex.actorClasses.get('state')!, following).length + findPhrases(lex.actorClasses.get('civilians')!, following).length + findPhrases(lex.actorClasses.get('rebel')!, following).length > 0) participants = q.value;
  }
  return { participants, fatalities, injured };
}
