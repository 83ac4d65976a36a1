/**
 * One event told twice is one event: a headline restating the body's event, or a sentence repeating
 * the event of the one before it ("Police clashed with protesters. The clashes lasted an hour.").
 * Merging keeps the more salient telling and records the others as `duplicates`, so every word the
 * event was read from stays traceable while precision no longer counts it twice.
 */
import type { EventActor, EventMention, EventSpan } from './event-span.js';

/** What merging reads of an event draft besides its EventSpan fields. */
export interface MergeableDraft extends Omit<EventSpan, 'id' | 'rank'> {
  /** Index of the sentence the event was read from, among the Doc's sentences. */
  readonly sentence: number;
  /** The paragraph (or comment, caption, embed) the sentence belongs to, as its start offset; -1 for none. */
  readonly segmentStart: number;
  /** Whether the event was read from the title or standfirst. */
  readonly headline: boolean;
  /** Whether the trigger refers back ("the clashes") with no place or date of its own. */
  readonly anaphoric: boolean;
}

function actorsCompatible(a: readonly EventActor[], b: readonly EventActor[]): boolean {
  // An event whose actor the text leaves implicit ("Clashes erupted") can be anyone's.
  if (a.length === 0 || b.length === 0) return true;
  const key = (x: EventActor): string => x.id ?? x.text.toLowerCase();
  return a.some((x) => b.some((y) => key(x) === key(y)));
}

function samePlace(a: MergeableDraft, b: MergeableDraft): boolean {
  if (a.place === null || b.place === null) return a.place === b.place;
  return a.place.geonameid !== null ? a.place.geonameid === b.place.geonameid : a.place.name === b.place.name;
}

function sameDate(a: MergeableDraft, b: MergeableDraft): boolean {
  if (a.date === null || b.date === null) return a.date === b.date;
  return a.date.start === b.date.start && a.date.end === b.date.end;
}

// The same claim about the same happening: a denied and an asserted clash are two claims, kept apart.
function sameClaim(a: MergeableDraft, b: MergeableDraft): boolean {
  return a.type === b.type && a.scope === b.scope && a.scopeIndex === b.scopeIndex && a.certainty === b.certainty && actorsCompatible(a.actors, b.actors);
}

// Certainties that claim the event happened; a denied, expected or hypothetical one is another claim.
const POSITIVE = new Set(['asserted', 'reported', 'alleged']);

// No place finer than a country or province, and no date of its own: "Clashes broke out", "gunfire was heard in the region".
function underspecified(d: MergeableDraft): boolean {
  return (d.place === null || d.place.precision === 3) && (d.date === null || d.date.basis !== 'text');
}

// A telling with a place of its own, finer than a country.
function located(d: MergeableDraft): boolean {
  return d.place !== null && d.place.precision < 3 && d.place.basis === 'sentence';
}

function sameCountry(a: MergeableDraft, b: MergeableDraft): boolean {
  return a.place === null || b.place === null || a.place.country === null || a.place.country === b.place.country;
}

// An unlocated, undated event and a located one of the same type, claim and actors in the same article or comment: one happening.
function retelling(vague: MergeableDraft, d: MergeableDraft): boolean {
  return d !== vague && vague.type === d.type && vague.scope === d.scope && vague.scopeIndex === d.scopeIndex
    && POSITIVE.has(vague.certainty) && POSITIVE.has(d.certainty) && sameCountry(vague, d)
    && (actorsCompatible(vague.actors, d.actors) || vague.actors.some((a) => a.class !== null && d.actors.some((b) => b.class === a.class)));
}

function mention(d: MergeableDraft): EventMention {
  return { start: d.start, end: d.end, trigger: d.trigger, evidence: d.evidence };
}

/**
 * Drafts with duplicates merged, in their original order. A headline event folds into the first body
 * event of the same claim (which takes the headline's salience, the headline being what the report is
 * about); body events fold into an earlier one of the same claim, place and date in the same paragraph
 * or the sentence just before, and an anaphoric one ("the clashes") into the first earlier one of its claim.
 * Last, an event with no place finer than a country and no date of its own ("Clashes broke out in the
 * north") folds into the nearest telling of the same type, positive claim and actors that names a town:
 * the vague telling is a summary or a repeat of the located one, and adds nothing an analyst can place.
 */
export function mergeDuplicates<D extends MergeableDraft>(drafts: readonly D[]): D[] {
  const kept: D[] = [];
  const merged = new Map<D, { salience: number; duplicates: EventMention[] }>();
  const absorb = (into: D, from: D): void => {
    const slot = merged.get(into) ?? { salience: into.salience, duplicates: [...(into.duplicates ?? [])] };
    slot.salience = Math.max(slot.salience, from.salience);
    slot.duplicates.push(mention(from), ...(from.duplicates ?? []));
    merged.set(into, slot);
  };
  // 1. Repeats in the body into their first telling.
  for (const d of drafts) {
    const target = d.headline ? undefined : kept.find((k) => !k.headline && sameClaim(k, d)
      && (d.anaphoric || (samePlace(k, d) && sameDate(k, d) && (k.sentence === d.sentence - 1 || (k.segmentStart >= 0 && k.segmentStart === d.segmentStart)))));
    if (target) absorb(target, d);
    else kept.push(d);
  }
  // 2. Headlines into the body.
  for (const d of kept.filter((k) => k.headline)) {
    const target = kept.find((b) => !b.headline && b.scope === 'article' && sameClaim(d, b));
    if (!target) continue;
    absorb(target, d);
    kept.splice(kept.indexOf(d), 1);
  }
  // 3. An event told with no place or date of its own into the nearest located telling of it.
  for (const d of [...kept]) {
    if (d.headline || !underspecified(d)) continue;
    const targets = kept.filter((k) => !k.headline && located(k) && retelling(d, k));
    if (targets.length === 0) continue;
    const target = targets.sort((a, b) => Math.abs(a.sentence - d.sentence) - Math.abs(b.sentence - d.sentence))[0]!;
    absorb(target, d);
    kept.splice(kept.indexOf(d), 1);
  }
  return kept.map((d) => {
    const slot = merged.get(d);
    return slot ? { ...d, salience: slot.salience, duplicates: slot.duplicates } : d;
  });
}
