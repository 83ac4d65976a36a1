/** The quantities stage: counted amounts with their units, and flags for implausible ones. */
import type { Stage } from '../../pipeline/stage.js';
import type { TokenSpan } from '../tokens/tokenize.js';
import { findQuantities } from './find-quantities.js';

/** Assigns `quantities` (QuantitySpan); requires `tokens`, and uses `sentences` when present for context. */
export const quantitiesStage: Stage<'quantities'> = {
  name: 'quantities',
  version: 1,
  requires: ['tokens'],
  assigns: ['quantities'],
  run(doc) {
    const tokens = (doc.layers.tokens ?? []) as readonly TokenSpan[];
    return { quantities: findQuantities(doc.text, tokens, doc.layers.sentences ?? []) };
  },
};
