/** PLOVER types grouped into families of acts that different outlets code differently for one event. */
import type { Certainty, PloverType } from '../stages/events/event-span.js';

/** A family of PLOVER types: reports of one act may be coded with any type of its family. */
export type EventFamily = 'assault' | 'coerce' | 'mobilize' | 'protest' | 'verbal' | 'sanction' | 'cooperate';

const FAMILY: Readonly<Record<PloverType, EventFamily>> = {
  ASSAULT: 'assault',
  COERCE: 'coerce',
  MOBILIZE: 'mobilize',
  PROTEST: 'protest',
  // Accusations, rejections and threats are one family: a statement one outlet calls a threat,
  // another calls an accusation.
  ACCUSE: 'verbal',
  REJECT: 'verbal',
  THREATEN: 'verbal',
  SANCTION: 'sanction',
  AGREE: 'cooperate',
  CONSULT: 'cooperate',
  SUPPORT: 'cooperate',
  CONCEDE: 'cooperate',
  COOPERATE: 'cooperate',
  AID: 'cooperate',
  RETREAT: 'cooperate',
  REQUEST: 'cooperate',
};

/** The family of a PLOVER type. */
export function eventFamily(type: PloverType): EventFamily {
  return FAMILY[type];
}

/** Certainties that say the act happened (as against expected, hypothetical or denied). */
export const AFFIRMING: ReadonlySet<Certainty> = new Set<Certainty>(['asserted', 'reported', 'alleged']);

/**
 * How much a report counts towards the act having happened. An outlet's own assertion counts
 * fully; hearsay less; a denial or a hypothesis not at all.
 */
export const CERTAINTY_WEIGHT: Readonly<Record<Certainty, number>> = {
  asserted: 1,
  reported: 0.75,
  alleged: 0.5,
  expected: 0.25,
  hypothetical: 0,
  denied: 0,
};

/** Physical acts, for the escalation index. */
export const PHYSICAL: ReadonlySet<PloverType> = new Set<PloverType>(['ASSAULT', 'MOBILIZE', 'COERCE', 'PROTEST']);

/** Rhetoric, for the escalation index. */
export const RHETORIC: ReadonlySet<PloverType> = new Set<PloverType>(['THREATEN', 'ACCUSE', 'REJECT']);
