/** Runs every evaluation whose data is present: the seed gold (cleaning, actors) and the extraction benchmark. */
import { join } from 'node:path';
import { extractionEval, type ExtractionEvalResult, type ExtractionSystem } from './extraction-eval.js';
import { seedsScore, type SeedsResult } from './seeds-score.js';
import { actorsEval, type ActorsResult } from './actors-eval.js';
import { placesEval } from './places-eval.js';
import { geoparsingEval, type CorpusMetrics } from './geoparsing-eval.js';
import { ploverGsrEval, seedEventsEval, type PloverGsrResult } from './events-eval.js';
import { storiesEval, type StoriesEvalResult } from './stories-eval.js';
import { absentMessage, sharedDir, sharedPath } from './shared-data.js';

/** Which evaluation to run; all when omitted. */
export type EvalPart = 'seeds' | 'extraction' | 'actors' | 'places' | 'geoparsing' | 'events' | 'stories';

/** Options for {@link evaluate}. */
export interface EvaluateOptions {
  readonly only?: EvalPart;
  /** The shared data folder; `<repo>/../shared` by default. */
  readonly sharedDir?: string;
  readonly systems?: readonly ExtractionSystem[];
}

/** What one evaluation run measured; a part is null when it was not asked for or its data is absent. */
export interface EvalResults {
  readonly seeds: SeedsResult | null;
  readonly extraction: ExtractionEvalResult | null;
  readonly actors: ActorsResult | null;
  readonly places: ReturnType<typeof placesEval>;
  readonly geoparsing: readonly CorpusMetrics[] | null;
  readonly events: { readonly seeds: Awaited<ReturnType<typeof seedEventsEval>>; readonly gsr: PloverGsrResult | null } | null;
  readonly stories: StoriesEvalResult | null;
  /** Why a part that was asked for did not run (its data is absent). */
  readonly skipped: readonly string[];
}

/** Where each part's data lives inside the shared folder. */
export const EVAL_DATA: Readonly<Record<EvalPart, readonly string[]>> = {
  seeds: ['seeds'],
  extraction: ['eval', 'extraction'],
  actors: ['seeds', 'gold'],
  places: ['seeds', 'gold'],
  geoparsing: ['eval', 'geoparsing'],
  events: ['seeds', 'gold'],
  stories: ['seeds', 'gold'],
};

/** Runs the evaluations asked for, skipping (with a reason) those whose data is absent. */
export async function evaluate(options: EvaluateOptions = {}): Promise<EvalResults> {
  const root = options.sharedDir ?? sharedDir();
  const wanted = (part: EvalPart): boolean => options.only === undefined || options.only === part;
  const skipped: string[] = [];
  const locate = (part: EvalPart, what: string): string | null => {
    if (!wanted(part)) return null;
    const path = sharedPath(root, ...EVAL_DATA[part]);
    if (path === null) skipped.push(absentMessage(join(root, ...EVAL_DATA[part]), what));
    return path;
  };
  const seedsDir = locate('seeds', 'the seed evaluation');
  const extractionDir = locate('extraction', 'the extraction evaluation');
  const actorsDir = locate('actors', 'the actors evaluation');
  const placesDir = locate('places', 'the places evaluation');
  const geoparsingDir = locate('geoparsing', 'the geoparsing evaluation');
  const eventsDir = locate('events', 'the events evaluation');
  const storiesDir = locate('stories', 'the stories evaluation');
  return {
    seeds: seedsDir === null ? null : seedsScore(seedsDir),
    extraction: extractionDir === null ? null : extractionEval(extractionDir, options.systems ? { systems: options.systems } : {}),
    actors: actorsDir === null ? null : actorsEval(root),
    places: placesDir === null ? null : placesEval(root),
    geoparsing: geoparsingDir === null ? null : geoparsingEval(root).results,
    events: eventsDir === null ? null : { seeds: await seedEventsEval(root), gsr: await ploverGsrEval(root) },
    stories: storiesDir === null ? null : await storiesEval(root),
    skipped,
  };
}
