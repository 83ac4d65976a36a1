/** The events lexicons (data/events/*.json), compiled once into phrase tables. */
import triggersData from '../../../data/events/triggers.json' with { type: 'json' };
import acledRules from '../../../data/events/acled-rules.json' with { type: 'json' };
import attributionCues from '../../../data/events/attribution-cues.json' with { type: 'json' };
import taxonomy from '../../../data/events/acled-taxonomy.json' with { type: 'json' };
import type { AcledCoding, Certainty, PloverType } from './event-span.js';
import { phraseTable, type PhraseTable } from './phrase-matcher.js';

/** One entry of triggers.json: a type and mode with the phrases that signal it. */
export interface TriggerEntry {
  readonly type: PloverType;
  readonly mode: string;
  readonly sub_event: string | null;
  readonly weight: number;
  readonly needsSpeaker?: boolean;
  readonly phrases: readonly string[];
}

/** A trigger phrase's value in the table: its entry and the phrase as written. */
export interface TriggerValue {
  readonly entry: TriggerEntry;
  readonly phrase: string;
}

/** An ACLED refinement rule of acled-rules.json. */
export interface AcledRule {
  readonly sub_event: string | null;
  readonly types?: readonly string[];
  readonly modes?: readonly string[];
  readonly all?: readonly string[];
  readonly none?: readonly string[];
  readonly actorState?: boolean;
  /** The first actor is of one of these classes. */
  readonly actorClasses?: readonly string[];
  readonly recipientClasses?: readonly string[];
}

/** A retype rule: a trigger whose nearest actor is of a given class changes type. */
export interface RetypeRule {
  readonly from: { readonly type: string; readonly mode: string };
  readonly actorClasses: readonly string[];
  readonly to: { readonly type: PloverType; readonly mode: string; readonly sub_event: string | null };
}

/** Everything the events stage looks up, compiled. */
export interface EventLexicon {
  readonly triggers: PhraseTable<TriggerValue>;
  readonly blockersAfter: ReadonlyMap<string, PhraseTable<true>>;
  readonly blockersBefore: ReadonlyMap<string, PhraseTable<true>>;
  readonly retype: readonly RetypeRule[];
  readonly cueGroups: ReadonlyMap<string, PhraseTable<true>>;
  /** Words after a cue that make it no cue ("riot police"), by the cue phrase as written. */
  readonly cueBlockersAfter: ReadonlyMap<string, ReadonlySet<string>>;
  readonly acledRules: readonly AcledRule[];
  readonly actorClasses: ReadonlyMap<string, PhraseTable<true>>;
  readonly subEvents: ReadonlyMap<string, AcledCoding>;
  readonly interCodes: ReadonlyMap<string, number>;
  readonly kindClasses: ReadonlyMap<string, string>;
  readonly officeRoles: readonly string[];
  readonly quantityRoles: ReadonlyMap<string, PhraseTable<true>>;
  readonly reportingVerbs: PhraseTable<true>;
  readonly denialVerbs: PhraseTable<true>;
  readonly negators: PhraseTable<true>;
  readonly hedges: ReadonlyMap<Certainty, PhraseTable<true>>;
  readonly modals: ReadonlyMap<Certainty, PhraseTable<true>>;
  readonly sources: ReadonlyMap<string, PhraseTable<true>>;
  readonly speechKinds: ReadonlySet<string>;
  /** Hedges that qualify only their own clause. */
  readonly clauseBoundHedges: PhraseTable<true>;
  /** Cues of speech relayed by the outlet ("was quoted as saying"). */
  readonly relayedSpeech: PhraseTable<true>;
  /** Verbs of witnessing, whose subject is the event's source. */
  readonly perceptionVerbs: PhraseTable<true>;
  /** Words after a request trigger that introduce what is requested. */
  readonly requestLinks: PhraseTable<true>;
  /** Words that end a request's content. */
  readonly requestContentStops: PhraseTable<true>;
  /** Determiners that make a trigger noun refer back to an event already told. */
  readonly anaphora: PhraseTable<true>;
  /** Governors before which a trigger names no happening of its own ("according to the agreements", "toward expulsion"). */
  readonly nonEventive: readonly NonEventiveRule[];
  /** How many words may stand between a non-eventive governor and its trigger. */
  readonly nonEventiveWindow: number;
}

/** A non-eventive rule: governors, and the event types it applies to (null: all). */
export interface NonEventiveRule {
  readonly types: ReadonlySet<string> | null;
  readonly governors: PhraseTable<true>;
}

function table(phrases: readonly string[]): PhraseTable<true> {
  return phraseTable(phrases.map((p) => [p, true] as const));
}

function tables(record: Readonly<Record<string, unknown>>): Map<string, PhraseTable<true>> {
  return new Map(Object.entries(record).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, table(v as string[])]));
}

let cached: EventLexicon | null = null;

/** The compiled lexicons, built at first use and shared. */
export function eventLexicon(): EventLexicon {
  if (cached) return cached;
  const entries = triggersData.entries as readonly TriggerEntry[];
  const subEvents = new Map<string, AcledCoding>(
    Object.entries(taxonomy.subEvents).map(([sub, v]) => [sub, { disorder_type: v.disorder_type, event_type: v.event_type, sub_event_type: sub }]),
  );
  cached = {
    triggers: phraseTable(entries.flatMap((entry) => entry.phrases.map((phrase) => [phrase, { entry, phrase }] as const))),
    blockersAfter: tables(triggersData.blockers.after),
    blockersBefore: tables(triggersData.blockers.before),
    retype: triggersData.retype.rules as readonly RetypeRule[],
    cueGroups: tables(acledRules.cueGroups),
    cueBlockersAfter: new Map(Object.entries(acledRules.cueBlockersAfter).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, new Set(v as string[])])),
    acledRules: acledRules.rules as readonly AcledRule[],
    actorClasses: tables(acledRules.actorClasses),
    subEvents,
    interCodes: new Map(Object.entries(taxonomy.interCodes).filter(([, v]) => typeof v === 'number') as [string, number][]),
    kindClasses: new Map(Object.entries(taxonomy.entityKindClasses).filter(([k]) => k !== 'note')),
    officeRoles: taxonomy.officeRoles,
    quantityRoles: tables(acledRules.quantityRoles),
    reportingVerbs: table(attributionCues.reportingVerbs),
    denialVerbs: table(attributionCues.denialVerbs),
    negators: table(attributionCues.negators),
    hedges: tables(attributionCues.hedges) as Map<Certainty, PhraseTable<true>>,
    modals: tables(attributionCues.modals) as Map<Certainty, PhraseTable<true>>,
    sources: tables(attributionCues.sources),
    speechKinds: new Set(attributionCues.speechKinds),
    clauseBoundHedges: table(attributionCues.clauseBoundHedges.phrases),
    relayedSpeech: table(attributionCues.relayedSpeech.phrases),
    perceptionVerbs: table(attributionCues.perceptionVerbs.phrases),
    requestLinks: table(attributionCues.requestLinks.phrases),
    requestContentStops: table(attributionCues.requestContentStops.phrases),
    anaphora: table(triggersData.anaphora.determiners),
    nonEventive: triggersData.nonEventive.rules.map((r) => ({ types: r.types ? new Set<string>(r.types) : null, governors: table(r.governors) })),
    nonEventiveWindow: triggersData.nonEventive.window,
  };
  return cached;
}

/** The ACLED coding of a sub-event type name, or null for an unknown name or null. */
export function acledCoding(subEvent: string | null): AcledCoding | null {
  return subEvent === null ? null : eventLexicon().subEvents.get(subEvent) ?? null;
}
