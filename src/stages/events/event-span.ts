/** The events layer's span type: one coded event, traceable to its trigger and evidence in Doc.text. */
import type { Span } from '../../doc/types.js';
import type { DatePrecision } from '../dates/find-dates.js';

/** The 16 PLOVER event types. */
export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST'
  | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

/** Where the evidence sits: the article itself, or material attached to it that is evidence of its own. */
export type EventScope = 'article' | 'comment' | 'embed' | 'caption';

/** How firmly the text asserts the event. */
export type Certainty = 'asserted' | 'reported' | 'alleged' | 'expected' | 'hypothetical' | 'denied';

/** Who asserts the event: the outlet, a named speaker, unnamed sources, other media, social media, a tweet, a commenter. */
export type AttributionKind = 'outlet' | 'speaker' | 'unnamed-sources' | 'media' | 'social-media' | 'tweet' | 'commenter';

/** ACLED's coding of an event, with the codebook's exact names. */
export interface AcledCoding {
  readonly disorder_type: string;
  readonly event_type: string;
  readonly sub_event_type: string;
}

/** An actor of an event: an entity of the entities layer (id) or a generic noun ("protesters", id null). */
export interface EventActor {
  readonly id: string | null;
  readonly text: string;
  /** ACLED actor class (state, rebel, protesters, civilians, ...) used for inter codes. */
  readonly class: string | null;
  readonly start: number;
  readonly end: number;
}

/** Where an event happened, from the places layer; `basis` says how far from the event's sentence it was found. */
export interface EventPlace {
  readonly name: string;
  readonly text: string;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonameid: number | null;
  readonly precision: 1 | 2 | 3;
  readonly basis: 'sentence' | 'paragraph' | 'document';
  readonly start: number;
  readonly end: number;
}

/** When an event happened: a day range with ACLED time precision, and what it rests on. */
export interface EventDate {
  readonly start: string;
  readonly end: string;
  readonly precision: DatePrecision;
  /** 'text': a date in the sentence; 'published' / 'posted': the publication or comment day; 'bounds': the article's date bounds. */
  readonly basis: 'text' | 'published' | 'posted' | 'bounds';
}

/** Who asserts an event. `entity` is an entity id when the asserter is a known actor. */
export interface Attribution {
  readonly kind: AttributionKind;
  readonly entity: string | null;
  readonly text: string | null;
  /** The cue in the text (reporting verb, source phrase, quote mark) the attribution rests on, when there is one. */
  readonly cue: { readonly start: number; readonly end: number } | null;
}

/** People counted in the event's sentence, by what they are. */
export interface EventQuantities {
  readonly participants: number | null;
  readonly fatalities: number | null;
  readonly injured: number | null;
}

/** One coded event. The span is its trigger; `evidence` the sentence it was read from. */
export interface EventSpan extends Span {
  readonly label: PloverType;
  /** Doc-local id, `e1` for the most salient event. */
  readonly id: string;
  readonly type: PloverType;
  readonly mode: string | null;
  readonly trigger: string;
  /** The lexicon phrase that matched, so an analyst can see why the event was coded. */
  readonly rule: string;
  readonly acled: AcledCoding | null;
  readonly actors: readonly EventActor[];
  readonly recipients: readonly EventActor[];
  readonly place: EventPlace | null;
  /** null: unknown (an undated article gives no day, and none is invented). */
  readonly date: EventDate | null;
  readonly quantities: EventQuantities;
  readonly evidence: { readonly start: number; readonly end: number };
  readonly scope: EventScope;
  /** For comment, embed and caption scope: the index into Doc.comments / embeds / captions. */
  readonly scopeIndex: number | null;
  readonly attribution: Attribution;
  readonly certainty: Certainty;
  /** Higher is more salient; `rank` 1 is the headline event. */
  readonly salience: number;
  readonly rank: number;
  /** Other mentions of this same event (a headline restating it, a nearby sentence repeating it), merged into it. */
  readonly duplicates?: readonly EventMention[];
}

/** A further trigger and evidence span of an event already coded. */
export interface EventMention {
  readonly start: number;
  readonly end: number;
  readonly trigger: string;
  readonly evidence: { readonly start: number; readonly end: number };
}

/** What the events stage assigns. */
export interface EventsLayers {
  readonly events: readonly EventSpan[];
}

/** Events ordered by salience (the headline event first), the order exports and readers want. */
export function eventsBySalience(events: readonly EventSpan[]): EventSpan[] {
  return [...events].sort((a, b) => a.rank - b.rank);
}
