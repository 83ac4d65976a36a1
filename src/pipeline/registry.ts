/** The stages that run after clean, in order. Later capabilities register theirs here. */
import { anomaliesStage } from '../stages/anomalies/anomalies-stage.js';
import { datesStage } from '../stages/dates/dates-stage.js';
import { entitiesStage } from '../stages/entities/entities-stage.js';
import { eventsStage } from '../stages/events/events-stage.js';
import { placesStage } from '../stages/places/index.js';
import { quantitiesStage } from '../stages/quantities/quantities-stage.js';
import { tokensStage } from '../stages/tokens/tokens-stage.js';
import type { Stage } from './stage.js';

/** The default per-document stages, in the order they run. */
export function defaultStages(): readonly Stage[] {
  // places reads entities, to leave organisation and person names alone ('Nis Corps').
  return [tokensStage, datesStage, quantitiesStage, entitiesStage, placesStage, eventsStage, anomaliesStage];
}

/**
 * Layers later stages read but the Document JSON does not carry: tokens are cheap to recompute and
 * would multiply the size of every stored document several times over.
 */
export const TRANSIENT_LAYERS: readonly string[] = ['tokens'];
