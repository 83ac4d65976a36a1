/** The word lists the place recogniser uses, from data/gazetteer/lexicon.json, loaded once. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../cli/package-root.js';

/** Lower-cased word sets for recognising and classifying place mentions. */
export interface PlaceLexicon {
  readonly notPlaces: ReadonlySet<string>;
  readonly titles: ReadonlySet<string>;
  readonly orgHeads: ReadonlySet<string>;
  readonly placeHeads: ReadonlySet<string>;
  readonly locativePrepositions: readonly string[];
  readonly nearCues: readonly string[];
  readonly eventVerbs: ReadonlySet<string>;
  /** Cue phrase (lower case) -> the feature it announces: "village of" -> village. */
  readonly featureCues: ReadonlyMap<string, string>;
  /** Last words of street and road names ("Main Street", "Route 9 Bridge"), lower case, no full stop. */
  readonly streetHeads: ReadonlySet<string>;
}

let shared: PlaceLexicon | undefined;

/** The shared lexicon, read at first use. */
export function placeLexicon(): PlaceLexicon {
  if (shared) return shared;
  const raw = JSON.parse(readFileSync(join(packageRoot(), 'data', 'gazetteer', 'lexicon.json'), 'utf8')) as {
    notPlaces: string[]; titles: string[]; orgHeads: string[]; placeHeads: string[]; locativePrepositions: string[];
    nearCues: string[]; eventVerbs: string[]; featureCues: Record<string, string[]>; streetHeads: string[];
  };
  const featureCues = new Map<string, string>();
  for (const [feature, cues] of Object.entries(raw.featureCues)) for (const cue of cues) featureCues.set(cue, feature);
  shared = {
    notPlaces: new Set(raw.notPlaces), titles: new Set(raw.titles), orgHeads: new Set(raw.orgHeads),
    placeHeads: new Set(raw.placeHeads), locativePrepositions: raw.locativePrepositions, nearCues: raw.nearCues,
    eventVerbs: new Set(raw.eventVerbs), featureCues, streetHeads: new Set(raw.streetHeads),
  };
  return shared;
}
