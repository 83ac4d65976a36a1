/** ACLED coding of an event from its type, mode, actors and the cue words of its sentence (rules in data/events/acled-rules.json). */
import type { AcledCoding, Certainty, EventActor, PloverType } from './event-span.js';
import { acledCoding, type EventLexicon } from './lexicon.js';
import { findPhrases, type WordToken } from './phrase-matcher.js';

/** What the ACLED rules look at. */
export interface AcledInput {
  readonly type: PloverType;
  readonly mode: string;
  readonly defaultSubEvent: string | null;
  readonly actors: readonly EventActor[];
  readonly recipients: readonly EventActor[];
  readonly certainty: Certainty;
  readonly tokens: readonly WordToken[];
}

// ACLED codes what happened: denied, hypothetical and expected events are not coded.
const UNCODED: ReadonlySet<Certainty> = new Set<Certainty>(['denied', 'hypothetical', 'expected']);

/** The ACLED disorder type, event type and sub-event type, or null where ACLED would not code the event. */
export function acledTypeOf(input: AcledInput, lex: EventLexicon): AcledCoding | null {
  if (UNCODED.has(input.certainty)) return null;
  const has = new Map<string, boolean>();
  const cue = (group: string): boolean => {
    if (!has.has(group)) {
      const table = lex.cueGroups.get(group);
      const found = table === undefined ? [] : findPhrases(table, input.tokens).filter((m) => {
        const stop = lex.cueBlockersAfter.get(m.phrase.source);
        return stop === undefined || !stop.has(input.tokens[m.last + 1]?.lower ?? '');
      });
      has.set(group, found.length > 0);
    }
    return has.get(group)!;
  };
  const actorState = input.actors[0]?.class === 'state';
  const actorClass = input.actors[0]?.class ?? null;
  const recipientClass = input.recipients[0]?.class ?? null;
  for (const rule of lex.acledRules) {
    if (rule.types && !rule.types.includes(input.type)) continue;
    if (rule.modes && !rule.modes.includes(input.mode)) continue;
    if (rule.all && !rule.all.every(cue)) continue;
    if (rule.none && rule.none.some(cue)) continue;
    if (rule.actorState !== undefined && rule.actorState !== actorState) continue;
    if (rule.actorClasses && (actorClass === null || !rule.actorClasses.includes(actorClass))) continue;
    if (rule.recipientClasses && (recipientClass === null || !rule.recipientClasses.includes(recipientClass))) continue;
    return acledCoding(rule.sub_event);
  }
  return acledCoding(input.defaultSubEvent);
}
